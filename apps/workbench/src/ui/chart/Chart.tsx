import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartSvg } from './ChartSvg';
import { ChartTable } from './ChartTable';
import type { ChartProps } from './chart-types';

export type { ChartProps, ChartSeries } from './chart-types';

/**
 * A bar or line chart in SVG with its data table a button away. The SVG is one image to
 * assistive technology (role="img", its <title> the caption, its <desc> every figure in words);
 * the table holds the same figures for anyone who would rather read them, or copy them.
 * Import it only from lazily loaded screens: the SVG primitives (@visx) stay out of the first page.
 */
export function Chart<Row>(props: ChartProps<Row>) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;
  const { title, summary, rows, empty } = props;
  return (
    <figure className="workbench-chart margin-x-0 margin-y-3">
      <figcaption className="display-flex flex-align-baseline flex-justify flex-wrap">
        <span className="font-sans-md text-bold margin-right-2">{title}</span>
        {rows.length > 0 && (
          <button
            type="button"
            className="usa-button usa-button--unstyled"
            aria-expanded={asTable}
            aria-controls={tableId}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t('chart.showChart') : t('chart.showTable')}
          </button>
        )}
      </figcaption>
      {summary && <p className="margin-top-05 text-base-dark">{summary}</p>}
      {rows.length === 0 ? (
        <p className="text-base-dark">{empty}</p>
      ) : asTable ? (
        <ChartTable {...props} id={tableId} />
      ) : (
        <ChartSvg {...props} />
      )}
    </figure>
  );
}
