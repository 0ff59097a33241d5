import { sumCents } from '@sdat/format';
import type { PacteParityInput } from '../inputs';
import { buildValue, unavailable, type Scope } from '../internal/build';
import { euros, signedEuros } from '../internal/text';
import { assertCentsValue } from '../internal/validate';
import type { BreakdownItem, ProvenanceInput } from '../types';

export { computeHeadOfficeCap, computeNoDeficitCarriedOver } from './budget';

/**
 * pacte_parity — Pacte de solidarité, art. 2.3.2: Dijon Métropole's funding of the actions
 * must be at least equal to the State's, on the total of the actions. Per-action detail given.
 */
export function computePacteParity(input: PacteParityInput) {
  const scope: Scope = {
    programmeCode: null,
    year: input.year,
    basis: null,
    period: { start: `${input.year}-01-01`, end: `${input.year}-12-31` },
  };
  if (input.actions.length === 0) {
    return unavailable('pacte_parity', scope, 'no_data', `Aucune action du Pacte renseignée pour ${input.year}.`, { passed: null });
  }
  const inputs: ProvenanceInput[] = [];
  const perAction: BreakdownItem[] = input.actions.map((action) => {
    assertCentsValue(action.stateCents, `Action ${action.code} : montant État`);
    assertCentsValue(action.metropoleCents, `Action ${action.code} : montant Métropole`);
    inputs.push(
      { kind: 'funding', ref: `${action.code}:etat`, label: `${action.code} – État`, value: action.stateCents, unit: 'eur' },
      { kind: 'funding', ref: `${action.code}:metropole`, label: `${action.code} – Dijon Métropole`, value: action.metropoleCents, unit: 'eur' },
    );
    const ok = action.metropoleCents >= action.stateCents;
    return {
      key: action.code,
      label: action.label,
      value: action.metropoleCents - action.stateCents,
      unit: 'eur' as const,
      status: ok ? ('ok' as const) : ('warning' as const),
      attributes: { stateCents: action.stateCents, metropoleCents: action.metropoleCents },
    };
  });
  const state = sumCents(input.actions.map((a) => a.stateCents));
  const metropole = sumCents(input.actions.map((a) => a.metropoleCents));
  const passed = metropole >= state;
  const below = input.actions.filter((a) => a.metropoleCents < a.stateCents).map((a) => a.code);
  return buildValue('pacte_parity', scope, {
    value: passed ? 1 : 0,
    passed,
    status: passed ? 'ok' : 'alert',
    details: [
      { key: 'state_total', label: 'Total État', value: state, unit: 'eur' },
      { key: 'metropole_total', label: 'Total Dijon Métropole', value: metropole, unit: 'eur' },
      { key: 'difference', label: 'Écart Métropole − État', value: metropole - state, unit: 'eur' },
      ...perAction,
    ],
    flags: [],
    inputs,
    formulaText: `Dijon Métropole ${euros(metropole)} ${passed ? '≥' : '<'} État ${euros(state)} (écart ${signedEuros(metropole - state)}) : ${passed ? 'conforme' : 'non conforme'}`,
    notes:
      below.length > 0
        ? [`Actions où la Métropole finance moins que l'État : ${below.join(', ')} (la parité s'apprécie sur le total).`]
        : undefined,
  });
}
