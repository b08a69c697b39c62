import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartSeries } from '../../ui/chart/Chart';
import type { Dashboard, MoneyRow } from './dashboard-data';

/** Back wages assessed, collected and disbursed by month, and the collection rate by month. */
export function MoneyCharts({ data, percent }: { data: Dashboard; percent: (v: number | null) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (v: number | null) => f.money(v);
  const compact = new Intl.NumberFormat(f.locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
  });
  const sums: ChartSeries<MoneyRow>[] = [
    { key: 'assessed', label: t('dashboard.money.assessed'), value: (r) => r.assessedCents, format: money },
    {
      key: 'collected',
      label: t('dashboard.money.collected'),
      value: (r) => r.collectedCents,
      format: money,
    },
    {
      key: 'disbursed',
      label: t('dashboard.money.disbursed'),
      value: (r) => r.disbursedCents,
      format: money,
    },
  ];
  const rows = data.collections.byMonth;
  return (
    <section aria-labelledby="dashboard-money" className="margin-top-4">
      <h2 id="dashboard-money">{t('dashboard.money.heading')}</h2>
      <div className="grid-row grid-gap-4">
        <div className="desktop:grid-col-6">
          <Chart<MoneyRow>
            kind="bar"
            title={t('dashboard.money.byMonth')}
            summary={t('dashboard.money.summary')}
            rows={rows}
            categoryLabel={t('dashboard.money.month')}
            category={(r) => r.group}
            series={sums}
            axisFormat={(v) => compact.format(v / 100)}
            empty={t('dashboard.money.empty')}
          />
        </div>
        <div className="desktop:grid-col-6">
          <Chart<MoneyRow>
            kind="line"
            title={t('dashboard.money.rateByMonth')}
            rows={rows}
            categoryLabel={t('dashboard.money.month')}
            category={(r) => r.group}
            series={[
              { key: 'rate', label: t('dashboard.money.rate'), value: (r) => r.rate, format: percent },
              ...sums.slice(0, 2).map((s) => ({ ...s, tableOnly: true })),
            ]}
            maxValue={1}
            axisFormat={(v) => percent(v)}
            empty={t('dashboard.money.empty')}
          />
        </div>
      </div>
    </section>
  );
}
