import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { FIGURE_COLOURS } from '../../components/charts.tsx';
import type { FigureRow, FigureTable } from './figure-tables.ts';

const number = (value: number) => value.toLocaleString('nl-NL');

function Funnel({ table, row }: { table: FigureTable; row: FigureRow }) {
  const data = row.cells.map((cell, index) => {
    const hidden = cell.suppressed || cell.value === null;
    // A hidden count is said in the step's name, never drawn as an empty bar.
    const step = table.columns[index + 1]!;
    return {
      step: hidden ? `${step}: verborgen` : step,
      value: hidden ? null : cell.value!,
      label: hidden ? '' : number(cell.value!),
    };
  });
  return (
    <div className="app-funnel">
      <p className="app-funnel__name">{row.name}</p>
      <BarChart
        layout="vertical"
        data={data}
        width="100%"
        height={data.length * 30 + 40}
        responsive
        accessibilityLayer={false}
        margin={{ top: 5, right: 72, bottom: 5, left: 5 }}
      >
        <CartesianGrid horizontal={false} stroke="#ccc" />
        <XAxis type="number" tickFormatter={number} stroke="#333" allowDecimals={false} />
        <YAxis type="category" dataKey="step" width={170} stroke="#333" />
        <Bar dataKey="value" fill={FIGURE_COLOURS.spent} isAnimationActive={false}>
          <LabelList dataKey="label" position="right" fill="#333" />
        </Bar>
      </BarChart>
    </div>
  );
}

/**
 * One small funnel per municipality, side by side, and one for the region. Each has its
 * own scale: the municipalities differ too much in size to share one. The picture is for
 * seeing; the table beside it holds the same figures for screen readers and keyboards.
 */
export function FunnelCharts({ table }: { table: FigureTable }) {
  const rows = [...table.rows, ...(table.footer ? [table.footer] : [])];
  return (
    <figure className="app-figure app-figure--wide">
      <figcaption className="app-figure__caption">
        De stappen per gemeente, elk met een eigen schaal.{' '}
        <span className="app-figure__note">
          Een verborgen aantal staat er als “verborgen” bij. De cijfers staan ook in de tabel.
        </span>
      </figcaption>
      <div aria-hidden="true" className="app-funnels">
        {rows.map((row) => (
          <Funnel key={row.key} table={table} row={row} />
        ))}
      </div>
    </figure>
  );
}
