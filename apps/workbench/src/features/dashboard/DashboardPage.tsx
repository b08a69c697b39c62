import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { NoAccess } from '../../app/NoAccess';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { DashboardFiltersForm } from './DashboardFiltersForm';
import { DashboardSummary } from './DashboardSummary';
import { GroupCharts } from './GroupCharts';
import { IntakeCharts } from './IntakeCharts';
import { MoneyCharts } from './MoneyCharts';
import { DASHBOARD_FILTERS, useDashboard, type DashboardFilters } from './dashboard-data';

/**
 * The manager dashboard (`/dashboard`): intake volume, time from complaint to case opened, open
 * investigations by age, back wages assessed, collected and disbursed, the collection rate, and
 * all of it by office and industry. Every chart has its table; the filters are in the URL.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const allowed = useMay('GET /api/v1/reports/dashboard');
  const filters: DashboardFilters = {};
  for (const name of DASHBOARD_FILTERS) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  const query = useDashboard(filters, allowed);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};
  if (!allowed) return <NoAccess />;

  const pct = new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 });
  const percent = (v: number | null) => (v == null ? '—' : pct.format(v));
  const data = query.isError ? undefined : query.data;
  return (
    <>
      <PageTitle subtitle={t('dashboard.subtitle')}>{t('dashboard.title')}</PageTitle>
      <DashboardFiltersForm filters={filters} fieldErrors={fieldErrors} onApply={setParams} />
      <ErrorAlert error={query.error} />
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="text-base-dark">{t('dashboard.period', { date: f.date(data.asOf) })}</p>
          <DashboardSummary data={data} percent={percent} />
          <IntakeCharts data={data} />
          <MoneyCharts data={data} percent={percent} />
          <GroupCharts data={data} percent={percent} />
        </>
      )}
    </>
  );
}
