import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useInvestigations, type InvestigationItem } from './investigations';

const column = createColumnHelper<InvestigationItem>();

/** An investigator's open investigations: most urgent first, with days open and the next step. */
export function InvestigatorWork({ investigatorId }: { investigatorId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = { investigatorId, status: 'open' as const };
  const { cursor, pager } = useCursorPages(investigatorId);
  const query = useInvestigations(filters, cursor);
  const columns = useMemo(
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
      column.accessor('openedAt', {
        header: t('investigations.columns.opened'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('ageDays', {
        header: () => (
          <span className="workbench-numeric display-block">{t('investigations.columns.daysOpen')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      column.accessor('nextStep', {
        header: t('investigations.columns.nextStep'),
        cell: (c) => t(`nextStep.${c.getValue()}`),
      }),
    ],
    [t, f],
  );
  return (
    <>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('investigations.mine')}
        orderNote={t('investigations.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.caseId}
        empty={t('investigations.noneMine')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
