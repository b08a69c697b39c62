import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/format';
import type { Amounts } from '../../investigation-parts';

/** A computation's or a worker's amounts, in integer cents. */
export function AmountsStrip({ amounts, totalLabel }: { amounts: Amounts; totalLabel: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = [
    [t('backWages.amounts.minimumWage'), amounts.minimumWageCents],
    [t('backWages.amounts.overtime'), amounts.overtimeCents],
    [t('backWages.amounts.unpaidWages'), amounts.unpaidWagesCents],
    [t('backWages.amounts.liquidatedDamages'), amounts.liquidatedDamagesCents],
    [totalLabel, amounts.totalCents],
  ] as const;
  return (
    <dl className="workbench-summary-strip margin-y-1">
      {items.map(([label, cents]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{f.money(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
