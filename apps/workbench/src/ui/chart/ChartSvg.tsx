import { useId } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import type { ChartProps } from './chart-types';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 16, bottom: 48, left: 80 };
/** USWDS "vivid" colors, each at least 3:1 against white (WCAG 1.4.11, non-text contrast). */
export const SERIES_COLORS = ['#005ea2', '#c05600', '#4d8055', '#6f3331'];

/** The SVG itself: bars grouped by category, or one line per series, with axes and a legend. */
export function ChartSvg<Row>({
  kind,
  title,
  rows,
  category,
  categoryNote,
  series,
  axisFormat,
  maxValue,
  noteLegend,
}: ChartProps<Row>) {
  const id = useId();
  const drawn = series.filter((s) => !s.tableOnly);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const label = (row: Row) => {
    const note = categoryNote?.(row);
    return note ? `${category(row)} *` : category(row);
  };
  const top = Math.max(
    maxValue ?? 0,
    ...rows.flatMap((r) => drawn.map((s) => s.value(r) ?? 0)),
    // An all-zero chart still has an axis.
    1,
  );
  const x = scaleBand<string>({ domain: rows.map(label), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: true });
  // Plain counts (no axis format) never show half a complaint on the axis.
  const whole = !axisFormat && rows.every((r) => drawn.every((s) => Number.isInteger(s.value(r) ?? 0)));
  const ticks = y.ticks(5).filter((v) => !whole || Number.isInteger(v));
  const inner = scaleBand<string>({
    domain: drawn.map((s) => s.key),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  // Every figure in words, for the image's description (the table has the same).
  const description = rows
    .map(
      (r) =>
        `${category(r)}${categoryNote?.(r) ? ` (${categoryNote(r)})` : ''}: ${series
          .map((s) => `${s.label} ${s.format(s.value(r))}`)
          .join(', ')}`,
    )
    .join('; ');

  return (
    <>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="workbench-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks.map((tick) => (
            <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#dfe1e2" />
          ))}
          {kind === 'bar'
            ? rows.map((row) =>
                drawn.map((s, i) => {
                  const v = s.value(row) ?? 0;
                  return (
                    <Bar
                      key={`${category(row)}-${s.key}`}
                      x={(x(label(row)) ?? 0) + (inner(s.key) ?? 0)}
                      y={y(v)}
                      width={inner.bandwidth()}
                      height={innerHeight - y(v)}
                      fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                    >
                      <title>{`${category(row)}, ${s.label}: ${s.format(s.value(row))}`}</title>
                    </Bar>
                  );
                }),
              )
            : drawn.map((s, i) => (
                <Group key={s.key}>
                  <LinePath<Row>
                    data={rows.filter((r) => s.value(r) != null)}
                    x={(r) => (x(label(r)) ?? 0) + x.bandwidth() / 2}
                    y={(r) => y(s.value(r) ?? 0)}
                    stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                    strokeWidth={3}
                  />
                  {rows
                    .filter((r) => s.value(r) != null)
                    .map((r) => (
                      <circle
                        key={category(r)}
                        cx={(x(label(r)) ?? 0) + x.bandwidth() / 2}
                        cy={y(s.value(r) ?? 0)}
                        r={5}
                        fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                      >
                        <title>{`${category(r)}, ${s.label}: ${s.format(s.value(r))}`}</title>
                      </circle>
                    ))}
                </Group>
              ))}
          <AxisLeft
            scale={y}
            tickValues={ticks}
            tickFormat={(v) => (axisFormat ? axisFormat(Number(v)) : String(v))}
            stroke="#565c65"
            tickStroke="#565c65"
            tickLabelProps={{ fill: '#1b1b1b', fontSize: 15, textAnchor: 'end', dx: -4, dy: 5 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            stroke="#565c65"
            tickStroke="#565c65"
            tickLabelProps={{ fill: '#1b1b1b', fontSize: 15, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <ul className="workbench-chart__legend" aria-hidden="true">
        {drawn.map((s, i) => (
          <li key={s.key}>
            <span
              className="workbench-chart__swatch"
              style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }}
            />
            {s.label}
          </li>
        ))}
        {noteLegend && rows.some((r) => categoryNote?.(r)) && <li>{`* ${noteLegend}`}</li>}
      </ul>
    </>
  );
}
