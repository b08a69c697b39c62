import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useLedger } from '../collection-data';
import { useMayAct, useWorkerName } from '../parts';
import { DisburseForm, TransferForm, UnlocatedForm } from './DisbursementForms';
import type { CollectionTabProps } from './index';

/**
 * Money paid out to each worker: collected for them, paid out, still to pay; workers who cannot
 * be found (what was collected for them is held) and the transfer of held wages to the
 * unclaimed-wage fund.
 */
export function DisbursementsTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const ledger = useLedger(caseId);
  const workerName = useWorkerName(view);
  const mayDisburse = useMayAct('disbursements', view);
  const mayUnlocate = useMayAct('unlocated-workers', view);
  const mayTransfer = useMayAct('unclaimed-transfers', view);
  const workers = ledger.data?.workers ?? [];
  return (
    <>
      <ErrorAlert error={ledger.error} onReload={() => void ledger.refetch()} />
      {ledger.isPending && <p role="status">{t('common.loading')}</p>}
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-label={t('collectionCase.disbursements.caption')}
      >
        <table
          className="usa-table usa-table--borderless usa-table--compact"
          data-testid="disbursements-table"
        >
          <caption>{t('collectionCase.disbursements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collectionCase.worker')}</th>
              <th scope="col" className="workbench-numeric">
                {t('collectionCase.figures.collectedCents')}
              </th>
              <th scope="col" className="workbench-numeric">
                {t('collectionCase.figures.disbursedCents')}
              </th>
              <th scope="col" className="workbench-numeric">
                {t('collectionCase.figures.undisbursedCents')}
              </th>
              <th scope="col" className="workbench-numeric">
                {t('collectionCase.figures.heldForUnlocatedCents')}
              </th>
              <th scope="col" className="workbench-numeric">
                {t('collectionCase.figures.transferredUnclaimedCents')}
              </th>
              <th scope="col">{t('collectionCase.overview.located')}</th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.workerId}>
                <th scope="row">{workerName(w.workerId)}</th>
                <td className="workbench-numeric">{f.money(w.collectedCents)}</td>
                <td className="workbench-numeric">{f.money(w.disbursedCents)}</td>
                <td className="workbench-numeric">{f.money(w.undisbursedCents)}</td>
                <td className="workbench-numeric">{f.money(w.heldForUnlocatedCents)}</td>
                <td className="workbench-numeric">{f.money(w.transferredUnclaimedCents)}</td>
                <td>
                  {view.unlocatedSince[w.workerId]
                    ? t('collectionCase.overview.unlocatedSince', {
                        date: f.date(view.unlocatedSince[w.workerId]),
                      })
                    : t('collectionCase.overview.locatedYes')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayDisburse && ledger.data && <DisburseForm caseId={caseId} view={view} workers={workers} />}
      {mayUnlocate && <UnlocatedForm caseId={caseId} view={view} />}
      {mayTransfer && Object.keys(view.unlocatedSince).length > 0 && (
        <TransferForm caseId={caseId} view={view} />
      )}
    </>
  );
}
