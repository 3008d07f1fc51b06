import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series<Row> {
  key: keyof Row & string;
  label: string;
  color: string;
  /** Another colour for some bars, e.g. spending over budget; the caption must say so. */
  highlight?: { when: (row: Row) => boolean; color: string };
}

/**
 * Horizontal bars for comparing figures side by side. The picture is for seeing; the same
 * figures are always in a table next to it, which is what screen readers and keyboard
 * users read, so the chart itself is hidden from them.
 */
export function BarFigure<Row extends Record<string, unknown>>({
  caption,
  data,
  category,
  series,
  format,
}: {
  caption: ReactNode;
  data: Row[];
  category: keyof Row & string;
  series: Series<Row>[];
  format: (value: number) => string;
}) {
  const height = Math.max(160, data.length * (28 * series.length + 24) + 70);
  return (
    <figure className="app-figure">
      <figcaption className="app-figure__caption">
        {caption} <span className="app-figure__note">De cijfers staan ook in de tabel.</span>
      </figcaption>
      <div aria-hidden="true" className="app-figure__chart">
        <BarChart
          layout="vertical"
          data={data}
          width="100%"
          height={height}
          responsive
          accessibilityLayer={false}
          margin={{ top: 5, right: 24, bottom: 5, left: 5 }}
        >
          <CartesianGrid horizontal={false} stroke="#ccc" />
          <XAxis type="number" tickFormatter={format} stroke="#333" />
          <YAxis type="category" dataKey={category as string} width={170} stroke="#333" />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key as string}
              name={s.label}
              fill={s.color}
              isAnimationActive={false}
            >
              {s.highlight &&
                data.map((row, index) => (
                  <Cell key={index} fill={s.highlight!.when(row) ? s.highlight!.color : s.color} />
                ))}
            </Bar>
          ))}
        </BarChart>
      </div>
    </figure>
  );
}

const EURO_ROUND = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** Whole euros for chart axes ("€ 12.500"); tables show the cents. */
export const euroRounded = (cents: number) =>
  EURO_ROUND.format(cents / 100).replace(/\u00a0/g, ' ');

/** The colours of budget figures, each at least 3:1 against white (WCAG 1.4.11). */
export const FIGURE_COLOURS = {
  budget: '#6a8caf',
  spent: '#154273',
  over: '#b00020',
  second: '#00665a',
  third: '#8a4f00',
} as const;
