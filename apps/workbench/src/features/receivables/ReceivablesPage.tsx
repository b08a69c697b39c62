import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { NoAccess } from '../../app/NoAccess';
import { useMay } from '../../auth/may';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { CollectionRateChart } from './CollectionRateChart';
import { DefaultsTable } from './DefaultsTable';
import { InstallmentsTable } from './InstallmentsTable';
import { ReceivablesTable } from './ReceivablesTable';
import { AGING_BUCKETS, useReceivables, type AgingBucket, type ReceivablesFilters } from './receivables-data';
import { useCursorPages } from '../../ui/use-cursor-pages';

const FILTERS = ['office', 'industry', 'bucket'] as const;

/**
 * Receivables (`/collections`): open balances in aging buckets, installments due this week,
 * missed installments, plans in default and the collection rate by month, all within the office
 * and industry of the query string. Each row opens its collection case.
 */
export function ReceivablesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const allowed = useMay('GET /api/v1/collection-reports/receivables');
  const filters: ReceivablesFilters = {
    office: params.get('office') ?? undefined,
    industry: params.get('industry') ?? undefined,
    bucket: (params.get('bucket') as AgingBucket | null) ?? undefined,
  };
  const key = JSON.stringify(filters);
  const { cursor, pager } = useCursorPages(key);
  const receivables = useReceivables(filters, cursor, allowed);
  const fieldErrors = isApiError(receivables.error) ? receivables.error.fieldErrors() : {};

  if (!allowed) return <NoAccess />;

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const raw = data.get(name);
      const v = typeof raw === 'string' ? raw.trim() : '';
      // Office codes are upper case ("SF-01").
      if (v) next.set(name, name === 'office' ? v.toUpperCase() : v);
    }
    setParams(next);
  };

  return (
    <>
      <PageTitle subtitle={t('receivables.subtitle')}>{t('receivables.title')}</PageTitle>
      <form
        className="workbench-table-tools"
        onSubmit={apply}
        aria-label={t('receivables.filters')}
        key={key}
      >
        <Field label={t('receivables.office')} hint={t('receivables.officeHint')} error={fieldErrors.office}>
          <input className="usa-input usa-input--small" name="office" defaultValue={filters.office ?? ''} />
        </Field>
        <Field
          label={t('receivables.industry')}
          hint={t('receivables.industryHint')}
          error={fieldErrors.industry}
        >
          <input
            className="usa-input usa-input--small"
            name="industry"
            inputMode="numeric"
            defaultValue={filters.industry ?? ''}
          />
        </Field>
        <Field label={t('receivables.bucket')} error={fieldErrors.bucket}>
          <select className="usa-select" name="bucket" defaultValue={filters.bucket ?? ''}>
            <option value="">{t('common.any')}</option>
            {AGING_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t('receivables.bucketDays', { bucket: b })}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="usa-button">
          {t('common.applyFilters')}
        </button>
      </form>
      <ReceivablesTable query={receivables} page={pager(receivables.data?.nextCursor)} />
      <InstallmentsTable status="due" filters={filters} />
      <InstallmentsTable status="missed" filters={filters} />
      <DefaultsTable filters={filters} />
      <CollectionRateChart filters={filters} />
    </>
  );
}
