import type { Basis, BudgetGroupView, EarmarkView } from '@sdat/api-types';

/** "budget prévisionnel" / "réalisé". */
export function basisLabel(basis: Basis): string {
  return basis === 'forecast' ? 'budget prévisionnel' : 'réalisé';
}

/** "Budget prévisionnel 2022" / "Réalisé 2022". */
export function budgetSeriesName(basis: Basis, year: number): string {
  const label = basisLabel(basis);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${year}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Printed label of an account group without the group code the document prints in front of it:
 * `{ groupCode: '60', label: '60 - ACHATS' }` → `ACHATS` (a label without the code is kept as is).
 */
export function accountGroupLabel(group: Pick<BudgetGroupView, 'groupCode' | 'label'>): string {
  const prefix = new RegExp(`^\\s*${escapeRegExp(group.groupCode)}\\s*[-–—:]?\\s*`);
  return group.label.replace(prefix, '').trim() || group.label.trim();
}

/**
 * Short label of an account group for chart axes: the code, then the printed label without
 * its parenthesised notes, in sentence case when printed in capitals.
 * `{ groupCode: '63/64', label: '63/64 CHARGES DE PERSONNEL (dont primes …)' }` → `63/64 Charges de personnel`.
 */
export function accountGroupShortLabel(group: Pick<BudgetGroupView, 'groupCode' | 'label'>): string {
  const label = accountGroupLabel(group);
  const withoutNotes = label.replace(/\s*\([^)]*\)/g, '').trim() || label;
  const isCapitals = withoutNotes === withoutNotes.toLocaleUpperCase('fr-FR');
  const text = isCapitals
    ? `${withoutNotes.charAt(0)}${withoutNotes.slice(1).toLocaleLowerCase('fr-FR')}`
    : withoutNotes;
  return `${group.groupCode} ${text}`.trim();
}

const EARMARK_KINDS: Record<string, string> = {
  segur: 'primes Ségur',
};

/**
 * French name of an earmarked part, to follow "dont": `primes Ségur`. The API's label is the
 * note as printed ("(dt 2 059 € s/Primes Médico-social 1/4/22)"), so known kinds get their
 * own name and only unknown kinds fall back to the printed label.
 */
export function earmarkKindLabel(earmark: Pick<EarmarkView, 'kind' | 'label'>): string {
  const known = EARMARK_KINDS[earmark.kind];
  if (known !== undefined) {
    return known;
  }
  const label = earmark.label.trim();
  return label === '' ? earmark.kind : label;
}
