import type { IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import {
  findIndicator,
  formatIndicatorChange,
  indicatorValueText,
  missingValue,
  type IndicatorCode,
} from '@sdat/charts';
import { formatEuros, formatNumber } from '@sdat/format';
import { HowComputed, type IndicatorCatalogue } from '../../components/HowComputed';
import { IndicatorStatus, statusTone } from '../../components/IndicatorStatusBadge';

/** The indicators shown as key figures, in this order, when the programme has them. */
export const KEY_FIGURES: readonly IndicatorCode[] = [
  'fte_total',
  'payroll',
  'payroll_ratio',
  'head_office_ratio',
  'cost_per_participant',
  'active_caseload',
  'entries',
  'exits',
  'occupancy_rate',
  'avg_duration_days',
  'waiting_list',
  'target_completion',
  'attendance',
  'outreach_contacts',
];

/** Change from N-1: « +1,2 pt » and the N-1 value « 70,8 % »; null when N-1 is unknown. */
export function changeFromPrevious(
  indicator: IndicatorValue,
  previous: IndicatorValue | null,
): { change: string | null; before: string } | null {
  if (previous === null) {
    return null;
  }
  const before = indicatorValueText(previous);
  if (indicator.value === null || previous.value === null) {
    return { change: null, before: missingValue(previous)?.label ?? before };
  }
  return { change: formatIndicatorChange(indicator.value, previous.value, indicator.unit), before };
}

/** The big figure and a smaller unit after it: `4 162 €` `par personne`. */
function valueParts(indicator: IndicatorValue): [string, string | null] {
  if (indicator.value !== null && indicator.unit === 'eur_per_person') {
    return [formatEuros(Math.round(indicator.value)), 'par personne'];
  }
  if (indicator.value !== null && indicator.unit === 'count_per_day') {
    return [formatNumber(indicator.value, 1), 'par jour'];
  }
  return [indicatorValueText(indicator), null];
}

function hasStatus(indicator: IndicatorValue): boolean {
  return indicator.status !== null && indicator.status !== undefined;
}

function KeyFigureCard({
  indicator,
  previous,
  previousYear,
  catalogue,
}: {
  indicator: IndicatorValue;
  previous: IndicatorValue | null;
  previousYear: number;
  catalogue: IndicatorCatalogue;
}) {
  const missing = missingValue(indicator);
  const change = changeFromPrevious(indicator, previous);
  const flagged = missing === null ? indicator.flags.length : 0;
  const [figure, unit] = valueParts(indicator);
  return (
    <li className={`kpi kpi--${statusTone(indicator.status)}`}>
      <h3 className="kpi__label">{indicator.label}</h3>
      {missing === null ? (
        <p className="kpi__value">
          {figure}
          {unit !== null && <span className="kpi__unit"> {unit}</span>}
        </p>
      ) : (
        <>
          <p className="kpi__value kpi__value--missing">{missing.label}</p>
          {missing.reason !== null && <p className="kpi__reason">{missing.reason}</p>}
        </>
      )}
      {(hasStatus(indicator) || indicator.target !== undefined) && (
        <p className="kpi__meta">
          <IndicatorStatus indicator={indicator} />
          {indicator.target !== undefined && <span className="kpi__target">Cible : {indicator.target.label}</span>}
        </p>
      )}
      {change !== null && (
        <p className="kpi__meta">
          {change.change !== null && (
            <>
              Évolution depuis {previousYear} : <strong>{change.change}</strong>
              <br />
            </>
          )}
          <span className="kpi__before">
            Valeur {previousYear} : {change.before}
          </span>
        </p>
      )}
      {flagged > 0 && (
        <p className="kpi__meta kpi__flags">
          <span aria-hidden="true">⚠ </span>
          {flagged === 1 ? '1 remarque sur les données' : `${flagged} remarques sur les données`}
        </p>
      )}
      <HowComputed indicators={[indicator]} catalogue={catalogue} />
    </li>
  );
}

interface KeyFiguresProps {
  current: ProgrammeIndicatorsResponse;
  /** The same programme and basis in N-1, when it exists. */
  previous: ProgrammeIndicatorsResponse | null;
  catalogue: IndicatorCatalogue;
}

/** Key-figure cards: value in its unit (or why there is none), status and target, change from N-1. */
export function KeyFigures({ current, previous, catalogue }: KeyFiguresProps) {
  const cards = KEY_FIGURES.map((code) => findIndicator(current.indicators, code)).filter(
    (indicator): indicator is IndicatorValue => indicator !== null,
  );
  if (cards.length === 0) {
    return <p>Aucun indicateur n’est calculé pour ce dispositif.</p>;
  }
  return (
    <ul className="kpi-grid">
      {cards.map((indicator) => (
        <KeyFigureCard
          key={indicator.code}
          indicator={indicator}
          previous={previous === null ? null : findIndicator(previous.indicators, indicator.code)}
          previousYear={current.year - 1}
          catalogue={catalogue}
        />
      ))}
    </ul>
  );
}
