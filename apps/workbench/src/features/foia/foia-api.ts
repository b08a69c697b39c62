import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type FoiaRequestItem = Json<
  paths['/api/v1/foia-requests']['get']['responses']['200']
>['items'][number];
export type FoiaRequestView = Json<paths['/api/v1/foia-requests/{requestId}']['get']['responses']['200']>;
export type CompiledPackage = Json<
  paths['/api/v1/foia-requests/{requestId}/compilations']['post']['responses']['200']
>;
export type FoiaPackage = CompiledPackage['package'];
export type RedactionEntry = FoiaPackage['redactionLog'][number];
export type PackageRecord = FoiaPackage['cases'][number]['records'][number];
export type ReceiveFoiaRequest = NonNullable<
  paths['/api/v1/foia-requests']['post']['requestBody']
>['content']['application/json'];

export const OPERATIONS = {
  list: 'GET /api/v1/foia-requests',
  receive: 'POST /api/v1/foia-requests',
  get: 'GET /api/v1/foia-requests/{requestId}',
  compile: 'POST /api/v1/foia-requests/{requestId}/compilations',
  override: 'POST /api/v1/foia-requests/{requestId}/overrides',
  release: 'POST /api/v1/foia-requests/{requestId}/release',
  package: 'GET /api/v1/foia-requests/{requestId}/package',
  extend: 'POST /api/v1/foia-requests/{requestId}/extension',
  toll: 'POST /api/v1/foia-requests/{requestId}/tolling',
  resume: 'POST /api/v1/foia-requests/{requestId}/resumption',
} as const;

export const foiaRequestKey = (requestId: string) => ['foia-request', requestId] as const;

export function useFoiaRequest(requestId: string) {
  return useQuery({
    queryKey: foiaRequestKey(requestId),
    queryFn: async () =>
      ok(await api.GET('/api/v1/foia-requests/{requestId}', { params: { path: { requestId } } })),
  });
}

/** The path of the released package as the gateway serves it, as HTML (the document) or JSON. */
export const packageUrl = (requestId: string, format: 'html' | 'json') =>
  `/api/v1/foia-requests/${requestId}/package?format=${format}`;

/**
 * `<input type="datetime-local">` works in the person's local time without a zone; the API takes
 * an instant. An empty or impossible value gives undefined.
 */
export function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * An instant as the local `datetime-local` value, to the second (a cut-off a minute early would
 * leave out the records of that minute).
 */
export function localInputOf(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}
