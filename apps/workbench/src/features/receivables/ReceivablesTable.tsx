import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ServerTable, type CursorPager } from '../../ui/ServerTable';
import { CaseLink } from './CaseLink';
import type { ReceivableItem } from './receivables-data';

const column = createColumnHelper<ReceivableItem>();

/** Open receivables, oldest unpaid amount first, each with its aging bucket. */
export function ReceivablesTable({
  query,
  page,
}: {
  query: UseQueryResult<{ items: ReceivableItem[]; nextCursor: string | null }>;
  page: CursorPager;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('caseNumber', {
        header: t('receivables.columns.case'),
        cell: (c) => <CaseLink caseId={c.row.original.caseId} caseNumber={c.getValue()} />,
      }),
      column.accessor('debtorNames', { header: t('receivables.columns.debtors') }),
      column.accessor('office', { header: t('receivables.columns.office') }),
      column.accessor('industry', {
        header: t('receivables.columns.industry'),
        cell: (c) => c.getValue() ?? t('receivables.unknownIndustry'),
      }),
      column.accessor('bucket', {
        header: t('receivables.columns.aging'),
        cell: (c) => (
          <>
            <span className="usa-tag">{t('receivables.bucketDays', { bucket: c.getValue() })}</span>
            <span className="display-block font-body-3xs text-base-dark">
              {t('receivables.since', { date: f.date(c.row.original.agingFrom) })}
            </span>
          </>
        ),
      }),
      column.accessor('assessedCents', {
        header: t('receivables.columns.assessed'),
        cell: (c) => f.money(c.getValue()),
      }),
      column.accessor('collectedCents', {
        header: t('receivables.columns.collected'),
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
    <section aria-labelledby="receivables-heading" className="margin-top-3">
      <h2 id="receivables-heading">{t('receivables.receivables.heading')}</h2>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('receivables.receivables.caption')}
        orderNote={t('receivables.receivables.order')}
        columns={columns}
        rows={query.isError ? [] : (query.data?.items ?? [])}
        rowKey={(r) => r.caseId}
        empty={t('receivables.receivables.empty')}
        loading={query.isPending}
        page={page}
      />
    </section>
  );
}
