import type { ChartTable } from '@sdat/charts';
import type { EChartsOption } from 'echarts';
import { useId, useState, type ReactNode } from 'react';
import { LazyEChart } from './LazyEChart';

/** The accessible description set by @sdat/charts in `aria.label.description`. */
export function chartDescription(option: EChartsOption, fallback: string): string {
  const aria = option.aria as { label?: { description?: unknown } } | undefined;
  const description = aria?.label?.description;
  return typeof description === 'string' && description !== '' ? description : fallback;
}

export function ChartDataTable({ table, id }: { table: ChartTable; id?: string }) {
  // In a narrow chart column the table may scroll sideways: the wrapper takes the focus so that
  // it can be scrolled with the keyboard (WCAG 2.1.1), and says what it holds.
  return (
    <div className="table-wrapper" id={id} tabIndex={0} role="region" aria-label={`Tableau : ${table.caption}`}>
      <table className="data-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.headers.map((header, index) => (
              <th key={index} scope="col" className={index === 0 ? undefined : 'num'}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.header}>
              <th scope="row" className="row-header">
                {row.header}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.footer !== null && (
          <tfoot>
            <tr>
              <th scope="row">{table.footer.header}</th>
              {table.footer.cells.map((cell, index) => (
                <td key={index} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

interface ChartPanelProps {
  title: string;
  option: EChartsOption;
  /** Same data as the chart, as a table (from the same @sdat/charts spec). */
  table: ChartTable;
  height?: number;
  /** Shown between the title and the chart (e.g. the key figure the chart explains). */
  intro?: ReactNode;
  /** Shown after the table toggle (e.g. the « Comment c'est calculé » panel). */
  children?: ReactNode;
}

/** A chart with its title and an "Afficher le tableau" toggle showing the same data as a table. */
export function ChartPanel({ title, option, table, height, intro, children }: ChartPanelProps) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const tableId = useId();
  return (
    <section className="chart-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {intro}
      <LazyEChart option={option} ariaLabel={chartDescription(option, title)} height={height} />
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? 'Masquer le tableau' : 'Afficher le tableau'}
      </button>
      {showTable ? <ChartDataTable table={table} id={tableId} /> : <div id={tableId} hidden />}
      {children}
    </section>
  );
}
