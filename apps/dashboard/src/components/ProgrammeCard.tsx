import type { BudgetView, ProgrammeSummary } from '@sdat/api-types';
import { formatEuros } from '@sdat/format';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useBudgets, useProgrammes } from '../api/programmes';
import { pilotRoleLabel } from '../labels';
import { CheckBadge, hasDifference } from './CheckBadge';
import { errorMessage } from './QueryResult';

/** Forecast budget year shown on a card: 2022 (the convention cadre) when present, else the latest. */
export function cardBudgetYear(programme: ProgrammeSummary, preferredYear = 2022): number | null {
  const years = programme.budgets.filter((budget) => budget.basis === 'forecast').map((budget) => budget.year);
  if (years.length === 0) {
    return null;
  }
  return years.includes(preferredYear) ? preferredYear : Math.max(...years);
}

export function ProgrammeCard({ programme, year, budget }: ProgrammeCardData) {
  return (
    <article className="card">
      <h3 className="card__title">
        <Link to={`/dispositifs/${encodeURIComponent(programme.code)}`}>{programme.name}</Link>
      </h3>
      <dl className="facts">
        <dt>Convention</dt>
        <dd>
          <Link to={`/conventions/${encodeURIComponent(programme.agreement.code)}`}>{programme.agreement.title}</Link>
          {programme.annexNumber !== null && <> (annexe {programme.annexNumber})</>}
        </dd>
        <dt>Opérateur</dt>
        <dd>{programme.operator.name}</dd>
        <dt>{programme.pilots.length > 1 ? 'Pilotes' : 'Pilote'}</dt>
        <dd>
          {programme.pilots.length === 0
            ? 'Non désigné'
            : programme.pilots.map((pilot) => `${pilot.name} (${pilotRoleLabel(pilot.role)})`).join(', ')}
        </dd>
        <dt>{year === null ? 'Charges prévisionnelles' : `Charges prévisionnelles ${year}`}</dt>
        <dd>
          {budget === null || year === null ? (
            'Aucun budget prévisionnel'
          ) : budget.isError ? (
            <span className="text-danger">{errorMessage(budget.error)}</span>
          ) : budget.isPending ? (
            <span className="muted">Chargement…</span>
          ) : (
            <>
              <strong className="amount">{formatEuros(budget.data.totals.expenses.computedCents)}</strong>
              {hasDifference(budget.data.totals.expenses) && (
                <>
                  {' '}
                  <CheckBadge amount={budget.data.totals.expenses} />
                </>
              )}
              {budget.data.demo && <span className="badge badge--demo">démonstration</span>}
            </>
          )}
        </dd>
      </dl>
    </article>
  );
}

export interface ProgrammeCardData {
  programme: ProgrammeSummary;
  year: number | null;
  budget: UseQueryResult<BudgetView> | null;
}

/**
 * The programmes with, for each, its forecast budget of the card year (one budget request per
 * card), and whether any of the shown data is demonstration data.
 */
export function useProgrammeCards() {
  const programmes = useProgrammes();
  const cards = useMemo(
    () => (programmes.data ?? []).map((programme) => ({ programme, year: cardBudgetYear(programme) })),
    [programmes.data],
  );
  const requests = useMemo(
    () =>
      cards.flatMap(({ programme, year }) =>
        year === null ? [] : [{ code: programme.code, year, basis: 'forecast' as const }],
      ),
    [cards],
  );
  const budgets = useBudgets(requests);
  const data: ProgrammeCardData[] = cards.map(({ programme, year }) => {
    const index = requests.findIndex((request) => request.code === programme.code);
    return { programme, year, budget: index === -1 ? null : (budgets[index] ?? null) };
  });
  const showDemo = data.some(
    ({ programme, year, budget }) =>
      budget?.data?.demo === true ||
      programme.budgets.some((item) => item.year === year && item.basis === 'forecast' && item.demo),
  );
  return { programmes, cards: data, showDemo };
}

export function ProgrammeCardGrid({ cards }: { cards: readonly ProgrammeCardData[] }) {
  if (cards.length === 0) {
    return <p>Aucun dispositif.</p>;
  }
  return (
    <div className="card-grid">
      {cards.map((card) => (
        <ProgrammeCard key={card.programme.code} {...card} />
      ))}
    </div>
  );
}
