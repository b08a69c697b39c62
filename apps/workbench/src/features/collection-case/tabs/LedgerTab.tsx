import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { Alert } from '../../../ui/Alert';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { useLedger } from '../collection-data';
import { useWorkerName } from '../parts';
import type { CollectionTabProps } from './index';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIGURES = [
  'assessedCents',
  'collectedCents',
  'writtenOffCents',
  'outstandingCents',
  'disbursedCents',
  'heldForUnlocatedCents',
  'transferredUnclaimedCents',
  'undisbursedCents',
] as const;

/**
 * The double-entry ledger as of any date (?asOf=YYYY-MM-DD in the URL, so the balance on a given
 * day can be shared as a link): totals, each worker's figures, and every posting up to that day.
 */
export function LedgerTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const typed = params.get('asOf') ?? '';
  const asOf = ISO_DATE.test(typed) ? typed : undefined;
  const ledger = useLedger(caseId, asOf);
  const workerName = useWorkerName(view);
  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('asOf', value);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };
  const data = ledger.data;
  return (
    <>
      <div className="workbench-table-tools">
        <Field label={t('collectionCase.ledger.asOf')} hint={t('collectionCase.ledger.asOfHint')}>
          <input
            className="usa-input"
            type="date"
            value={typed}
            onChange={(e) => setAsOf(e.currentTarget.value)}
          />
        </Field>
      </div>
      <ErrorAlert error={ledger.error} onReload={() => void ledger.refetch()} />
      {ledger.isPending && <p role="status">{t('common.loading')}</p>}
      {data && (
        <>
          <p role="status" data-testid="ledger-as-of">
            {asOf
              ? t('collectionCase.ledger.balanceOn', {
                  date: f.date(asOf),
                  amount: f.money(data.totals.outstandingCents),
                })
              : t('collectionCase.ledger.balanceNow', { amount: f.money(data.totals.outstandingCents) })}
          </p>
          {!data.balanced && (
            <Alert kind="error" slim>
              {t('collectionCase.ledger.unbalanced')}
            </Alert>
          )}
          <div
            className="usa-table-container--scrollable"
            tabIndex={0}
            role="region"
            aria-label={t('collectionCase.ledger.workersCaption')}
          >
            <table className="usa-table usa-table--borderless usa-table--compact">
              <caption>{t('collectionCase.ledger.workersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('collectionCase.worker')}</th>
                  {FIGURES.map((k) => (
                    <th scope="col" key={k} className="workbench-numeric">
                      {t(`collectionCase.figures.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.workers.map((w) => (
                  <tr key={w.workerId}>
                    <th scope="row">{workerName(w.workerId)}</th>
                    {FIGURES.map((k) => (
                      <td key={k} className="workbench-numeric">
                        {f.money(w[k])}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('collectionCase.ledger.total')}</th>
                  {FIGURES.map((k) => (
                    <td key={k} className="workbench-numeric text-bold">
                      {f.money(data.totals[k])}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <table className="usa-table usa-table--borderless usa-table--compact">
            <caption>{t('collectionCase.ledger.postingsCaption', { count: data.postings.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('collectionCase.ledger.on')}</th>
                <th scope="col">{t('collectionCase.ledger.event')}</th>
                <th scope="col">{t('collectionCase.worker')}</th>
                <th scope="col">{t('collectionCase.ledger.debit')}</th>
                <th scope="col">{t('collectionCase.ledger.credit')}</th>
                <th scope="col" className="workbench-numeric">
                  {t('collectionCase.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.postings.map((p) => (
                <tr key={`${p.seq}:${p.workerId}:${p.debit}`}>
                  <td>{f.date(p.on)}</td>
                  <td>{p.eventType}</td>
                  <td>{workerName(p.workerId)}</td>
                  <td>{p.debit}</td>
                  <td>{p.credit}</td>
                  <td className="workbench-numeric">{f.money(p.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
