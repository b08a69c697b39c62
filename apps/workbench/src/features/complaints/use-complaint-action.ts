import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, ifMatch } from '../../api/client';
import { isApiError } from '../../api/problem';

export interface ActionHeaders {
  'Idempotency-Key': string;
  'If-Match': string;
}

/**
 * One intake action on a complaint, sent at the version the page was showing (If-Match, so a
 * change by someone else meanwhile answers 409) with a fresh Idempotency-Key per submission.
 * On success the complaint, the queue and the case index are fetched again.
 */
export function useComplaintAction<B, R = unknown>(
  caseId: string,
  send: (caseId: string, body: B, header: ActionHeaders) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: B; version: number }) =>
      send(caseId, body, { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(version) }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['complaint', caseId] }),
        queryClient.invalidateQueries({ queryKey: ['complaints'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}

/** The field errors of a failed action, by path (first error of each). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldErrors() : {};
}

/** The first error at a path or under it (`statutes` for `statutes.2`). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key && errors[key];
}
