import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, idempotencyKey, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { CaseHolds } from './CaseHolds';
import { DUE, LATEST_REPORT, OPERATIONS, type RetentionDueItem, type RetentionReport } from './records-api';

const column = createColumnHelper<RetentionDueItem>();

/**
 * Records management for auditors and supervisors (docs/architecture.md#records-management): the
 * latest retention review's report, running one now, and every record past its retention period
 * as of today, due for its disposition or held, with the legal holds that keep it.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const mayReview = useMay(OPERATIONS.review);
  const latest = useQuery({
    queryKey: LATEST_REPORT,
    queryFn: async () => ok(await api.GET('/api/v1/retention/reports/latest')),
    retry: false,
  });
  const { cursor, pager } = useCursorPages('');
  const due = useQuery({
    queryKey: [...DUE, cursor],
    queryFn: async () =>
      ok(await api.GET('/api/v1/retention/due', { params: { query: { cursor, limit: 25 } } })),
    placeholderData: keepPreviousData,
  });
  const review = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/retention/reviews', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: {},
        }),
      ),
    onSuccess: async (report) => {
      queryClient.setQueryData(LATEST_REPORT, report);
      await queryClient.invalidateQueries({ queryKey: DUE });
    },
  });
  const none = isApiError(latest.error) && latest.error.status === 404;

  const columns = useMemo(
    () => [
      column.accessor('recordType', {
        header: t('records.due.columns.record'),
        cell: (c) => (
          <>
            {t(`records.recordType.${c.getValue()}`)}
            <span className="display-block font-body-3xs text-base-dark">
              {t('records.due.scheduleValue', {
                years: c.row.original.schedule.retainYears,
                authority:
                  c.row.original.schedule.authority === 'agency policy'
                    ? t('records.agencyPolicy')
                    : c.row.original.schedule.authority,
              })}
            </span>
          </>
        ),
      }),
      column.accessor('recordId', {
        header: t('records.due.columns.id'),
        cell: (c) =>
          c.row.original.caseId ? (
            <Link className="workbench-mono" to={`/cases/${c.row.original.caseId}`}>
              {c.getValue()}
            </Link>
          ) : (
            <span className="workbench-mono">{c.getValue()}</span>
          ),
      }),
      column.accessor('closedOn', {
        header: t('records.due.columns.closedOn'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('dueOn', { header: t('records.due.columns.dueOn'), cell: (c) => f.date(c.getValue()) }),
      column.accessor('status', {
        header: t('records.due.columns.status'),
        cell: (c) => (
          <span className={c.getValue() === 'held' ? 'usa-tag bg-secondary-dark' : 'usa-tag'}>
            {t(`records.status.${c.getValue()}`)}
          </span>
        ),
      }),
      column.accessor('holds', {
        header: t('records.due.columns.holds'),
        cell: (c) =>
          c.getValue().length === 0 ? (
            <span className="text-base-dark">{t('records.due.noHold')}</span>
          ) : (
            <ul className="usa-list usa-list--unstyled">
              {c.getValue().map((h) => (
                <li key={h.holdId}>
                  {t('records.due.hold', { matter: h.matterId, date: f.dateTime(h.placedAt) })}
                </li>
              ))}
            </ul>
          ),
      }),
    ],
    [t, f],
  );

  return (
    <>
      <PageTitle subtitle={t('records.subtitle')}>{t('records.title')}</PageTitle>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">{t('records.report.heading')}</h2>
        {latest.isPending && <p role="status">{t('records.loading')}</p>}
        {none ? (
          <Alert kind="info" slim>
            {t('records.report.none')}
          </Alert>
        ) : (
          <ErrorAlert error={latest.error} onReload={() => void latest.refetch()} />
        )}
        {latest.data && <ReportFacts report={latest.data} />}
        {mayReview && (
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={review.isPending}
            onClick={() => review.mutate()}
          >
            {t('records.report.run')}
          </button>
        )}
        <ErrorAlert error={review.error} />
        {review.isSuccess && (
          <Alert kind="success" slim>
            {t('records.report.ran', { recorded: review.data.counts.recorded })}
          </Alert>
        )}
      </section>
      <section aria-labelledby="due-heading" className="margin-top-5">
        <h2 id="due-heading">{t('records.due.heading')}</h2>
        <p className="measure-5">{t('records.due.explain')}</p>
        <ErrorAlert error={due.error} />
        <ServerTable
          caption={t('records.due.caption')}
          orderNote={t('records.due.order')}
          columns={columns}
          rows={due.data?.items ?? []}
          rowKey={(r) => `${r.recordType}/${r.recordId}`}
          empty={t('records.due.empty')}
          loading={due.isPending}
          page={pager(due.data?.nextCursor)}
        />
      </section>
      <CaseHolds />
    </>
  );
}

function ReportFacts({ report }: { report: RetentionReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const facts: Array<[string, string]> = [
    [t('records.report.asOf'), f.date(report.asOf)],
    [t('records.report.completedAt'), f.dateTime(report.completedAt)],
    [t('records.report.schedule'), report.scheduleVersion],
    [t('records.report.pastRetention'), f.number(report.counts.pastRetention)],
    [t('records.report.due'), f.number(report.counts.due)],
    [t('records.report.held'), f.number(report.counts.held)],
    [t('records.report.recorded'), f.number(report.counts.recorded)],
    [t('records.report.failed'), f.number(report.counts.failed)],
  ];
  return (
    <dl className="audit-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
