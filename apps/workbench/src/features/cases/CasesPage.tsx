import { useMemo, type FormEvent } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { may } from '../../auth/may';
import { isApiError } from '../../api/problem';
import { useSession } from '../../auth/session';
import { NoAccess } from '../../app/NoAccess';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { CASE_STATUSES, useCaseIndex, type CaseEntry, type CaseQuery } from './case-index';

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const FILTERS = ['status', 'priority', 'office', 'caseNumber'] as const;
const column = createColumnHelper<CaseEntry>();

/**
 * The case index: every opened case, and complaints that ended at intake, filtered on the server
 * by status, priority, office and case number. The filters live in the URL (bookmarkable); each
 * row opens its case file.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters: CaseQuery = {
    status: (params.get('status') as CaseQuery['status']) ?? undefined,
    priority: (params.get('priority') as CaseQuery['priority']) ?? undefined,
    office: params.get('office') ?? undefined,
    caseNumber: params.get('caseNumber') ?? undefined,
  };
  const key = JSON.stringify(filters);
  const { cursor, pager } = useCursorPages(key);
  const allowed = may(session?.actor.role, 'GET /api/v1/cases');
  const query = useCaseIndex(filters, cursor, allowed);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};

  const columns = useMemo(
    () => [
      column.accessor('caseNumber', {
        header: t('cases.columns.case'),
        cell: (c) => (
          <Link to={`/cases/${c.row.original.caseId}`}>{c.getValue() ?? t('cases.noCaseNumber')}</Link>
        ),
      }),
      column.accessor('employerName', { header: t('cases.columns.employer') }),
      column.accessor('status', {
        header: t('cases.columns.status'),
        cell: (c) => (
          <>
            {t(`caseStatus.${c.getValue()}`)}
            <span className="display-block font-body-3xs text-base-dark">
              {f.date(c.row.original.statusChangedAt)}
            </span>
          </>
        ),
      }),
      column.accessor('priority', {
        header: t('cases.columns.priority'),
        cell: (c) => (c.getValue() ? <span className="usa-tag">{c.getValue()}</span> : t('cases.notTriaged')),
      }),
      column.accessor('office', { header: t('cases.columns.office') }),
      column.accessor('openedAt', { header: t('cases.columns.opened'), cell: (c) => f.date(c.getValue()) }),
    ],
    [t, f],
  );

  if (!allowed) return <NoAccess />;

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const raw = data.get(name);
      const v = typeof raw === 'string' ? raw.trim() : '';
      // Office codes and case numbers are upper case ("SF-01", "LSE-2026-000123").
      if (v) next.set(name, name === 'office' || name === 'caseNumber' ? v.toUpperCase() : v);
    }
    setParams(next);
  };

  return (
    <>
      <PageTitle subtitle={t('cases.subtitle')}>{t('cases.title')}</PageTitle>
      <form className="workbench-table-tools" onSubmit={apply} aria-label={t('cases.filters')} key={key}>
        <Field label={t('cases.columns.status')} error={fieldErrors.status}>
          <select className="usa-select" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('common.any')}</option>
            <option value="open">{t('caseStatus.open')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cases.columns.priority')} error={fieldErrors.priority}>
          <select className="usa-select" name="priority" defaultValue={filters.priority ?? ''}>
            <option value="">{t('common.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cases.columns.office')} hint={t('cases.officeHint')} error={fieldErrors.office}>
          <input className="usa-input usa-input--small" name="office" defaultValue={filters.office ?? ''} />
        </Field>
        <Field label={t('cases.caseNumber')} hint={t('cases.caseNumberHint')} error={fieldErrors.caseNumber}>
          <input
            className="usa-input usa-input--medium"
            name="caseNumber"
            defaultValue={filters.caseNumber ?? ''}
          />
        </Field>
        <button type="submit" className="usa-button">
          {t('common.applyFilters')}
        </button>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('cases.caption')}
        orderNote={t('cases.order')}
        columns={columns}
        rows={query.isError ? [] : (query.data?.items ?? [])}
        rowKey={(r) => r.caseId}
        empty={t('cases.empty')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
