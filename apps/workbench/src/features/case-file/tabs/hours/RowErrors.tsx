import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { rowProblems, rowsWithProblems } from './hours-csv';

/**
 * The rows the service refused, each shown with its cells and, beside it, what is wrong: the cell
 * at fault is marked. Nothing was recorded; the person fixes the file and uploads it again.
 */
export function RowErrors({ text, error }: { text: string; error: ApiError }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { header, rows, headerProblems, totalRows } = rowsWithProblems(
    text,
    rowProblems(error.problem.errors ?? []),
  );
  const count = rows.reduce((n, r) => n + r.problems.length, headerProblems.length);
  return (
    <div className="margin-y-2" data-testid="hours-row-errors">
      <Alert kind="error" heading={t('hours.rowErrors.heading', { count })}>
        <p>{t('hours.rowErrors.body', { rows: f.number(rows.length), total: f.number(totalRows) })}</p>
        {headerProblems.length > 0 && (
          <ul>
            {headerProblems.map((p, i) => (
              <li key={i}>
                {p.row === 1 ? t('hours.rowErrors.header') : t('hours.rowErrors.row', { row: p.row })}{' '}
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        )}
      </Alert>
      {rows.length > 0 && (
        <div
          className="usa-table-container--scrollable"
          tabIndex={0}
          role="region"
          aria-label={t('hours.rowErrors.caption')}
        >
          <table className="usa-table usa-table--compact font-body-3xs">
            <caption>{t('hours.rowErrors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hours.rowErrors.rowColumn')}</th>
                <th scope="col">{t('hours.rowErrors.problems')}</th>
                {header.map((h, i) => (
                  <th scope="col" key={i}>
                    <code>{h}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const bad = new Set(r.problems.map((p) => p.field.toLowerCase()));
                return (
                  <tr key={r.row} className="workbench-row-error" data-row={r.row}>
                    <th scope="row">{f.number(r.row)}</th>
                    <td>
                      <ul className="usa-list usa-list--unstyled">
                        {r.problems.map((p, i) => (
                          <li key={i} className="text-secondary-darker">
                            <code>{p.field}</code>: {p.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                    {header.map((h, i) => (
                      <td key={i} className={bad.has(h.toLowerCase()) ? 'workbench-cell-error' : undefined}>
                        {r.cells[i] ?? ''}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
