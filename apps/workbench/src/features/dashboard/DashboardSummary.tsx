import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { Dashboard } from './dashboard-data';

/** The headline figures of the period, above the charts. */
export function DashboardSummary({
  data,
  percent,
}: {
  data: Dashboard;
  percent: (v: number | null) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const complaints = data.intake.byChannel.reduce((n, c) => n + c.complaints, 0);
  const open = data.intake.openInvestigations.reduce((n, b) => n + b.cases, 0);
  const money = data.collections.totals;
  const figures: Array<[string, string]> = [
    [t('dashboard.summary.complaints'), f.number(complaints)],
    [t('dashboard.summary.casesOpened'), f.number(data.intake.timeToOpen.cases)],
    [
      t('dashboard.summary.medianDays'),
      t('dashboard.days', { days: f.number(data.intake.timeToOpen.medianDays, 1) }),
    ],
    [t('dashboard.summary.openInvestigations'), f.number(open)],
    [t('dashboard.money.assessed'), f.money(money.assessedCents)],
    [t('dashboard.money.collected'), f.money(money.collectedCents)],
    [t('dashboard.money.disbursed'), f.money(money.disbursedCents)],
    [t('dashboard.money.rate'), percent(money.rate)],
  ];
  return (
    <section className="workbench-summary-strip margin-bottom-3" aria-label={t('dashboard.summary.label')}>
      <dl>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
