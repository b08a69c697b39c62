import { useCallback, useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { Field } from '../../ui/Field';
import { useShownName } from '../../ui/erased';
import { READ_COMPLAINT } from './case-data';

export interface KnownWorker {
  workerId: string;
  name: string | null;
}

/**
 * The workers the case knows by name: the complainants (their `complainantId` is their worker id
 * in hours, back wages and collections). Read from the complaint, for roles that may read it.
 */
export function useCaseWorkers(caseId: string) {
  const role = useSession()?.actor.role;
  return useQuery({
    queryKey: ['case-workers', caseId],
    queryFn: async (): Promise<KnownWorker[]> => {
      const c = ok(await api.GET('/api/v1/complaints/{caseId}', { params: { path: { caseId } } }));
      const complainants =
        (c.complaint as { complainants?: { complainantId?: string; name?: string }[] }).complainants ?? [];
      return complainants
        .filter((x) => x.complainantId)
        .map((x) => ({ workerId: x.complainantId!, name: x.name ?? null }));
    },
    enabled: may(role, READ_COMPLAINT),
    staleTime: 60_000,
  });
}

/** A worker's name where the case knows it, else the start of their id. */
export function useWorkerLabel(workers: readonly KnownWorker[] | undefined) {
  const { t } = useTranslation();
  const shown = useShownName();
  return useCallback(
    (workerId: string | null | undefined): string => {
      if (!workerId) return '—';
      const w = workers?.find((x) => x.workerId === workerId);
      return w?.name ? shown(w.name) : t('workers.unnamed', { id: workerId.slice(0, 8) });
    },
    [workers, t, shown],
  );
}

export const OTHER_WORKER = 'other';

/**
 * Picks a worker: one of the complainants by name, or another worker by id (a worker of the hours
 * records, whose id the back-wage computation shows). `value` is the chosen id or OTHER_WORKER.
 */
export function WorkerPicker({
  label,
  workers,
  choice,
  otherId,
  onChoice,
  onOtherId,
  error,
  required,
}: {
  label: string;
  workers: readonly KnownWorker[];
  choice: string;
  otherId: string;
  onChoice: (v: string) => void;
  onOtherId: (v: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const labelOf = useWorkerLabel(workers);
  return (
    <>
      <Field label={label} error={choice === OTHER_WORKER ? undefined : error} required={required}>
        <select
          className="usa-select"
          name={`${id}-worker`}
          value={choice}
          onChange={(e) => onChoice(e.target.value)}
        >
          <option value="">{required ? t('workers.choose') : t('workers.none')}</option>
          {workers.map((w) => (
            <option key={w.workerId} value={w.workerId}>
              {labelOf(w.workerId)}
            </option>
          ))}
          <option value={OTHER_WORKER}>{t('workers.other')}</option>
        </select>
      </Field>
      {choice === OTHER_WORKER && (
        <Field label={t('workers.otherId')} hint={t('workers.otherIdHint')} error={error} required={required}>
          <input
            className="usa-input"
            name={`${id}-worker-id`}
            value={otherId}
            onChange={(e) => onOtherId(e.target.value)}
            autoComplete="off"
          />
        </Field>
      )}
    </>
  );
}

/** The worker id a picker stands for ('' for none). */
export function pickedWorker(choice: string, otherId: string): string {
  return choice === OTHER_WORKER ? otherId.trim() : choice;
}
