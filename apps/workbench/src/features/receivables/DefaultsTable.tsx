import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { CaseLink } from './CaseLink';
import { useDefaults, type DefaultItem, type ReceivablesFilters } from './receivables-data';

const column = createColumnHelper<DefaultItem>();

/** Payment plans in default on open cases, earliest declared first. */
export function DefaultsTable({ filters }: { filters: ReceivablesFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { cursor, pager } = useCursorPages(`${filters.office ?? ''}:${filters.industry ?? ''}`);
  const query = useDefaults(filters, cursor);
  const columns = useMemo(
    () => [
      column.accessor('caseNumber', {
        header: t('receivables.columns.case'),
        cell: (c) => <CaseLink caseId={c.row.original.caseId} caseNumber={c.getValue()} />,
      }),
      column.accessor('debtorNames', { header: t('receivables.columns.debtors') }),
      column.accessor('office', { header: t('receivables.columns.office') }),
      column.accessor('declaredOn', {
        header: t('receivables.columns.declaredOn'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('missedInstallments', {
        header: t('receivables.columns.missed'),
        cell: (c) => c.getValue().join(', '),
      }),
      column.accessor('balanceDueCents', {
        header: t('receivables.columns.balanceDue'),
        cell: (c) => f.money(c.getValue()),
      }),
      column.accessor('outstandingCents', {
        header: t('receivables.columns.outstanding'),
        cell: (c) => <strong>{f.money(c.getValue())}</strong>,
      }),
    ],
    [t, f],
  );
  return (
    <section aria-labelledby="defaults-heading" className="margin-top-4">
      <h2 id="defaults-heading">{t('receivables.defaults.heading')}</h2>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('receivables.defaults.caption')}
        orderNote={t('receivables.defaults.order')}
        columns={columns}
        rows={query.isError ? [] : (query.data?.items ?? [])}
        rowKey={(r) => `${r.caseId}:${r.planId}`}
        empty={t('receivables.defaults.empty')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </section>
  );
}
