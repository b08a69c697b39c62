import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TAKE_CHECKPOINT } from './audit-routes';
import type { SignedCheckpoint } from './audit-api';
import { OutsideCheck } from './OutsideCheck';
import { useInstantFormat } from './TimeControl';

const LATEST = ['audit', 'checkpoint', 'latest'];

/** The latest signed integrity checkpoint, recording a new one, and how to check it elsewhere. */
export function CheckpointPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayTake = useMay(TAKE_CHECKPOINT);
  const latest = useQuery({
    queryKey: LATEST,
    queryFn: async () => ok(await api.GET('/api/v1/integrity/checkpoints/latest')),
  });
  const take = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/integrity/checkpoints', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: (file) => queryClient.setQueryData(LATEST, file),
  });
  const none = isApiError(latest.error) && latest.error.status === 404;
  const file = latest.data;

  return (
    <section aria-labelledby="checkpoint-heading" className="margin-top-5">
      <h2 id="checkpoint-heading">{t('audit.integrity.checkpoint.heading')}</h2>
      <p className="measure-5">{t('audit.integrity.checkpoint.explain')}</p>
      {latest.isPending && <p role="status">{t('audit.loading')}</p>}
      {none ? (
        <Alert kind="info" slim>
          {t('audit.integrity.checkpoint.none')}
        </Alert>
      ) : (
        <ErrorAlert error={latest.error} onReload={() => void latest.refetch()} />
      )}
      {file && <CheckpointFacts file={file} />}
      {mayTake && (
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={take.isPending}
          onClick={() => take.mutate()}
        >
          {t('audit.integrity.checkpoint.take')}
        </button>
      )}
      <ErrorAlert error={take.error} />
      {take.isSuccess && (
        <Alert kind="success" slim>
          {t('audit.integrity.checkpoint.taken', { n: take.data.payload.checkpointNumber as number })}
        </Alert>
      )}
      {file && <OutsideCheck file={file} />}
    </section>
  );
}

/** A payload member as text (the payload is typed loosely: a record of the signed fields). */
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function CheckpointFacts({ file }: { file: SignedCheckpoint }) {
  const { t } = useTranslation();
  const instant = useInstantFormat();
  const p = file.payload;
  const facts: Array<[string, string]> = [
    [t('audit.integrity.checkpoint.number'), text(p.checkpointNumber)],
    [t('audit.integrity.checkpoint.takenAt'), instant(text(p.takenAt))],
    [t('audit.integrity.checkpoint.position'), text(p.position)],
    [
      t('audit.integrity.checkpoint.counts'),
      t('audit.integrity.checkpoint.countsValue', { events: p.events, streams: p.streams }),
    ],
    [t('audit.integrity.checkpoint.root'), text(p.merkleRoot)],
    [
      t('audit.integrity.checkpoint.previousRoot'),
      p.previousRoot ? text(p.previousRoot) : t('audit.integrity.checkpoint.first'),
    ],
    [t('audit.integrity.checkpoint.key'), file.signature.keyId],
  ];
  return (
    <dl className="audit-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className="workbench-mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
