import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Chart } from '../../ui/chart/Chart';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useCollectionRateByMonth, type RateGroup, type ReceivablesFilters } from './receivables-data';

/** Collected / assessed by the month collection cases opened, with its table. */
export function CollectionRateChart({ filters }: { filters: ReceivablesFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useCollectionRateByMonth(filters);
  const pct = new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 });
  const percent = (v: number | null) => (v == null ? '—' : pct.format(v));
  return (
    <section aria-labelledby="rate-heading" className="margin-top-4">
      <h2 id="rate-heading">{t('receivables.rate.heading')}</h2>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <Chart<RateGroup>
          kind="line"
          title={t('receivables.rate.title')}
          summary={t('receivables.rate.summary')}
          rows={query.data?.groups ?? []}
          categoryLabel={t('receivables.rate.month')}
          category={(r) => r.group}
          series={[
            { key: 'rate', label: t('receivables.rate.rate'), value: (r) => r.rate, format: percent },
            {
              key: 'assessed',
              label: t('receivables.columns.assessed'),
              value: (r) => r.assessedCents,
              format: (v) => f.money(v),
              tableOnly: true,
            },
            {
              key: 'collected',
              label: t('receivables.columns.collected'),
              value: (r) => r.collectedCents,
              format: (v) => f.money(v),
              tableOnly: true,
            },
          ]}
          maxValue={1}
          axisFormat={(v) => pct.format(v)}
          empty={t('receivables.rate.empty')}
        />
      )}
    </section>
  );
}
