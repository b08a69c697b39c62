import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { download } from '../../../api/transfer';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { useWorkerName } from '../parts';
import { DebtorStatementView, WorkerStatementView } from './StatementViews';
import type { CollectionTabProps } from './index';

const DEBTOR_OP = 'GET /api/v1/collections/{caseId}/statements/debtors/{debtorId}';
const WORKER_OP = 'GET /api/v1/collections/{caseId}/statements/workers/{workerId}';

/**
 * The statement of account of each employer (debtor) and each worker, as of a date: shown here,
 * printed with the print stylesheet (only the statement goes on paper), or downloaded as the
 * service's printable page (a worker's in the worker's preferred language).
 */
export function StatementsTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const workerName = useWorkerName(view);
  const [party, setParty] = useState(view.debtors[0] ? `debtor:${view.debtors[0].debtorId}` : '');
  const [asOf, setAsOf] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>();
  const [kind, id = ''] = party.split(':') as ['debtor' | 'worker', string];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
  const statement = useQuery({
    queryKey: ['collection-statement', caseId, party, date ?? null],
    enabled: !!id,
    retry: false,
    queryFn: async () =>
      kind === 'debtor'
        ? ok(
            await api.GET('/api/v1/collections/{caseId}/statements/debtors/{debtorId}', {
              params: { path: { caseId, debtorId: id }, query: date ? { asOf: date } : {} },
            }),
          )
        : ok(
            await api.GET('/api/v1/collections/{caseId}/statements/workers/{workerId}', {
              params: { path: { caseId, workerId: id }, query: date ? { asOf: date } : {} },
            }),
          ),
  });
  const save = () => {
    setDownloadError(undefined);
    const query = new URLSearchParams({ format: 'html', ...(date ? { asOf: date } : {}) });
    const base = `/api/v1/collections/${caseId}/statements/${kind === 'debtor' ? 'debtors' : 'workers'}/${id}`;
    const name = `statement-${view.caseNumber ?? caseId}-${kind}-${kind === 'debtor' ? view.debtors.findIndex((d) => d.debtorId === id) + 1 : view.workers.findIndex((w) => w.workerId === id) + 1}.html`;
    download(`${base}?${query.toString()}`, kind === 'debtor' ? DEBTOR_OP : WORKER_OP, name).catch(
      setDownloadError,
    );
  };
  // The route also answers the printable page (text/html); this screen asks for JSON.
  const data = typeof statement.data === 'object' ? statement.data : undefined;
  return (
    <>
      <div className="workbench-table-tools workbench-no-print">
        <Field label={t('collectionCase.statements.party')}>
          <select className="usa-select" value={party} onChange={(e) => setParty(e.currentTarget.value)}>
            <optgroup label={t('collectionCase.statements.debtors')}>
              {view.debtors.map((d) => (
                <option key={d.debtorId} value={`debtor:${d.debtorId}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('collectionCase.statements.workers')}>
              {view.workers.map((w) => (
                <option key={w.workerId} value={`worker:${w.workerId}`}>
                  {workerName(w.workerId)}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field label={t('collectionCase.statements.asOf')} hint={t('collectionCase.todayHint')}>
          <input
            className="usa-input"
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
          />
        </Field>
        <div className="usa-button-group">
          <button type="button" className="usa-button" onClick={() => window.print()} disabled={!data}>
            {t('collectionCase.statements.print')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={save} disabled={!data}>
            {t('collectionCase.statements.download')}
          </button>
        </div>
      </div>
      <ErrorAlert error={statement.error ?? downloadError} onReload={() => void statement.refetch()} />
      {statement.isFetching && !data && <p role="status">{t('common.loading')}</p>}
      {data?.kind === 'debtor' && <DebtorStatementView statement={data} />}
      {data?.kind === 'worker' && <WorkerStatementView statement={data} />}
    </>
  );
}
