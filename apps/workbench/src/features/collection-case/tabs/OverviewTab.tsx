import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { Alert } from '../../../ui/Alert';
import { useWorkerName } from '../parts';
import { CloseReopen } from './CloseReopen';
import type { CollectionTabProps } from './index';

/**
 * Who owes and who is owed: the debtors, each liable for the whole amount (jointly and
 * severally: any one of them may be made to pay all of it), and each worker's claim.
 */
export function OverviewTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const workerName = useWorkerName(view);
  return (
    <>
      {view.status === 'closed' && view.closed && (
        <Alert kind="info" slim>
          {t('collectionCase.overview.closed', {
            date: f.date(view.closed.closedOn),
            reason: t(
              `collectionCase.closeReasons.${view.closed.reason}` as 'collectionCase.closeReasons.other',
            ),
          })}
        </Alert>
      )}
      <p>
        {t('collectionCase.overview.jointLiability', {
          count: view.debtors.length,
          amount: f.money(view.totals.outstandingCents),
        })}
      </p>
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.overview.debtorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.overview.debtor')}</th>
            <th scope="col">{t('collectionCase.overview.role')}</th>
            <th scope="col">{t('collectionCase.overview.liableFor')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.overview.paidByDebtor')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.debtors.map((d) => (
            <tr key={d.debtorId}>
              <th scope="row">{d.name}</th>
              <td>{t(`employers.roles.${d.role}` as 'employers.roles.direct')}</td>
              <td>
                {t('collectionCase.overview.wholeAmount', { amount: f.money(view.totals.outstandingCents) })}
              </td>
              <td className="workbench-numeric">
                {f.money(
                  view.payments
                    .filter((p) => p.debtorId === d.debtorId && !p.reversed)
                    .reduce((s, p) => s + p.amountCents, 0),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.overview.workersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.worker')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.overview.assessed')}
            </th>
            <th scope="col">{t('collectionCase.overview.located')}</th>
          </tr>
        </thead>
        <tbody>
          {view.workers.map((w) => (
            <tr key={w.workerId}>
              <th scope="row">{workerName(w.workerId)}</th>
              <td className="workbench-numeric">{f.money(w.assessedCents)}</td>
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
      <CloseReopen caseId={caseId} view={view} />
    </>
  );
}
