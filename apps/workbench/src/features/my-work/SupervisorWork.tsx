import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useInvestigations, type InvestigationItem } from './investigations';

type Workload =
  paths['/api/v1/investigations/workload']['get']['responses']['200']['content']['application/json']['items'][number];
const column = createColumnHelper<InvestigationItem>();
const workloadColumn = createColumnHelper<Workload>();

/** A supervisor's day: cases to assign, each investigator's load, determinations to approve. */
export function SupervisorWork() {
  const { t } = useTranslation();
  const f = useFormat();
  const caseColumns = useMemo(
    () => [
      column.accessor('caseNumber', {
        header: t('investigations.columns.case'),
        cell: (c) => <Link to={`/cases/${c.row.original.caseId}`}>{c.getValue()}</Link>,
      }),
      column.accessor('priority', {
        header: t('investigations.columns.priority'),
        cell: (c) => <span className="usa-tag">{c.getValue()}</span>,
      }),
      column.accessor('office', { header: t('investigations.columns.office') }),
      column.accessor('ageDays', {
        header: () => (
          <span className="workbench-numeric display-block">{t('investigations.columns.daysOpen')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      column.accessor('investigatorId', {
        header: t('investigations.columns.investigator'),
        cell: (c) => c.getValue() ?? t('investigations.unassigned'),
      }),
      column.accessor('determinedCents', {
        header: () => (
          <span className="workbench-numeric display-block">{t('investigations.columns.determined')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.money(c.getValue())}</span>,
      }),
    ],
    [t, f],
  );
  const workloadColumns = useMemo(
    () => [
      workloadColumn.accessor('investigatorId', { header: t('workload.columns.investigator') }),
      workloadColumn.accessor('openInvestigations', {
        header: () => <span className="workbench-numeric display-block">{t('workload.columns.open')}</span>,
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      workloadColumn.accessor('byPriority', {
        header: t('workload.columns.byPriority'),
        cell: (c) =>
          Object.entries(c.getValue())
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([p, n]) => `${p}: ${f.number(n)}`)
            .join(' · '),
      }),
      workloadColumn.accessor('oldestOpenedAt', {
        header: t('workload.columns.oldest'),
        cell: (c) => f.date(c.getValue()),
      }),
      workloadColumn.accessor('awaitingApproval', {
        header: () => (
          <span className="workbench-numeric display-block">{t('workload.columns.awaitingApproval')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
    ],
    [t, f],
  );

  const unassignedPages = useCursorPages('unassigned');
  const unassigned = useInvestigations({ unassigned: 'true', status: 'open' }, unassignedPages.cursor);
  const approvalPages = useCursorPages('approval');
  const approval = useInvestigations(
    { determinationStatus: 'proposed', status: 'open' },
    approvalPages.cursor,
  );
  const workloadPages = useCursorPages('workload');
  const workload = useQuery({
    queryKey: ['workload', workloadPages.cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/investigations/workload', {
          params: { query: { cursor: workloadPages.cursor, limit: 25 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <section aria-labelledby="unassigned-heading" className="margin-bottom-4">
        <h2 id="unassigned-heading">{t('myWork.supervisor.unassigned')}</h2>
        <ErrorAlert error={unassigned.error} />
        <ServerTable
          caption={t('myWork.supervisor.unassigned')}
          orderNote={t('investigations.order')}
          columns={caseColumns}
          rows={unassigned.data?.items ?? []}
          rowKey={(r) => r.caseId}
          empty={t('myWork.supervisor.noneUnassigned')}
          loading={unassigned.isPending}
          page={unassignedPages.pager(unassigned.data?.nextCursor)}
        />
      </section>
      <section aria-labelledby="approval-heading" className="margin-bottom-4">
        <h2 id="approval-heading">{t('myWork.supervisor.awaitingApproval')}</h2>
        <ErrorAlert error={approval.error} />
        <ServerTable
          caption={t('myWork.supervisor.awaitingApproval')}
          orderNote={t('investigations.order')}
          columns={caseColumns}
          rows={approval.data?.items ?? []}
          rowKey={(r) => r.caseId}
          empty={t('myWork.supervisor.noneAwaiting')}
          loading={approval.isPending}
          page={approvalPages.pager(approval.data?.nextCursor)}
        />
      </section>
      <section aria-labelledby="workload-heading">
        <h2 id="workload-heading">{t('myWork.supervisor.workload')}</h2>
        <ErrorAlert error={workload.error} />
        <ServerTable
          caption={t('myWork.supervisor.workload')}
          columns={workloadColumns}
          rows={workload.data?.items ?? []}
          rowKey={(r) => r.investigatorId}
          empty={t('myWork.supervisor.noWorkload')}
          loading={workload.isPending}
          page={workloadPages.pager(workload.data?.nextCursor)}
        />
      </section>
    </>
  );
}
