import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { DASHBOARD_FILTERS, type DashboardFilters } from './dashboard-data';

/** Office, sector and period, applied to the query string (the dashboard is bookmarkable). */
export function DashboardFiltersForm({
  filters,
  fieldErrors,
  onApply,
}: {
  filters: DashboardFilters;
  fieldErrors: Record<string, string>;
  onApply: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const name of DASHBOARD_FILTERS) {
      const raw = data.get(name);
      const v = typeof raw === 'string' ? raw.trim() : '';
      if (v) next.set(name, name === 'office' ? v.toUpperCase() : v);
    }
    onApply(next);
  };
  return (
    <form
      className="workbench-table-tools"
      onSubmit={apply}
      aria-label={t('dashboard.filters')}
      key={JSON.stringify(filters)}
    >
      <Field label={t('dashboard.office')} hint={t('dashboard.officeHint')} error={fieldErrors.office}>
        <input className="usa-input usa-input--small" name="office" defaultValue={filters.office ?? ''} />
      </Field>
      <Field label={t('dashboard.industry')} hint={t('dashboard.industryHint')} error={fieldErrors.industry}>
        <input
          className="usa-input usa-input--small"
          name="industry"
          inputMode="numeric"
          defaultValue={filters.industry ?? ''}
        />
      </Field>
      <Field label={t('dashboard.from')} error={fieldErrors.from}>
        <input className="usa-input" type="date" name="from" defaultValue={filters.from ?? ''} />
      </Field>
      <Field label={t('dashboard.to')} error={fieldErrors.to}>
        <input className="usa-input" type="date" name="to" defaultValue={filters.to ?? ''} />
      </Field>
      <button type="submit" className="usa-button">
        {t('common.applyFilters')}
      </button>
    </form>
  );
}
