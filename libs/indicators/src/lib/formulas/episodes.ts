import { formatDate } from '@sdat/format';
import { bigFraction } from '../fraction';
import type {
  ActivityScope,
  DurationCount,
  EpisodeAggregates,
  OccupancyInput,
  SurvivalRow,
} from '../inputs';
import {
  buildValue,
  fractionItem,
  numeric,
  shareExtra,
  unavailable,
  type Scope,
} from '../internal/build';
import { assertMonthsInPeriod, partialYearFlags, periodDays, yearOfPeriod } from '../internal/period';
import { count, percent } from '../internal/text';
import { assertCount } from '../internal/validate';
import type { BreakdownItem, Flag, ProvenanceInput } from '../types';
import { kaplanMeier, survivalFromHistograms, normaliseSurvival } from './kaplan-meier';
import { formatDays, formatMonth, formatNumber } from '@sdat/format';

/** Fewer closed episodes than this: durations are flagged `unreliable_small_sample`. */
export const SMALL_SAMPLE_THRESHOLD = 5;

export function activityScope(input: ActivityScope): Scope {
  const period = { start: input.periodStart, end: input.periodEnd };
  periodDays(period);
  return { programmeCode: input.programmeCode, year: yearOfPeriod(period), basis: 'actual', period };
}

function periodFlags(input: ActivityScope): Flag[] {
  return partialYearFlags({ start: input.periodStart, end: input.periodEnd });
}

function countInput(ref: string, label: string, value: number): ProvenanceInput {
  return { kind: 'count', ref, label, value, unit: 'count' };
}

/** Present at start, entries and exits of the period, as provenance inputs. */
function flowInputs(ep: EpisodeAggregates): ProvenanceInput[] {
  return [
    countInput('presentAtStart', 'Présents au début', ep.presentAtStart),
    countInput('entries', 'Entrées', ep.entries),
    countInput('exits', 'Sorties', ep.exits),
  ];
}

function validateFlows(ep: EpisodeAggregates): void {
  assertCount(ep.presentAtStart, 'Présents au début');
  assertCount(ep.entries, 'Entrées');
  assertCount(ep.exits, 'Sorties');
  if (ep.presentAtEnd !== undefined) assertCount(ep.presentAtEnd, 'Présents en fin');
}

function territoryDetails(ep: EpisodeAggregates, field: 'entries' | 'exits'): BreakdownItem[] | undefined {
  if (ep.byTerritory === undefined || ep.byTerritory.length === 0) return undefined;
  return ep.byTerritory.map((territory) => {
    assertCount(territory[field], `${territory.label} : ${field === 'entries' ? 'entrées' : 'sorties'}`);
    return {
      key: `territory_${territory.territoryCode}`,
      label: `Dont ${territory.label}`,
      value: territory[field],
      unit: 'count' as const,
    };
  });
}

/** entries — episodes started in the period. */
export function computeEntries(ep: EpisodeAggregates) {
  validateFlows(ep);
  const scope = activityScope(ep);
  return buildValue('entries', scope, {
    value: ep.entries,
    details: territoryDetails(ep, 'entries'),
    flags: periodFlags(ep),
    inputs: [countInput('entries', 'Entrées', ep.entries)],
    formulaText: `Entrées du ${formatDate(ep.periodStart)} au ${formatDate(ep.periodEnd)} = ${count(ep.entries)}`,
  });
}

/** exits — episodes ended in the period. */
export function computeExits(ep: EpisodeAggregates) {
  validateFlows(ep);
  const scope = activityScope(ep);
  return buildValue('exits', scope, {
    value: ep.exits,
    details: territoryDetails(ep, 'exits'),
    flags: periodFlags(ep),
    inputs: [countInput('exits', 'Sorties', ep.exits)],
    formulaText: `Sorties du ${formatDate(ep.periodStart)} au ${formatDate(ep.periodEnd)} = ${count(ep.exits)}`,
  });
}

/** Caseload at the period end: the given figure, else start + entries − exits (null if negative). */
export function caseloadAtEnd(ep: EpisodeAggregates): number | null {
  if (ep.presentAtEnd !== undefined) return ep.presentAtEnd;
  const derived = ep.presentAtStart + ep.entries - ep.exits;
  return derived >= 0 ? derived : null;
}

/**
 * active_caseload — episodes followed during the period = present at start + entries
 * (breakdown); details: caseload at the start and at the end of the period.
 */
export function computeActiveCaseload(ep: EpisodeAggregates) {
  validateFlows(ep);
  const scope = activityScope(ep);
  const flags = periodFlags(ep);
  const derivedEnd = ep.presentAtStart + ep.entries - ep.exits;
  if (derivedEnd < 0) {
    flags.push({
      code: 'inconsistent_input',
      message: `Sorties (${count(ep.exits)}) supérieures aux présents au début + entrées (${count(ep.presentAtStart + ep.entries)}).`,
    });
  } else if (ep.presentAtEnd !== undefined && ep.presentAtEnd !== derivedEnd) {
    flags.push({
      code: 'inconsistent_input',
      message: `Présents en fin déclarés (${count(ep.presentAtEnd)}) ≠ présents au début + entrées − sorties (${count(derivedEnd)}).`,
    });
  }
  const total = ep.presentAtStart + ep.entries;
  const atEnd = caseloadAtEnd(ep);
  const details: BreakdownItem[] = [
    { key: 'at_start', label: `File active au ${formatDate(ep.periodStart)}`, value: ep.presentAtStart, unit: 'count' },
    { key: 'exits', label: 'Sorties', value: ep.exits, unit: 'count' },
    { key: 'at_end', label: `File active au ${formatDate(ep.periodEnd)}`, value: atEnd, unit: 'count' },
  ];
  if (ep.distinctParticipants !== undefined) {
    assertCount(ep.distinctParticipants, 'Personnes distinctes');
    details.push({ key: 'distinct_participants', label: 'Personnes distinctes', value: ep.distinctParticipants, unit: 'count' });
  }
  return buildValue('active_caseload', scope, {
    value: total,
    breakdown: [
      { key: 'present_at_start', label: 'Présents au début de la période', value: ep.presentAtStart, unit: 'count', ...shareExtra(ep.presentAtStart, total) },
      { key: 'entries', label: 'Entrées', value: ep.entries, unit: 'count', ...shareExtra(ep.entries, total) },
    ],
    details,
    flags,
    inputs: flowInputs(ep),
    formulaText: `${count(ep.presentAtStart)} présents au ${formatDate(ep.periodStart)} + ${count(ep.entries)} entrées = ${count(total)} ; au ${formatDate(ep.periodEnd)} : ${atEnd === null ? 'n.c.' : count(atEnd)}`,
  });
}

/** What each monthly item of `monthly_caseload` measures (attribute `measure`, key suffix). */
export type MonthlyMeasure = 'entries' | 'exits' | 'at_end';

const MONTHLY_MEASURE_LABEL: Readonly<Record<MonthlyMeasure, string>> = {
  entries: 'Entrées',
  exits: 'Sorties',
  at_end: 'File active en fin de mois',
};

/** Key of the item of `monthly_caseload` for `measure` in `month` (`YYYY-MM`), e.g. `2022-03:entries`. */
export function monthlyItemKey(month: string, measure: MonthlyMeasure): string {
  return `${month}:${measure}`;
}

/**
 * monthly_caseload — entries, exits and caseload at the end of each month of the period: the
 * value is the caseload at the end of the last month; `details` hold three counts per month
 * (attributes `month` and `measure`). Consistency is checked, never corrected: month-end
 * caseload = previous month-end (or present at start) + entries − exits, and the months add up
 * to the yearly entries and exits. Null when the monthly flows are not given.
 */
export function computeMonthlyCaseload(ep: EpisodeAggregates) {
  const months = ep.byMonth;
  if (months === undefined || months.length === 0) return null;
  validateFlows(ep);
  const scope = activityScope(ep);
  assertMonthsInPeriod(months.map((m) => m.month), { start: ep.periodStart, end: ep.periodEnd }, 'File active par mois');
  const flags = periodFlags(ep);
  const details: BreakdownItem[] = [];
  let previous = ep.presentAtStart;
  let previousLabel = `les présents au ${formatDate(ep.periodStart)}`;
  const breaks: string[] = [];
  for (const m of months) {
    const label = formatMonth(m.month);
    for (const measure of ['entries', 'exits', 'at_end'] as const) {
      const value = measure === 'entries' ? m.entries : measure === 'exits' ? m.exits : m.presentAtEnd;
      assertCount(value, `${MONTHLY_MEASURE_LABEL[measure]} (${label})`);
      details.push({
        key: monthlyItemKey(m.month, measure),
        label: `${MONTHLY_MEASURE_LABEL[measure]} — ${label}`,
        value,
        unit: 'count',
        attributes: { month: m.month, measure },
      });
    }
    const expected = previous + m.entries - m.exits;
    if (expected !== m.presentAtEnd) {
      breaks.push(`${label} : ${count(m.presentAtEnd)} au lieu de ${count(previous)} (${previousLabel}) + ${count(m.entries)} − ${count(m.exits)} = ${count(expected)}`);
    }
    previous = m.presentAtEnd;
    previousLabel = `fin ${label}`;
  }
  if (breaks.length > 0) {
    flags.push({ code: 'inconsistent_input', message: `File active de fin de mois incohérente avec les entrées et sorties du mois — ${breaks.join(' ; ')}.` });
  }
  const sum = (field: 'entries' | 'exits') => months.reduce((total, m) => total + m[field], 0);
  for (const [field, total, what] of [['entries', ep.entries, 'entrées'], ['exits', ep.exits, 'sorties']] as const) {
    if (sum(field) !== total) {
      flags.push({ code: 'inconsistent_input', message: `Les ${what} des mois (${count(sum(field))}) ne correspondent pas au total de la période (${count(total)}).` });
    }
  }
  const last = months[months.length - 1] as (typeof months)[number];
  const atEnd = caseloadAtEnd(ep);
  if (last.month === ep.periodEnd.slice(0, 7) && atEnd !== null && atEnd !== last.presentAtEnd) {
    flags.push({ code: 'inconsistent_input', message: `File active fin ${formatMonth(last.month)} (${count(last.presentAtEnd)}) ≠ présents au ${formatDate(ep.periodEnd)} (${count(atEnd)}).` });
  }
  return buildValue('monthly_caseload', scope, {
    value: last.presentAtEnd,
    details,
    flags,
    inputs: flowInputs(ep),
    formulaText: `File active fin ${formatMonth(last.month)} = ${count(last.presentAtEnd)} (chaque mois : file active du mois précédent + entrées − sorties)`,
  });
}

/** occupancy_rate — participant-days / (capacity × days open). */
export function computeOccupancyRate(input: OccupancyInput) {
  const scope = activityScope(input);
  assertCount(input.participantDays, 'Journées de présence');
  assertCount(input.capacity, 'Capacité');
  assertCount(input.daysOpen, "Jours d'ouverture");
  const flags = periodFlags(input);
  const inputs: ProvenanceInput[] = [
    countInput('participantDays', 'Journées de présence', input.participantDays),
    { kind: 'parameter', ref: 'capacity', label: 'Capacité (places)', value: input.capacity, unit: 'count' },
    { kind: 'parameter', ref: 'daysOpen', label: "Jours d'ouverture", value: input.daysOpen, unit: 'days' },
  ];
  const days = periodDays({ start: input.periodStart, end: input.periodEnd });
  if (input.daysOpen > days) {
    flags.push({ code: 'inconsistent_input', message: `Jours d'ouverture (${input.daysOpen}) supérieurs aux jours de la période (${days}).` });
  }
  const theoretical = input.capacity * input.daysOpen;
  if (theoretical === 0) {
    const reason =
      input.capacity === 0
        ? "Capacité nulle : taux d'occupation non calculable."
        : "Aucun jour d'ouverture sur la période : taux d'occupation non calculable.";
    return unavailable('occupancy_rate', scope, 'not_computable', reason, { inputs, flags });
  }
  const rate = bigFraction(input.participantDays, theoretical);
  if (input.participantDays > theoretical) {
    flags.push({ code: 'above_capacity', message: `Journées de présence supérieures aux journées théoriques : suroccupation (${percent(numeric(rate))}).` });
  }
  return buildValue('occupancy_rate', scope, {
    value: numeric(rate),
    exact: rate,
    details: [
      { key: 'participant_days', label: 'Journées de présence', value: input.participantDays, unit: 'days' },
      { key: 'theoretical_days', label: 'Journées théoriques (capacité × jours d’ouverture)', value: theoretical, unit: 'days' },
    ],
    flags,
    inputs,
    formulaText: `${count(input.participantDays)} journées / (${count(input.capacity)} places × ${count(input.daysOpen)} jours) = ${count(input.participantDays)} / ${count(theoretical)} = ${percent(numeric(rate))}`,
  });
}

function histogramTotals(histogram: readonly DurationCount[], what: string) {
  let n = 0;
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const row of histogram) {
    assertCount(row.durationDays, `${what} : durée`);
    assertCount(row.count, `${what} : effectif`);
    if (row.count === 0) continue;
    n += row.count;
    sum += row.durationDays * row.count;
    min = min === null ? row.durationDays : Math.min(min, row.durationDays);
    max = max === null ? row.durationDays : Math.max(max, row.durationDays);
  }
  if (!Number.isSafeInteger(sum)) {
    throw new RangeError(`${what} : somme des durées hors de la plage des entiers exacts.`);
  }
  return { n, sum, min, max };
}

function smallSampleFlag(n: number): Flag[] {
  return n < SMALL_SAMPLE_THRESHOLD
    ? [
        {
          code: 'unreliable_small_sample',
          message: `Seulement ${n} parcours terminé${n > 1 ? 's' : ''} (moins de ${SMALL_SAMPLE_THRESHOLD}) : durée peu fiable.`,
        },
      ]
    : [];
}

/** avg_duration_days — mean duration of the episodes closed in the period. */
export function computeAvgDurationDays(input: ActivityScope & { closedDurations?: DurationCount[] }) {
  const scope = activityScope(input);
  if (input.closedDurations === undefined) {
    return unavailable('avg_duration_days', scope, 'no_data', 'Durées des parcours terminés non fournies.');
  }
  const t = histogramTotals(input.closedDurations, 'Parcours terminés');
  const inputs: ProvenanceInput[] = [
    countInput('closedEpisodes', 'Parcours terminés', t.n),
    { kind: 'count', ref: 'sumDurationDays', label: 'Somme des durées', value: t.sum, unit: 'days' },
  ];
  const flags = periodFlags(input);
  if (t.n === 0) {
    return unavailable('avg_duration_days', scope, 'not_computable', 'Aucun parcours terminé sur la période : durée moyenne non calculable.', { inputs, flags });
  }
  const mean = bigFraction(t.sum, t.n);
  return buildValue('avg_duration_days', scope, {
    value: numeric(mean),
    exact: mean,
    details: [
      // distribution of the durations: the closed episodes per band (they add up to closed_episodes)
      ...durationBands(input.closedDurations, t.n),
      { key: 'closed_episodes', label: 'Parcours terminés', value: t.n, unit: 'count' },
      { key: 'min_days', label: 'Durée minimale', value: t.min, unit: 'days' },
      { key: 'max_days', label: 'Durée maximale', value: t.max, unit: 'days' },
    ],
    flags: [...flags, ...smallSampleFlag(t.n)],
    inputs,
    formulaText: `${formatNumber(t.sum)} jours / ${count(t.n)} parcours terminés = ${formatDays(numeric(mean), 1)}`,
  });
}

/**
 * median_duration_days — Kaplan–Meier median; open episodes are censored at their seniority.
 * Uses `survival` when given, else closedDurations (events) + openSeniority (censored).
 */
export function computeMedianDurationDays(
  input: ActivityScope & { survival?: SurvivalRow[]; closedDurations?: DurationCount[]; openSeniority?: DurationCount[] },
) {
  const scope = activityScope(input);
  if (input.survival === undefined && input.closedDurations === undefined) {
    return unavailable('median_duration_days', scope, 'no_data', 'Durées des parcours non fournies.');
  }
  const table =
    input.survival !== undefined
      ? normaliseSurvival(input.survival)
      : survivalFromHistograms(input.closedDurations, input.openSeniority);
  const km = kaplanMeier(table);
  const inputs: ProvenanceInput[] = [
    countInput('events', 'Parcours terminés (sorties)', km.events),
    countInput('censored', 'Parcours en cours (censurés)', km.censored),
  ];
  const flags = periodFlags(input);
  const notes: string[] = [];
  if (input.survival === undefined && input.openSeniority === undefined) {
    notes.push("Ancienneté des parcours en cours non fournie : seuls les parcours terminés sont pris en compte (aucune censure).");
  }
  const details: BreakdownItem[] = [
    { key: 'events', label: 'Parcours terminés', value: km.events, unit: 'count' },
    { key: 'censored', label: 'Parcours en cours (censurés)', value: km.censored, unit: 'count' },
    { key: 'min_observed_days', label: 'Durée minimale observée', value: km.minObservedDays, unit: 'days' },
    { key: 'max_observed_days', label: 'Durée maximale observée', value: km.maxObservedDays, unit: 'days' },
  ];
  if (km.events === 0) {
    return unavailable('median_duration_days', scope, 'not_computable', 'Aucun parcours terminé : durée médiane non estimable.', {
      inputs,
      flags,
      details,
      notes,
    });
  }
  flags.push(...smallSampleFlag(km.events));
  if (km.medianDays === null) {
    const last = km.steps[km.steps.length - 1];
    const reason = `Médiane non atteinte : la survie estimée reste supérieure à 50 % (${percent(last?.survivalValue ?? 1)} à ${formatDays(last?.durationDays ?? 0)}) ; plus de la moitié des parcours durent au-delà de la plus longue durée observée.`;
    return unavailable('median_duration_days', scope, 'median_not_reached', reason, { inputs, flags, details, notes });
  }
  const step = km.steps.find((s) => s.durationDays === km.medianDays);
  return buildValue('median_duration_days', scope, {
    value: km.medianDays,
    exact: bigFraction(km.medianDays),
    details: [
      ...details,
      fractionItem('survival_at_median', 'Survie estimée à la médiane', 'ratio', step?.survival ? bigFraction(step.survival.numerator, step.survival.denominator) : null),
    ],
    flags,
    inputs,
    formulaText: `Kaplan–Meier sur ${count(km.events)} parcours terminés et ${count(km.censored)} en cours : S(${km.medianDays} j) = ${percent(step?.survivalValue ?? 0)} ≤ 50 %, d'où médiane = ${formatDays(km.medianDays)}`,
    notes,
  });
}

/** Seniority bands (days) for open episodes. */
export const SENIORITY_BANDS: readonly { key: string; label: string; min: number; max: number | null }[] = [
  { key: '0_90', label: 'Moins de 3 mois (0 à 90 jours)', min: 0, max: 90 },
  { key: '91_182', label: '3 à 6 mois (91 à 182 jours)', min: 91, max: 182 },
  { key: '183_365', label: '6 mois à 1 an (183 à 365 jours)', min: 183, max: 365 },
  { key: '366_730', label: '1 à 2 ans (366 à 730 jours)', min: 366, max: 730 },
  { key: '731_plus', label: 'Plus de 2 ans (731 jours et plus)', min: 731, max: null },
];

/** Episodes of a duration histogram per band of SENIORITY_BANDS, with their share of `total`. */
function durationBands(histogram: readonly DurationCount[], total: number): BreakdownItem[] {
  return SENIORITY_BANDS.map((band) => {
    const n = histogram
      .filter((row) => row.durationDays >= band.min && (band.max === null || row.durationDays <= band.max))
      .reduce((sum, row) => sum + row.count, 0);
    return { key: band.key, label: band.label, value: n, unit: 'count' as const, ...shareExtra(n, total) };
  });
}

/** seniority_of_present_days — mean seniority of episodes open at period end, by band. */
export function computeSeniorityOfPresentDays(
  input: ActivityScope & { openSeniority?: DurationCount[]; presentAtEnd?: number },
) {
  const scope = activityScope(input);
  if (input.openSeniority === undefined) {
    return unavailable('seniority_of_present_days', scope, 'no_data', 'Ancienneté des parcours en cours non fournie.');
  }
  const t = histogramTotals(input.openSeniority, 'Parcours en cours');
  const inputs: ProvenanceInput[] = [
    countInput('openEpisodes', `Parcours ouverts au ${formatDate(input.periodEnd)}`, t.n),
    { kind: 'count', ref: 'sumSeniorityDays', label: 'Somme des anciennetés', value: t.sum, unit: 'days' },
  ];
  const flags = periodFlags(input);
  if (input.presentAtEnd !== undefined && input.presentAtEnd !== t.n) {
    flags.push({
      code: 'inconsistent_input',
      message: `Parcours ouverts selon l'ancienneté (${count(t.n)}) ≠ présents en fin de période (${count(input.presentAtEnd)}).`,
    });
  }
  if (t.n === 0) {
    return unavailable('seniority_of_present_days', scope, 'not_computable', 'Aucun parcours ouvert en fin de période : ancienneté non calculable.', { inputs, flags });
  }
  const bands = durationBands(input.openSeniority, t.n);
  const mean = bigFraction(t.sum, t.n);
  return buildValue('seniority_of_present_days', scope, {
    value: numeric(mean),
    exact: mean,
    details: [
      ...bands,
      { key: 'open_episodes', label: 'Parcours ouverts', value: t.n, unit: 'count' },
      { key: 'min_days', label: 'Ancienneté minimale', value: t.min, unit: 'days' },
      { key: 'max_days', label: 'Ancienneté maximale', value: t.max, unit: 'days' },
    ],
    flags,
    inputs,
    formulaText: `${formatNumber(t.sum)} jours / ${count(t.n)} parcours ouverts au ${formatDate(input.periodEnd)} = ${formatDays(numeric(mean), 1)}`,
  });
}
