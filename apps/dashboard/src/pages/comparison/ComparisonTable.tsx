import type { ComparedIndicator, ComparisonResponse, IndicatorValue } from '@sdat/api-types';
import { comparisonValue, indicatorValueText, missingValue, sparklineOption, type IndicatorCode } from '@sdat/charts';
import { useMemo } from 'react';
import { chartDescription } from '../../charts/ChartPanel';
import { LazyEChart } from '../../charts/LazyEChart';
import type { IndicatorCatalogue } from '../../components/HowComputed';
import { IndicatorStatus } from '../../components/IndicatorStatusBadge';

/** The reasons of the missing values, numbered once each, listed under the table. */
function missingReasons(comparison: ComparisonResponse, indicators: readonly IndicatorCode[], years: readonly number[]): string[] {
  const reasons = new Set<string>();
  indicators.forEach((code) =>
    comparison.programmes.forEach((programme) =>
      years.forEach((year) => {
        const indicator = comparisonValue(comparison, programme.code, year, code);
        const reason = indicator === null ? null : (missingValue(indicator)?.reason ?? null);
        if (reason !== null) {
          reasons.add(reason);
        }
      }),
    ),
  );
  return [...reasons];
}

function Cell({ indicator, notes }: { indicator: ComparedIndicator | null; notes: readonly string[] }) {
  if (indicator === null) {
    return <td className="num">—</td>;
  }
  const missing = missingValue(indicator);
  if (missing !== null) {
    const note = missing.reason === null ? -1 : notes.indexOf(missing.reason);
    return (
      <td className="num missing">
        {missing.label}
        {note >= 0 && <sup className="note-ref"> (note {note + 1})</sup>}
      </td>
    );
  }
  return (
    <td className="num">
      {indicatorValueText(indicator)}
      {indicator.unit !== 'pass_fail' && indicator.status !== null && indicator.status !== undefined && (
        <span className="block">
          <IndicatorStatus indicator={indicator} />
        </span>
      )}
    </td>
  );
}

function Sparkline({ title, years, values }: { title: string; years: readonly number[]; values: readonly (ComparedIndicator | null)[] }) {
  const unit = values.find((value) => value !== null)?.unit;
  const option = useMemo(
    () =>
      unit === undefined
        ? null
        : sparklineOption({ title, categories: years.map(String), values: values.map((value) => value?.value ?? null), unit }),
    [title, years, values, unit],
  );
  if (option === null) {
    return <span className="muted small">Pas de tendance</span>;
  }
  return <LazyEChart option={option} ariaLabel={chartDescription(option, title)} height={36} className="echart--sparkline" />;
}

function IndicatorRows({
  comparison,
  code,
  label,
  years,
  columns,
  notes,
}: {
  comparison: ComparisonResponse;
  code: IndicatorCode;
  label: string;
  years: readonly number[];
  columns: number;
  notes: readonly string[];
}) {
  const rows = useMemo(
    () =>
      comparison.programmes
        .map((programme) => ({
          programme,
          values: years.map((year) => comparisonValue(comparison, programme.code, year, code)),
        }))
        // A programme the indicator does not apply to has no row.
        .filter((row) => row.values.some((value) => value !== null)),
    [comparison, code, years],
  );
  return (
    <tbody>
      <tr className="group-row">
        <th scope="rowgroup" colSpan={columns}>
          {label}
        </th>
      </tr>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={columns}>Indicateur non calculé pour les dispositifs de cette convention.</td>
        </tr>
      ) : (
        rows.map(({ programme, values }) => (
          <tr key={programme.code}>
            <th scope="row" className="row-header">
              {programme.name}
            </th>
            {values.map((value, index) => (
              <Cell key={years[index]} indicator={value} notes={notes} />
            ))}
            <td className="sparkline-cell">
              <Sparkline title={`${label} — ${programme.name}`} years={years} values={values} />
            </td>
          </tr>
        ))
      )}
    </tbody>
  );
}

interface ComparisonTableProps {
  comparison: ComparisonResponse;
  /** The indicators chosen, in display order. */
  indicators: readonly IndicatorCode[];
  catalogue: IndicatorCatalogue;
  caption: string;
}

/** One table: an indicator per row group, a programme per row, a year per column, and its trend. */
export function ComparisonTable({ comparison, indicators, catalogue, caption }: ComparisonTableProps) {
  const years = useMemo(() => [...comparison.years].sort((a, b) => a - b), [comparison.years]);
  const columns = years.length + 2;
  const notes = useMemo(() => missingReasons(comparison, indicators, years), [comparison, indicators, years]);
  return (
    <>
      <div className="table-wrapper" tabIndex={0}>
        <table className="data-table comparison-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Dispositif</th>
              {years.map((year) => (
                <th key={year} scope="col" className="num">
                  {year}
                </th>
              ))}
              <th scope="col">Tendance</th>
            </tr>
          </thead>
          {indicators.map((code) => (
            <IndicatorRows
              key={code}
              comparison={comparison}
              code={code}
              label={catalogue.get(code)?.label ?? code}
              years={years}
              columns={columns}
              notes={notes}
            />
          ))}
        </table>
      </div>
      {notes.length > 0 && (
        <ol className="table-notes" aria-label="Notes du tableau comparatif">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ol>
      )}
    </>
  );
}
