/** One measure drawn in a chart and listed in its table (a bar per category, or one line). */
export interface ChartSeries<Row> {
  key: string;
  label: string;
  value: (row: Row) => number | null;
  /** How a value reads in the table, the tooltips and the description ($1,234.00, 25%). */
  format: (value: number | null) => string;
  /** Listed in the table (and the description) but not drawn: a count or sum beside a drawn rate. */
  tableOnly?: boolean;
}

export interface ChartProps<Row> {
  kind: 'bar' | 'line';
  /** The chart's caption: its title, and the data table's caption. */
  title: string;
  /** What the chart shows, in a sentence (read before the figures by a screen reader). */
  summary?: string;
  rows: readonly Row[];
  /** The table's first column heading and the horizontal axis' name. */
  categoryLabel: string;
  category: (row: Row) => string;
  /** Marks a category (a targeted industry): shown after its name on the axis and in the table. */
  categoryNote?: (row: Row) => string | undefined;
  /** The legend's line for the mark (`*`) a noted category carries on the axis. */
  noteLegend?: string;
  series: readonly ChartSeries<Row>[];
  /** Tick labels of the value axis (compact: "$12K", "50%"). */
  axisFormat?: (value: number) => string;
  /** An upper bound the axis always reaches (1 for a rate). */
  maxValue?: number;
  /** What to say when there are no rows. */
  empty: string;
}
