import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { previewAllocation, type Outstanding, type Share } from './allocation';

/**
 * How a payment will be split across the workers, shown before the officer confirms it: each
 * worker's outstanding balance and share. After recording, `recorded` is the split collections
 * wrote, shown beside the preview.
 */
export function AllocationPreview({
  amountCents,
  debtorName,
  outstanding,
  workerName,
  recorded,
}: {
  amountCents: number;
  debtorName: string;
  outstanding: readonly Outstanding[];
  workerName: (workerId: string) => string;
  recorded?: readonly Share[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const preview = previewAllocation(amountCents, outstanding);
  if (preview.kind === 'nothing_outstanding')
    return (
      <Alert kind="warning" slim>
        {t('collectionCase.allocation.nothingOutstanding')}
      </Alert>
    );
  if (preview.kind === 'exceeds')
    return (
      <Alert kind="warning" slim>
        {t('collectionCase.allocation.exceeds', {
          amount: f.money(amountCents),
          outstanding: f.money(preview.outstandingCents),
        })}
      </Alert>
    );
  const shareOf = (shares: readonly Share[], workerId: string) =>
    shares.find((s) => s.workerId === workerId)?.amountCents ?? 0;
  const rows = [...outstanding].sort((a, b) => (a.workerId < b.workerId ? -1 : 1));
  return (
    <table className="usa-table usa-table--borderless usa-table--compact" data-testid="allocation-preview">
      <caption>
        {t('collectionCase.allocation.caption', { amount: f.money(amountCents), debtor: debtorName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('collectionCase.worker')}</th>
          <th scope="col" className="workbench-numeric">
            {t('collectionCase.allocation.outstanding')}
          </th>
          <th scope="col" className="workbench-numeric">
            {t('collectionCase.allocation.share')}
          </th>
          {recorded && (
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.allocation.recorded')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.workerId}>
            <th scope="row">{workerName(w.workerId)}</th>
            <td className="workbench-numeric">{f.money(w.outstandingCents)}</td>
            <td className="workbench-numeric">{f.money(shareOf(preview.shares, w.workerId))}</td>
            {recorded && <td className="workbench-numeric">{f.money(shareOf(recorded, w.workerId))}</td>}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('collectionCase.ledger.total')}</th>
          <td className="workbench-numeric">
            {f.money(outstanding.reduce((s, w) => s + w.outstandingCents, 0))}
          </td>
          <td className="workbench-numeric">{f.money(amountCents)}</td>
          {recorded && (
            <td className="workbench-numeric">{f.money(recorded.reduce((s, x) => s + x.amountCents, 0))}</td>
          )}
        </tr>
      </tbody>
    </table>
  );
}
