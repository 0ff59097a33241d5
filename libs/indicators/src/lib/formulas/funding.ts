import { sumCents } from '@sdat/format';
import type { BudgetInput, FundingInput } from '../inputs';
import { analyseBudget, totalInput } from '../internal/budget';
import { buildValue, shareExtra, unavailable, type Scope } from '../internal/build';
import { euros, percent } from '../internal/text';
import { assertCentsValue } from '../internal/validate';
import type { BreakdownItem, Flag, ProvenanceInput } from '../types';

export const OTHER_FUNDERS_KEY = 'other_funders';

/**
 * funding_by_funder — amount and exact share of each funder. With the budget, the
 * denominator is the total of subsidies (group 74) and any part not detailed per funder
 * becomes an « Autres financeurs (non détaillés) » line, so that shares add up to 1 exactly.
 * Earmarked parts are children of their funder; their share is relative to the total.
 */
export function computeFundingByFunder(funding: FundingInput, budget?: BudgetInput) {
  const scope: Scope = {
    programmeCode: funding.programmeCode,
    year: funding.year,
    basis: funding.basis,
    period: { start: `${funding.year}-01-01`, end: `${funding.year}-12-31` },
  };
  const flags: Flag[] = [];
  const inputs: ProvenanceInput[] = [];
  funding.funders.forEach((funder) => {
    assertCentsValue(funder.amountCents, `Financement « ${funder.funderName} »`);
    funder.earmarked.forEach((part) => assertCentsValue(part.amountCents, `Part fléchée « ${part.label} »`));
    const earmarked = sumCents(funder.earmarked.map((part) => part.amountCents));
    if (earmarked > funder.amountCents) {
      flags.push({
        code: 'inconsistent_input',
        message: `${funder.funderName} : les parts fléchées (${euros(earmarked)}) dépassent le montant (${euros(funder.amountCents)}).`,
      });
    }
    inputs.push({ kind: 'funding', ref: funder.funderCode, label: funder.funderName, value: funder.amountCents, unit: 'eur' });
  });
  const listed = sumCents(funding.funders.map((funder) => funder.amountCents));
  let total = listed;
  let residual = 0;
  if (budget !== undefined) {
    const analysis = analyseBudget(budget);
    inputs.push(totalInput('74', `Subventions d'exploitation ${budget.year} (groupe 74)`, analysis.subsidiesCents));
    if (budget.year !== funding.year || budget.programmeCode !== funding.programmeCode) {
      flags.push({ code: 'inconsistent_input', message: 'Le budget et les financements ne portent pas sur le même dispositif ou la même année.' });
    }
    if (analysis.subsidiesCents > listed) {
      residual = analysis.subsidiesCents - listed;
      total = analysis.subsidiesCents;
    } else if (analysis.subsidiesCents < listed) {
      flags.push({
        code: 'inconsistent_input',
        message: `Les financements déclarés (${euros(listed)}) dépassent les subventions inscrites au budget (${euros(analysis.subsidiesCents)}).`,
      });
    }
  }
  if (funding.funders.length === 0 && residual === 0) {
    return unavailable('funding_by_funder', scope, 'no_data', `Aucun financement déclaré pour ${funding.year}.`, { inputs, flags });
  }
  if (total <= 0) {
    return unavailable('funding_by_funder', scope, 'not_computable', 'Total des financements nul : parts non calculables.', { inputs, flags });
  }

  const breakdown: BreakdownItem[] = funding.funders.map((funder) => ({
    key: funder.funderCode,
    label: funder.funderName,
    value: funder.amountCents,
    unit: 'eur',
    ...shareExtra(funder.amountCents, total),
    attributes: { isSignatory: funder.isSignatory },
    children: funder.earmarked.map((part) => ({
      key: part.kind,
      label: part.label,
      value: part.amountCents,
      unit: 'eur' as const,
      ...shareExtra(part.amountCents, total),
    })),
  }));
  if (residual > 0) {
    breakdown.push({
      key: OTHER_FUNDERS_KEY,
      label: 'Autres financeurs (non détaillés)',
      value: residual,
      unit: 'eur',
      ...shareExtra(residual, total),
      attributes: { isSignatory: false },
    });
    flags.push({
      code: 'incomplete_data',
      message: `${euros(residual)} de subventions inscrites au budget ne sont pas détaillés par financeur.`,
    });
  }

  const signatories = sumCents(funding.funders.filter((f) => f.isSignatory).map((f) => f.amountCents));
  const others = total - signatories;
  const earmarkTotals = new Map<string, { label: string; cents: number }>();
  for (const funder of funding.funders) {
    for (const part of funder.earmarked) {
      const entry = earmarkTotals.get(part.kind) ?? { label: part.label, cents: 0 };
      entry.cents += part.amountCents;
      earmarkTotals.set(part.kind, entry);
    }
  }
  const details: BreakdownItem[] = [
    { key: 'signatories', label: 'Financeurs signataires de la convention', value: signatories, unit: 'eur', ...shareExtra(signatories, total) },
    { key: 'non_signatories', label: 'Autres financeurs', value: others, unit: 'eur', ...shareExtra(others, total) },
    ...[...earmarkTotals.entries()].map(([kind, entry]) => ({
      key: `earmarked_${kind}`,
      label: `Dont ${entry.label}`,
      value: entry.cents,
      unit: 'eur' as const,
      ...shareExtra(entry.cents, total),
    })),
  ];
  const text = breakdown
    .map((item) => `${item.label} ${euros(item.value ?? 0)} (${percent((item.value ?? 0) / total)})`)
    .join(' ; ');
  return buildValue('funding_by_funder', scope, {
    value: total,
    breakdown,
    details,
    flags,
    inputs,
    formulaText: `Total ${euros(total)} = ${text}`,
  });
}
