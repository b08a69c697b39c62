import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Chart, type ChartSeries } from '../../ui/chart/Chart';
import type { Dashboard, IndustryRow, OfficeRow } from './dashboard-data';

/**
 * Every figure by office and by industry (NAICS sector): complaints and cases opened drawn, the
 * money and the rate in the table. A sector holding a targeted industry is marked.
 */
export function GroupCharts({ data, percent }: { data: Dashboard; percent: (v: number | null) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const count = (v: number | null) => f.number(v);
  const money = (v: number | null) => f.money(v);
  const series = <R extends OfficeRow>(): ChartSeries<R>[] => [
    { key: 'complaints', label: t('dashboard.intake.complaints'), value: (r) => r.complaints, format: count },
    {
      key: 'casesOpened',
      label: t('dashboard.summary.casesOpened'),
      value: (r) => r.casesOpened,
      format: count,
    },
    {
      key: 'assessed',
      label: t('dashboard.money.assessed'),
      value: (r) => r.assessedCents,
      format: money,
      tableOnly: true,
    },
    {
      key: 'collected',
      label: t('dashboard.money.collected'),
      value: (r) => r.collectedCents,
      format: money,
      tableOnly: true,
    },
    {
      key: 'disbursed',
      label: t('dashboard.money.disbursed'),
      value: (r) => r.disbursedCents,
      format: money,
      tableOnly: true,
    },
    { key: 'rate', label: t('dashboard.money.rate'), value: (r) => r.rate, format: percent, tableOnly: true },
  ];
  const industry = (r: IndustryRow) => (r.group === 'unknown' ? t('dashboard.unknownSector') : r.group);
  const targeted = (r: IndustryRow) =>
    r.targeted.length
      ? t('dashboard.groups.targeted', {
          industries: new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(
            // The default targeted industries have names here; one added by configuration reads as written.
            r.targeted.map((i) =>
              t(`dashboard.industries.${i}` as 'dashboard.industries.agriculture', {
                defaultValue: i.replace(/_/g, ' '),
              }),
            ),
          ),
        })
      : undefined;
  return (
    <section aria-labelledby="dashboard-groups" className="margin-top-4">
      <h2 id="dashboard-groups">{t('dashboard.groups.heading')}</h2>
      <Chart<OfficeRow>
        kind="bar"
        title={t('dashboard.groups.byOffice')}
        rows={data.byOffice}
        categoryLabel={t('dashboard.office')}
        category={(r) => r.group}
        series={series<OfficeRow>()}
        empty={t('dashboard.empty')}
      />
      <Chart<IndustryRow>
        kind="bar"
        title={t('dashboard.groups.byIndustry')}
        summary={t('dashboard.groups.industrySummary')}
        rows={data.byIndustry}
        categoryLabel={t('dashboard.groups.sector')}
        category={industry}
        categoryNote={targeted}
        noteLegend={t('dashboard.groups.targetedLegend')}
        series={series<IndustryRow>()}
        empty={t('dashboard.empty')}
      />
    </section>
  );
}
