import type { ChartProps } from './chart-types';

/** The chart's figures as a table: the same rows and series, every value written out. */
export function ChartTable<Row>({
  id,
  title,
  rows,
  categoryLabel,
  category,
  categoryNote,
  series,
}: Pick<ChartProps<Row>, 'title' | 'rows' | 'categoryLabel' | 'category' | 'categoryNote' | 'series'> & {
  id: string;
}) {
  return (
    <div className="usa-table-container--scrollable" id={id}>
      <table className="usa-table usa-table--striped usa-table--compact width-full">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="text-right">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const note = categoryNote?.(row);
            return (
              <tr key={category(row)}>
                <th scope="row">
                  {category(row)}
                  {note && <span className="display-block font-body-3xs text-normal">{note}</span>}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="text-right font-mono-2xs">
                    {s.format(s.value(row))}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
