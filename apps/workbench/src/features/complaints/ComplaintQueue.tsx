import { useMemo, type FormEvent } from 'react';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';

type Query = NonNullable<paths['/api/v1/complaints']['get']['parameters']['query']>;
type Item =
  paths['/api/v1/complaints']['get']['responses']['200']['content']['application/json']['items'][number];
const STATUSES = [
  'received',
  'opened',
  'declined',
  'withdrawn',
  'referred_out',
  'duplicate',
  'merged',
] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const column = createColumnHelper<Item>();

/**
 * The complaint queue, oldest first, filtered on the server by status, priority, office and
 * industry. The filters live in the URL: a filtered queue can be bookmarked and shared.
 */
export function ComplaintQueue({ defaultStatus }: { defaultStatus?: Query['status'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const filters: Query = {
    status: (params.get('status') as Query['status']) ?? defaultStatus,
    priority: (params.get('priority') as Query['priority']) ?? undefined,
    office: params.get('office') ?? undefined,
    industry: params.get('industry') ?? undefined,
  };
  const key = JSON.stringify(filters);
  const { cursor, pager } = useCursorPages(key);
  const query = useQuery({
    queryKey: ['complaints', filters, cursor],
    queryFn: async () =>
      ok(await api.GET('/api/v1/complaints', { params: { query: { ...filters, cursor, limit: 25 } } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor('receivedAt', {
        header: t('complaints.columns.received'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('employerName', {
        header: t('complaints.columns.employer'),
        cell: (c) => <Link to={`/complaints/${c.row.original.caseId}`}>{c.getValue()}</Link>,
      }),
      column.accessor('status', {
        header: t('complaints.columns.status'),
        cell: (c) => t(`complaintStatus.${c.getValue()}`),
      }),
      column.accessor('priority', {
        header: t('complaints.columns.priority'),
        cell: (c) =>
          c.getValue() ? <span className="usa-tag">{c.getValue()}</span> : t('complaints.notTriaged'),
      }),
      column.accessor('office', { header: t('complaints.columns.office') }),
      column.accessor('industry', {
        header: t('complaints.columns.industry'),
        cell: (c) => c.getValue() ?? c.row.original.naics ?? '—',
      }),
      column.accessor('workersAffected', {
        header: () => (
          <span className="workbench-numeric display-block">{t('complaints.columns.workers')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      column.accessor('limitationsWarning', {
        header: t('complaints.columns.limitations'),
        cell: (c) =>
          c.getValue() ? (
            <span className="text-secondary-dark text-bold">{c.getValue()}</span>
          ) : (
            f.date(c.row.original.limitationsExpiresOn)
          ),
      }),
    ],
    [t, f],
  );

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['status', 'priority', 'office', 'industry']) {
      const value = data.get(name);
      const v = typeof value === 'string' ? value.trim() : '';
      if (v) next.set(name, name === 'office' ? v.toUpperCase() : v);
    }
    setParams(next);
  };

  return (
    <>
      <form className="workbench-table-tools" onSubmit={apply} aria-label={t('complaints.filters')}>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="queue-status">
            {t('complaints.columns.status')}
          </label>
          <select
            className="usa-select"
            id="queue-status"
            name="status"
            defaultValue={filters.status ?? ''}
            key={`s${key}`}
          >
            <option value="">{t('common.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`complaintStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="queue-priority">
            {t('complaints.columns.priority')}
          </label>
          <select
            className="usa-select"
            id="queue-priority"
            name="priority"
            defaultValue={filters.priority ?? ''}
            key={`p${key}`}
          >
            <option value="">{t('common.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="queue-office">
            {t('complaints.columns.office')}
          </label>
          <input
            className="usa-input usa-input--small"
            id="queue-office"
            name="office"
            defaultValue={filters.office ?? ''}
            key={`o${key}`}
          />
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="queue-industry">
            {t('complaints.columns.industry')}
          </label>
          <input
            className="usa-input usa-input--medium"
            id="queue-industry"
            name="industry"
            defaultValue={filters.industry ?? ''}
            key={`i${key}`}
          />
        </div>
        <button type="submit" className="usa-button">
          {t('common.applyFilters')}
        </button>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('complaints.caption')}
        orderNote={t('complaints.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.caseId}
        empty={t('complaints.empty')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
