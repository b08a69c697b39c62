import { useMemo, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { DaysLeft } from './FoiaClock';
import { OPERATIONS, type FoiaRequestItem } from './foia-api';

const STATUSES = ['received', 'released', 'responded', 'appealed', 'appeal_decided', 'reprocessing'] as const;
type Status = (typeof STATUSES)[number];
const column = createColumnHelper<FoiaRequestItem>();

/**
 * The public-records request queue in the API's order (overdue and soonest due first, then tolled,
 * then released), filtered on the server by status (in the URL, so a filtered queue can be
 * bookmarked). The requester's name and email are personal and stay on
 * the request's own page; the queue shows the organization, when there is one.
 */
export function FoiaQueuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const mayReceive = useMay(OPERATIONS.receive);
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.includes(raw as Status) ? (raw as Status) : undefined;
  const { cursor, pager } = useCursorPages(status ?? '');
  const query = useQuery({
    queryKey: ['foia-requests', status, cursor],
    queryFn: async () =>
      ok(await api.GET('/api/v1/foia-requests', { params: { query: { status, cursor, limit: 25 } } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor('receivedAt', {
        header: t('foia.queue.columns.received'),
        cell: (c) => (
          <Link to={`/foia/${c.row.original.requestId}`}>
            {t('foia.queue.open', { date: f.dateTime(c.getValue()) })}
          </Link>
        ),
      }),
      column.accessor('dueOn', {
        header: t('foia.queue.columns.dueOn'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('daysLeft', {
        header: t('foia.queue.columns.daysLeft'),
        cell: (c) => <DaysLeft clock={c.row.original} />,
      }),
      column.accessor('requesterOrganization', {
        header: t('foia.queue.columns.requester'),
        cell: (c) => c.getValue() ?? <span className="text-base-dark">{t('foia.queue.individual')}</span>,
      }),
      column.accessor('status', {
        header: t('foia.queue.columns.status'),
        cell: (c) => <span className="usa-tag">{t(`foia.status.${c.getValue() as Status}`)}</span>,
      }),
      column.accessor('cutoff', {
        header: t('foia.queue.columns.cutoff'),
        cell: (c) =>
          c.getValue() ? (
            f.dateTime(c.getValue())
          ) : (
            <span className="text-base-dark">{t('foia.queue.notCompiled')}</span>
          ),
      }),
      column.accessor('caseIds', {
        header: () => (
          <span className="workbench-numeric display-block">{t('foia.queue.columns.cases')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue().length)}</span>,
      }),
      column.accessor('overrides', {
        header: () => (
          <span className="workbench-numeric display-block">{t('foia.queue.columns.overrides')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
    ],
    [t, f],
  );

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = new FormData(e.currentTarget).get('status');
    setParams(typeof value === 'string' && value ? { status: value } : {});
  };

  return (
    <>
      <PageTitle subtitle={t('foia.queue.subtitle')}>{t('foia.queue.title')}</PageTitle>
      {mayReceive && (
        <p>
          <Link className="usa-button" to="/foia/new">
            {t('foia.queue.new')}
          </Link>
        </p>
      )}
      <form className="workbench-table-tools" onSubmit={apply} aria-label={t('foia.queue.filters')}>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="foia-status">
            {t('foia.queue.status')}
          </label>
          <select
            className="usa-select"
            id="foia-status"
            name="status"
            defaultValue={status ?? ''}
            key={status ?? ''}
          >
            <option value="">{t('common.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`foia.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="usa-button">
          {t('common.applyFilters')}
        </button>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('foia.queue.caption')}
        orderNote={t('foia.queue.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.requestId}
        empty={t('foia.queue.empty')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
