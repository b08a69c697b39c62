import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';

/**
 * A USWDS table over one page of a server list. The server filters, orders and pages (through its
 * cursors); the table never sorts only the rows on screen. `orderNote` says what order the server
 * keeps, so nobody mistakes it for a sort of this page.
 */
export function ServerTable<Row>({
  caption,
  orderNote,
  columns,
  rows,
  rowKey,
  empty,
  loading,
  page,
}: {
  caption: string;
  orderNote?: string;
  // Columns of different value types (createColumnHelper) only fit ColumnDef<Row, any>, as
  // TanStack Table's documentation types them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty: string;
  loading?: boolean;
  page?: CursorPager;
}) {
  const { t } = useTranslation();
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
    manualPagination: true,
    manualSorting: true,
  });
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={caption}>
      <table
        className="usa-table usa-table--striped usa-table--compact width-full"
        aria-busy={loading || undefined}
      >
        <caption>
          {caption}
          {orderNote && (
            <span className="display-block font-body-3xs text-normal text-base-dark">{orderNote}</span>
          )}
        </caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{loading ? t('common.loading') : empty}</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((c) => (
                  <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {page && (page.hasNext || page.hasPrevious) && <Pager page={page} />}
    </div>
  );
}

export interface CursorPager {
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
}

/** Previous and next over a server list's cursors (for lists shown other than as one table). */
export function Pager({ page }: { page: CursorPager }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('table.pagination')} className="usa-pagination margin-top-1">
      <ul className="usa-pagination__list">
        <li className="usa-pagination__item usa-pagination__arrow">
          <button
            type="button"
            className="usa-button usa-button--unstyled usa-pagination__link"
            disabled={!page.hasPrevious}
            onClick={page.previous}
          >
            {t('table.previous')}
          </button>
        </li>
        <li className="usa-pagination__item usa-pagination__page-no">
          <span className="usa-pagination__button usa-current" aria-current="page">
            {t('table.page', { n: page.pageNumber })}
          </span>
        </li>
        <li className="usa-pagination__item usa-pagination__arrow">
          <button
            type="button"
            className="usa-button usa-button--unstyled usa-pagination__link"
            disabled={!page.hasNext}
            onClick={page.next}
          >
            {t('table.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
