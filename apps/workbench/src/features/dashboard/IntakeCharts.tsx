import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Chart } from '../../ui/chart/Chart';
import type { Dashboard } from './dashboard-data';

type Intake = Dashboard['intake'];

/** Intake by channel and language, time from complaint to case opened, open investigations by age. */
export function IntakeCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const f = useFormat();
  const count = (v: number | null) => f.number(v);
  const days = (v: number | null) => (v == null ? '—' : t('dashboard.days', { days: f.number(v, 1) }));
  const languageNames = new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' });
  const language = (tag: string) =>
    tag === 'und' ? t('dashboard.unknownLanguage') : (languageNames.of(tag) ?? tag);
  const timing = data.intake.timeToOpen;
  const stats = [
    { stat: t('dashboard.timing.median'), days: timing.medianDays },
    { stat: t('dashboard.timing.p75'), days: timing.p75Days },
    { stat: t('dashboard.timing.p90'), days: timing.p90Days },
  ];
  return (
    <section aria-labelledby="dashboard-intake" className="margin-top-4">
      <h2 id="dashboard-intake">{t('dashboard.intake.heading')}</h2>
      <div className="grid-row grid-gap-4">
        <div className="desktop:grid-col-6">
          <Chart<Intake['byChannel'][number]>
            kind="bar"
            title={t('dashboard.intake.byChannel')}
            rows={data.intake.byChannel}
            categoryLabel={t('dashboard.intake.channel')}
            category={(r) => t(`intake.channels.${r.channel}`)}
            series={[
              {
                key: 'complaints',
                label: t('dashboard.intake.complaints'),
                value: (r) => r.complaints,
                format: count,
              },
            ]}
            empty={t('dashboard.empty')}
          />
        </div>
        <div className="desktop:grid-col-6">
          <Chart<Intake['byLanguage'][number]>
            kind="bar"
            title={t('dashboard.intake.byLanguage')}
            rows={data.intake.byLanguage}
            categoryLabel={t('dashboard.intake.language')}
            category={(r) => language(r.language)}
            series={[
              {
                key: 'complaints',
                label: t('dashboard.intake.complaints'),
                value: (r) => r.complaints,
                format: count,
              },
            ]}
            empty={t('dashboard.empty')}
          />
        </div>
        <div className="desktop:grid-col-6">
          <Chart<(typeof stats)[number]>
            kind="bar"
            title={t('dashboard.timing.title')}
            summary={t('dashboard.timing.summary', { count: timing.cases })}
            rows={timing.cases ? stats : []}
            categoryLabel={t('dashboard.timing.statistic')}
            category={(r) => r.stat}
            series={[{ key: 'days', label: t('dashboard.timing.days'), value: (r) => r.days, format: days }]}
            empty={t('dashboard.timing.empty')}
          />
        </div>
        <div className="desktop:grid-col-6">
          <Chart<Intake['openInvestigations'][number]>
            kind="bar"
            title={t('dashboard.open.title')}
            summary={t('dashboard.open.summary', { date: f.date(data.asOf) })}
            rows={data.intake.openInvestigations}
            categoryLabel={t('dashboard.open.age')}
            category={(r) => t('dashboard.open.bucket', { bucket: r.bucket })}
            series={[
              { key: 'cases', label: t('dashboard.open.cases'), value: (r) => r.cases, format: count },
            ]}
            empty={t('dashboard.empty')}
          />
        </div>
      </div>
    </section>
  );
}
