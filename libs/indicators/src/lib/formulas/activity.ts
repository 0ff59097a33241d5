import { formatDate, formatMonth, formatNumber } from '@sdat/format';
import { bigFraction } from '../fraction';
import type {
  AttendanceInput,
  CategoryCount,
  CountInput,
  DistributionInput,
  OutreachInput,
  ReferralDecision,
  ReferralDecisionsInput,
  ReferralOutcomesInput,
  WaitingListInput,
} from '../inputs';
import { buildValue, fractionItem, numeric, shareExtra, unavailable } from '../internal/build';
import { assertMonthsInPeriod, partialYearFlags } from '../internal/period';
import { count, percent } from '../internal/text';
import { assertCount, IndicatorInputError } from '../internal/validate';
import type { BreakdownItem, Flag, IndicatorCode, ProvenanceInput } from '../types';
import { activityScope } from './episodes';

function periodFlags(input: { periodStart: string; periodEnd: string }): Flag[] {
  return partialYearFlags({ start: input.periodStart, end: input.periodEnd });
}

/** Validates category counts (no duplicate key) and returns their total. */
function categoryTotal(items: readonly CategoryCount[], what: string): number {
  const keys = new Set<string>();
  let total = 0;
  for (const item of items) {
    assertCount(item.count, `${what} « ${item.label} »`);
    if (keys.has(item.key)) {
      throw new IndicatorInputError(`${what} : catégorie « ${item.key} » en double.`);
    }
    keys.add(item.key);
    total += item.count;
  }
  return total;
}

function categoryItems(items: readonly CategoryCount[], total: number): BreakdownItem[] {
  return items.map((item) => ({
    key: item.key,
    label: item.label,
    value: item.count,
    unit: 'count' as const,
    ...shareExtra(item.count, total),
  }));
}

function distribution(code: IndicatorCode, input: DistributionInput, what: string) {
  const scope = activityScope(input);
  const total = categoryTotal(input.items, what);
  const breakdown = categoryItems(input.items, total);
  return buildValue(code, scope, {
    value: total,
    breakdown,
    flags: periodFlags(input),
    inputs: input.items.map((item) => ({ kind: 'count', ref: item.key, label: item.label, value: item.count, unit: 'count' })),
    formulaText:
      input.items.length === 0
        ? `${what} : aucune donnée, total 0`
        : `${input.items.map((item) => `${item.label} ${count(item.count)}`).join(' + ')} = ${count(total)}`,
  });
}

/** refusals — requests refused in the period, per reason. */
export function computeRefusals(input: DistributionInput) {
  return distribution('refusals', input, 'Refus');
}

/** referrers — people referred to the programme, per referrer type. */
export function computeReferrers(input: DistributionInput) {
  return distribution('referrers', input, 'Orientations');
}

/** profile_age — people supported, per age band (bands computed by the API). */
export function computeProfileAge(input: DistributionInput) {
  return distribution('profile_age', input, "Tranches d'âge");
}

/** profile_situation — people supported, per situation. */
export function computeProfileSituation(input: DistributionInput) {
  return distribution('profile_situation', input, 'Situations');
}

/** Key of the month-end stock of `waiting_list` in its details, e.g. `month:2022-03`. */
export function waitingListMonthKey(month: string): string {
  return `month:${month}`;
}

/** waiting_list — stock at period end; details: people added, and the stock at each month end when given. */
export function computeWaitingList(input: WaitingListInput) {
  const scope = activityScope(input);
  assertCount(input.atPeriodEnd, "Liste d'attente");
  const flags: Flag[] = [];
  let breakdown: BreakdownItem[] | undefined;
  if (input.byCategory !== undefined) {
    const total = categoryTotal(input.byCategory, "Liste d'attente");
    breakdown = categoryItems(input.byCategory, input.atPeriodEnd);
    if (total !== input.atPeriodEnd) {
      flags.push({ code: 'inconsistent_input', message: `Le détail de la liste d'attente (${count(total)}) ne correspond pas au total (${count(input.atPeriodEnd)}).` });
    }
  }
  const details: BreakdownItem[] = [];
  const inputs: ProvenanceInput[] = [{ kind: 'count', ref: 'atPeriodEnd', label: "Liste d'attente en fin de période", value: input.atPeriodEnd, unit: 'count' }];
  if (input.addedDuringPeriod !== undefined) {
    assertCount(input.addedDuringPeriod, "Inscriptions en liste d'attente");
    details.push({ key: 'added_during_period', label: 'Inscriptions sur la période', value: input.addedDuringPeriod, unit: 'count' });
    inputs.push({ kind: 'count', ref: 'addedDuringPeriod', label: 'Inscriptions sur la période', value: input.addedDuringPeriod, unit: 'count' });
  }
  if (input.byMonth !== undefined && input.byMonth.length > 0) {
    assertMonthsInPeriod(input.byMonth.map((m) => m.month), { start: input.periodStart, end: input.periodEnd }, "Liste d'attente par mois");
    for (const m of input.byMonth) {
      assertCount(m.count, `Liste d'attente fin ${formatMonth(m.month)}`);
      details.push({ key: waitingListMonthKey(m.month), label: `Fin ${formatMonth(m.month)}`, value: m.count, unit: 'count', attributes: { month: m.month } });
    }
    const last = input.byMonth[input.byMonth.length - 1];
    if (last !== undefined && last.count !== input.atPeriodEnd) {
      flags.push({ code: 'inconsistent_input', message: `La liste d'attente fin ${formatMonth(last.month)} (${count(last.count)}) ne correspond pas au stock de fin de période (${count(input.atPeriodEnd)}).` });
    }
  }
  return buildValue('waiting_list', scope, {
    value: input.atPeriodEnd,
    breakdown,
    details: details.length > 0 ? details : undefined,
    flags,
    inputs,
    formulaText: `Liste d'attente au ${formatDate(input.periodEnd)} = ${count(input.atPeriodEnd)}`,
  });
}

export const REFERRAL_DECISION_LABELS: Readonly<Record<ReferralDecision, string>> = {
  accord: 'Accord',
  accord_waiting_list: "Accord avec liste d'attente",
  adjournment: 'Ajournement',
  rejection: 'Rejet',
};

const DECISION_ORDER: readonly ReferralDecision[] = ['accord', 'accord_waiting_list', 'adjournment', 'rejection'];

/** referral_decisions — CCA decisions: accord, accord avec liste d'attente, ajournement, rejet. */
export function computeReferralDecisions(input: ReferralDecisionsInput) {
  const counts = new Map<ReferralDecision, number>();
  for (const row of input.counts) {
    if (!DECISION_ORDER.includes(row.decision)) {
      throw new IndicatorInputError(`Décision inconnue : « ${String(row.decision)} ».`);
    }
    if (counts.has(row.decision)) {
      throw new IndicatorInputError(`Décision « ${row.decision} » en double.`);
    }
    counts.set(row.decision, row.count);
  }
  return distribution(
    'referral_decisions',
    {
      programmeCode: input.programmeCode,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      items: DECISION_ORDER.map((decision) => ({
        key: decision,
        label: REFERRAL_DECISION_LABELS[decision],
        count: counts.get(decision) ?? 0,
      })),
    },
    'Décisions',
  );
}

/** siao_referral_share — referrals to the SIAO / referrals proposed. */
export function computeSiaoReferralShare(input: ReferralOutcomesInput) {
  const scope = activityScope(input);
  assertCount(input.referralsProposed, 'Orientations proposées');
  assertCount(input.toSiao, 'Orientations vers le SIAO');
  const flags = periodFlags(input);
  const inputs: ProvenanceInput[] = [
    { kind: 'count', ref: 'toSiao', label: 'Orientations vers le SIAO', value: input.toSiao, unit: 'count' },
    { kind: 'count', ref: 'referralsProposed', label: 'Orientations proposées', value: input.referralsProposed, unit: 'count' },
  ];
  if (input.toSiao > input.referralsProposed) {
    throw new IndicatorInputError(
      `Orientations vers le SIAO (${input.toSiao}) supérieures aux orientations proposées (${input.referralsProposed}).`,
    );
  }
  const details: BreakdownItem[] = [];
  if (input.byDestination !== undefined) {
    const total = categoryTotal(input.byDestination, 'Destinations');
    details.push(...categoryItems(input.byDestination, input.referralsProposed));
    if (total !== input.referralsProposed) {
      flags.push({ code: 'inconsistent_input', message: `Le détail par destination (${count(total)}) ne correspond pas aux orientations proposées (${count(input.referralsProposed)}).` });
    }
  }
  if (input.referralsProposed === 0) {
    return unavailable('siao_referral_share', scope, 'not_computable', 'Aucune orientation proposée sur la période : part SIAO non calculable.', { inputs, flags });
  }
  const share = bigFraction(input.toSiao, input.referralsProposed);
  return buildValue('siao_referral_share', scope, {
    value: numeric(share),
    exact: share,
    details: details.length > 0 ? details : undefined,
    flags,
    inputs,
    formulaText: `${count(input.toSiao)} orientations vers le SIAO / ${count(input.referralsProposed)} orientations proposées = ${percent(numeric(share))}`,
  });
}

/** Key of `handovers` items meaning « sortie sans relais ». */
export const NO_HANDOVER_KEY = 'none';

/** handover_at_exit — share of exits with a hand-over; details: exits per hand-over type. */
export function computeHandoverAtExit(input: DistributionInput) {
  const scope = activityScope(input);
  const exits = categoryTotal(input.items, 'Relais');
  const without = input.items.find((item) => item.key === NO_HANDOVER_KEY)?.count ?? 0;
  const withHandover = exits - without;
  const flags = periodFlags(input);
  const inputs: ProvenanceInput[] = input.items.map((item) => ({ kind: 'count', ref: item.key, label: item.label, value: item.count, unit: 'count' }));
  const details = categoryItems(input.items, exits);
  if (exits === 0) {
    return unavailable('handover_at_exit', scope, 'not_computable', 'Aucune sortie sur la période : part des sorties avec relais non calculable.', { inputs, flags, details });
  }
  const share = bigFraction(withHandover, exits);
  return buildValue('handover_at_exit', scope, {
    value: numeric(share),
    exact: share,
    details,
    flags,
    inputs,
    formulaText: `${count(withHandover)} sorties avec relais / ${count(exits)} sorties = ${percent(numeric(share))}`,
  });
}

/** lease_transfers — leases moved from the association to the participant in the period. */
export function computeLeaseTransfers(input: CountInput) {
  const scope = activityScope(input);
  assertCount(input.count, 'Glissements de bail');
  return buildValue('lease_transfers', scope, {
    value: input.count,
    flags: periodFlags(input),
    inputs: [{ kind: 'count', ref: 'count', label: 'Glissements de bail', value: input.count, unit: 'count' }],
    formulaText: `Glissements de bail du ${formatDate(input.periodStart)} au ${formatDate(input.periodEnd)} = ${count(input.count)}`,
  });
}

/** attendance — day-centre visits; details: distinct people, visits per opening day. */
export function computeAttendance(input: AttendanceInput) {
  const scope = activityScope(input);
  assertCount(input.visits, 'Passages');
  assertCount(input.distinctPeople, 'Personnes distinctes');
  assertCount(input.openingDays, "Jours d'ouverture");
  const flags = periodFlags(input);
  if (input.distinctPeople > input.visits) {
    flags.push({ code: 'inconsistent_input', message: `Personnes distinctes (${count(input.distinctPeople)}) supérieures aux passages (${count(input.visits)}).` });
  }
  const perDay = input.openingDays > 0 ? bigFraction(input.visits, input.openingDays) : null;
  const perPerson = input.distinctPeople > 0 ? bigFraction(input.visits, input.distinctPeople) : null;
  if (perDay === null) {
    flags.push({ code: 'incomplete_data', message: "Aucun jour d'ouverture déclaré : passages par jour non calculés." });
  }
  return buildValue('attendance', scope, {
    value: input.visits,
    details: [
      { key: 'distinct_people', label: 'Personnes distinctes', value: input.distinctPeople, unit: 'count' },
      { key: 'opening_days', label: "Jours d'ouverture", value: input.openingDays, unit: 'days' },
      fractionItem('visits_per_opening_day', "Passages par jour d'ouverture", 'count_per_day', perDay),
      fractionItem('visits_per_person', 'Passages par personne', 'count', perPerson),
    ],
    flags,
    inputs: [
      { kind: 'count', ref: 'visits', label: 'Passages', value: input.visits, unit: 'count' },
      { kind: 'count', ref: 'distinctPeople', label: 'Personnes distinctes', value: input.distinctPeople, unit: 'count' },
      { kind: 'parameter', ref: 'openingDays', label: "Jours d'ouverture", value: input.openingDays, unit: 'days' },
    ],
    formulaText: `${count(input.visits)} passages, ${count(input.distinctPeople)} personnes distinctes ; ${count(input.visits)} / ${count(input.openingDays)} jours d'ouverture = ${perDay === null ? 'n.c.' : formatNumber(numeric(perDay), 1)} passages par jour`,
  });
}

/** outreach_contacts — distinct people met in outreach rounds; details: contacts, rounds. */
export function computeOutreachContacts(input: OutreachInput) {
  const scope = activityScope(input);
  assertCount(input.contacts, 'Contacts');
  assertCount(input.distinctPeople, 'Personnes distinctes');
  if (input.rounds !== undefined) assertCount(input.rounds, 'Maraudes');
  const flags = periodFlags(input);
  if (input.distinctPeople > input.contacts) {
    flags.push({ code: 'inconsistent_input', message: `Personnes distinctes (${count(input.distinctPeople)}) supérieures aux contacts (${count(input.contacts)}).` });
  }
  const details: BreakdownItem[] = [
    { key: 'contacts', label: 'Contacts', value: input.contacts, unit: 'count' },
    fractionItem('contacts_per_person', 'Contacts par personne', 'count', input.distinctPeople > 0 ? bigFraction(input.contacts, input.distinctPeople) : null),
  ];
  if (input.rounds !== undefined) {
    details.push({ key: 'rounds', label: 'Maraudes', value: input.rounds, unit: 'count' });
  }
  return buildValue('outreach_contacts', scope, {
    value: input.distinctPeople,
    details,
    flags,
    inputs: [
      { kind: 'count', ref: 'distinctPeople', label: 'Personnes distinctes rencontrées', value: input.distinctPeople, unit: 'count' },
      { kind: 'count', ref: 'contacts', label: 'Contacts', value: input.contacts, unit: 'count' },
    ],
    formulaText: `${count(input.distinctPeople)} personnes distinctes rencontrées pour ${count(input.contacts)} contacts${input.rounds === undefined ? '' : ` en ${count(input.rounds)} maraudes`}`,
  });
}
