import type { IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { findIndicator, formatIndicatorChange, indicatorValueText, missingValue } from '@sdat/charts';
import { EMPTY } from '../../amounts';
import { IndicatorStatus } from '../../components/IndicatorStatusBadge';

const CATEGORIES: { category: IndicatorValue['category']; label: string }[] = [
  { category: 'means', label: 'Indicateurs de moyens' },
  { category: 'results', label: 'Indicateurs de résultats' },
  { category: 'compliance', label: 'Contrôles de conformité' },
];

/** The reason of a missing value, then the flags, each once. */
function remarks(indicator: IndicatorValue): string[] {
  const missing = missingValue(indicator);
  const messages = [
    ...(missing !== null && missing.reason !== null ? [missing.reason] : []),
    ...indicator.flags.map((flag) => flag.message).filter((message) => message !== missing?.reason),
  ];
  return [...new Set(messages)];
}

function Remarks({ indicator }: { indicator: IndicatorValue }) {
  const messages = remarks(indicator);
  if (messages.length === 0) {
    return <>{EMPTY}</>;
  }
  return (
    <>
      {messages.map((message) => (
        <span key={message} className="block">
          {message}
        </span>
      ))}
    </>
  );
}

/** The value, or « Pas de données » / « Non calculable » (the reason goes to the remarks). */
function shortValue(indicator: IndicatorValue): string {
  return missingValue(indicator)?.label ?? indicatorValueText(indicator);
}

interface IndicatorsTableProps {
  current: ProgrammeIndicatorsResponse;
  previous: ProgrammeIndicatorsResponse | null;
  caption: string;
}

/** Every indicator of the programme-year, by category, with N-1, the change, the status and the remarks. */
export function IndicatorsTable({ current, previous, caption }: IndicatorsTableProps) {
  const withPrevious = previous !== null;
  const columns = withPrevious ? 6 : 4;
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table indicators-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col" className="num">
              {current.year}
            </th>
            {withPrevious && (
              <>
                <th scope="col" className="num">
                  {previous.year}
                </th>
                <th scope="col" className="num">
                  Évolution
                </th>
              </>
            )}
            <th scope="col">Statut et cible</th>
            <th scope="col">Remarques</th>
          </tr>
        </thead>
        {CATEGORIES.map(({ category, label }) => {
          const rows = current.indicators.filter((indicator) => indicator.category === category);
          if (rows.length === 0) {
            return null;
          }
          return (
            <tbody key={category}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={columns}>
                  {label}
                </th>
              </tr>
              {rows.map((indicator) => {
                const before = previous === null ? null : findIndicator(previous.indicators, indicator.code);
                const change =
                  before === null || before.value === null || indicator.value === null
                    ? null
                    : formatIndicatorChange(indicator.value, before.value, indicator.unit);
                return (
                  <tr key={indicator.code}>
                    <th scope="row" className="row-header">
                      {indicator.label}
                    </th>
                    <td className="num">{shortValue(indicator)}</td>
                    {withPrevious && (
                      <>
                        <td className="num">{before === null ? EMPTY : shortValue(before)}</td>
                        <td className="num">{change ?? EMPTY}</td>
                      </>
                    )}
                    <td className="status-cell">
                      <IndicatorStatus indicator={indicator} />
                      {indicator.target !== undefined && <span className="muted small block">{indicator.target.label}</span>}
                      {(indicator.status === null || indicator.status === undefined) && indicator.target === undefined && EMPTY}
                    </td>
                    <td className="small remarks-cell">
                      <Remarks indicator={indicator} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
