import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { CaseLink } from './CaseLink';
import { useInstallments, type InstallmentItem, type ReceivablesFilters } from './receivables-data';

const column = createColumnHelper<InstallmentItem>();

/** Installments due in the next 7 days, or recorded missed and still unpaid. */
export function InstallmentsTable({
  status,
  filters,
}: {
  status: 'due' | 'missed';
  filters: ReceivablesFilters;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { cursor, pager } = useCursorPages(`${status}:${filters.office ?? ''}:${filters.industry ?? ''}`);
  const query = useInstallments(status, filters, cursor);
  const columns = useMemo(
    () => [
      column.accessor('caseNumber', {
        header: t('receivables.columns.case'),
        cell: (c) => <CaseLink caseId={c.row.original.caseId} caseNumber={c.getValue()} />,
      }),
      column.accessor('debtorNames', { header: t('receivables.columns.debtors') }),
      column.accessor('office', { header: t('receivables.columns.office') }),
      column.accessor('installmentNo', { header: t('receivables.columns.installment') }),
      column.accessor('dueOn', { header: t('receivables.columns.dueOn'), cell: (c) => f.date(c.getValue()) }),
      column.accessor('amountCents', {
        header: t('receivables.columns.amount'),
        cell: (c) => f.money(c.getValue()),
      }),
      column.accessor('remainingCents', {
        header: t('receivables.columns.remaining'),
        cell: (c) => <strong>{f.money(c.getValue())}</strong>,
      }),
    ],
    [t, f],
  );
  const headingId = `installments-${status}-heading`;
  return (
    <section aria-labelledby={headingId} className="margin-top-4">
      <h2 id={headingId}>{t(`receivables.${status}.heading`)}</h2>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t(`receivables.${status}.caption`)}
        orderNote={t('receivables.installmentOrder')}
        columns={columns}
        rows={query.isError ? [] : (query.data?.items ?? [])}
        rowKey={(r) => `${r.caseId}:${r.planId}:${r.installmentNo}`}
        empty={t(`receivables.${status}.empty`)}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </section>
  );
}
