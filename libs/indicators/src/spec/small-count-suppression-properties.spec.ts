import fc from 'fast-check';
import {
  applySmallCountSuppression,
  computeProgrammeIndicators,
  getDefinition,
  peopleCountRole,
  suppressedFormulaText,
  type BreakdownItem,
  type CategoryCount,
  type IndicatorValue,
  type MonthlyFlow,
  type ProgrammeCode,
  type ProgrammeYearInput,
} from '../index';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';

// ------------------------------------------------------------------ generators

/** Counts biased towards small groups (0 … 6) half of the time. */
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 90 }));
const LETTERS = 'ABCDEFGH';

const categories = fc
  .array(count, { maxLength: 6 })
  .map((counts): CategoryCount[] => counts.map((c, i) => ({ key: `k${LETTERS[i]}`, label: `Catégorie ${LETTERS[i]}`, count: c })));

const histogram = fc.array(fc.record({ durationDays: fc.integer({ min: 30, max: 800 }), count }), { maxLength: 4 });

interface YearDraw {
  presentAtStart: number;
  entries: number;
  exitShare: number;
  distinct: number | null;
  territory: { presentAtStart: number; entries: number; exits: number } | null;
  closed: { durationDays: number; count: number }[];
  open: { durationDays: number; count: number }[];
  participantDaysPerPerson: number;
  waiting: CategoryCount[];
  added: number;
  refusals: CategoryCount[];
  referrers: CategoryCount[];
  age: CategoryCount[];
  situation: CategoryCount[];
  handovers: CategoryCount[];
  decisions: [number, number, number, number];
  toSiao: number;
  otherReferrals: number;
  lease: number;
  visits: number;
  people: number;
  contacts: number;
  rounds: number;
  /** Flows of each month (the year's entries and exits are then their sums), or none. */
  months: { entries: number; exitShare: number }[] | null;
  /** Waiting list at the end of the first months (the last one is the stock at year end), or none. */
  waitingMonths: number[] | null;
}

const yearDraw: fc.Arbitrary<YearDraw> = fc.record({
  presentAtStart: count,
  entries: count,
  exitShare: fc.double({ min: 0, max: 1, noNaN: true }),
  distinct: fc.option(count, { nil: null }),
  territory: fc.option(fc.record({ presentAtStart: count, entries: count, exits: count }), { nil: null }),
  closed: histogram,
  open: histogram,
  participantDaysPerPerson: fc.integer({ min: 0, max: 365 }),
  waiting: categories,
  added: count,
  refusals: categories,
  referrers: categories,
  age: categories,
  situation: categories,
  handovers: fc.tuple(categories, count).map(([items, none]) => [...items, { key: 'none', label: 'Sans relais', count: none }]),
  decisions: fc.tuple(count, count, count, count),
  toSiao: count,
  otherReferrals: count,
  lease: count,
  visits: count,
  people: count,
  contacts: count,
  rounds: fc.integer({ min: 12, max: 200 }),
  months: fc.option(fc.array(fc.record({ entries: count, exitShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 12, maxLength: 12 }), { nil: null }),
  waitingMonths: fc.option(fc.array(count, { minLength: 1, maxLength: 11 }), { nil: null }),
});

/** Monthly flows from the draws: each month's exits are a share of those present during it. */
function monthlyFlows(year: number, presentAtStart: number, months: { entries: number; exitShare: number }[]): MonthlyFlow[] {
  let present = presentAtStart;
  return months.map((m, i) => {
    const exits = Math.floor(m.exitShare * (present + m.entries));
    present = present + m.entries - exits;
    return { month: `${year}-${String(i + 1).padStart(2, '0')}`, entries: m.entries, exits, presentAtEnd: present };
  });
}

function programmeYear(programmeCode: ProgrammeCode, year: number, d: YearDraw, carried: number | null): ProgrammeYearInput {
  const scope = { programmeCode, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
  // consecutive years: present on 1 January = present on 31 December of the year before
  const presentAtStart = carried ?? d.presentAtStart;
  const byMonth = d.months === null ? null : monthlyFlows(year, presentAtStart, d.months);
  const entries = byMonth === null ? d.entries : byMonth.reduce((t, m) => t + m.entries, 0);
  const exits = byMonth === null ? Math.floor(d.exitShare * (presentAtStart + d.entries)) : byMonth.reduce((t, m) => t + m.exits, 0);
  const sum = (items: CategoryCount[]) => items.reduce((t, i) => t + i.count, 0);
  const waitingByMonth =
    d.waitingMonths === null
      ? {}
      : { byMonth: [...d.waitingMonths, sum(d.waiting)].map((c, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, count: c })) };
  return {
    programmeCode,
    year,
    basis: 'actual',
    capacity: { places: 40 },
    targets: [...AGREEMENT_2022_TARGETS],
    budget: {
      programmeCode,
      year,
      basis: 'actual',
      lines: [
        { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'Charges de personnel', amountCents: 12_000_000 },
        { accountCode: '741000', groupCode: '74', side: 'income', label: 'Subventions', amountCents: 12_000_000 },
      ],
    },
    episodes: {
      ...scope,
      presentAtStart,
      entries,
      exits,
      ...(byMonth === null ? {} : { byMonth }),
      ...(d.distinct === null ? {} : { distinctParticipants: d.distinct }),
      participantDays: (presentAtStart + entries) * d.participantDaysPerPerson,
      closedDurations: d.closed,
      openSeniority: d.open,
      ...(d.territory === null ? {} : { byTerritory: [{ territoryCode: 'chenove', label: 'Chenôve', ...d.territory }] }),
    },
    waitingList: { ...scope, atPeriodEnd: sum(d.waiting), addedDuringPeriod: d.added, byCategory: d.waiting, ...waitingByMonth },
    refusals: { ...scope, items: d.refusals },
    referrers: { ...scope, items: d.referrers },
    profileAge: { ...scope, items: d.age },
    profileSituation: { ...scope, items: d.situation },
    handovers: { ...scope, items: d.handovers },
    referralDecisions: {
      ...scope,
      counts: (['accord', 'accord_waiting_list', 'adjournment', 'rejection'] as const).map((decision, i) => ({ decision, count: d.decisions[i] ?? 0 })),
    },
    referralOutcomes: { ...scope, referralsProposed: d.toSiao + d.otherReferrals, toSiao: d.toSiao },
    leaseTransfers: { ...scope, count: d.lease },
    attendance: { ...scope, visits: d.visits + d.people, distinctPeople: d.people, openingDays: 250 },
    outreach: { ...scope, contacts: d.contacts + d.people, distinctPeople: d.people, rounds: d.rounds },
  };
}

/** One or two consecutive years of one programme, and a threshold. */
const scenario = fc
  .record({
    programme: fc.constantFrom<ProgrammeCode>('emas', 'acor-centre-ville', 'acor-dijon-metropole'),
    years: fc.array(yearDraw, { minLength: 1, maxLength: 2 }),
    threshold: fc.integer({ min: 2, max: 11 }),
  })
  .map(({ programme, years, threshold }) => {
    const values: IndicatorValue[] = [];
    let carried: number | null = null;
    years.forEach((d, i) => {
      const input = programmeYear(programme, 2021 + i, d, carried);
      const ep = input.episodes;
      carried = ep === undefined ? null : ep.presentAtStart + ep.entries - ep.exits;
      values.push(...computeProgrammeIndicators(input));
    });
    return { values, threshold };
  });

// ------------------------------------------------------------------ helpers

function walk(items: readonly BreakdownItem[] | undefined, visit: (item: BreakdownItem, parent: BreakdownItem | null) => void, parent: BreakdownItem | null = null): void {
  for (const item of items ?? []) {
    visit(item, parent);
    walk(item.children, visit, item);
  }
}

const isSmall = (n: number | null | undefined, t: number) => typeof n === 'number' && n >= 1 && n <= t - 1;

/**
 * Whole numbers written in a French formula text, leaving out the catalogue formula (« 1 − … »),
 * dates, percentages, amounts and decimals.
 */
function integersIn(text: string, code: IndicatorValue['code']): number[] {
  const stripped = text
    .split(getDefinition(code).formula)
    .join(' ')
    .replace(/\d{2}\/\d{2}\/\d{4}/g, ' ')
    .replace(/\d[\d\u00a0]*(?:,\d+)?\u00a0?[%€]/g, ' ')
    .replace(/\d+,\d+/g, ' ');
  return (stripped.match(/\d{1,3}(?:\u00a0\d{3})+|\d+/g) ?? []).map((n) => Number(n.replace(/\u00a0/g, '')));
}

const people = (v: IndicatorValue) => peopleCountRole(v.code) !== 'none';

/**
 * Every count shown in a value (unit `count`), except what is not a number of people: outreach
 * rounds, the capacity (a parameter), days of presence, and visits or contacts PER person (ratios).
 */
function visibleCounts(v: IndicatorValue): number[] {
  const out: number[] = [];
  if (v.unit === 'count' && v.value !== null) out.push(v.value);
  for (const list of [v.breakdown, v.details]) {
    walk(list, (item) => {
      if (item.unit === 'count' && item.key !== 'rounds' && !item.key.endsWith('_per_person') && item.value !== null) out.push(item.value);
      const achieved = item.attributes?.['achieved'];
      if (typeof achieved === 'number') out.push(achieved);
    });
  }
  for (const input of v.provenance.inputs) {
    if (input.unit === 'count' && input.kind !== 'parameter' && input.ref !== 'participantDays' && input.value !== null) out.push(input.value);
  }
  return out;
}

/** Interval of each masked cell of `total = Σ cells`, from what a reader sees. */
function intervals(total: number, cells: readonly BreakdownItem[], t: number): [number, number][] {
  const bound = (c: BreakdownItem): [number, number] =>
    c.suppressed === undefined ? [c.value ?? 0, c.value ?? 0] : c.suppressed.reason === 'small_count' ? [1, t - 1] : [t, Infinity];
  const bounds = cells.map(bound);
  return cells.flatMap((c, i) => {
    if (c.suppressed === undefined) return [];
    const [lo, hi] = bounds[i] ?? [0, 0];
    const others = bounds.filter((_, j) => j !== i);
    const minOthers = others.reduce((s, b) => s + b[0], 0);
    const maxOthers = others.reduce((s, b) => s + b[1], 0);
    return [[Math.max(lo, total - maxOthers), Math.min(hi, total - minOthers)] as [number, number]];
  });
}

/** Numbers of a value that the rule may mask, by position. */
function positions(v: IndicatorValue): Map<string, unknown> {
  const out = new Map<string, unknown>([
    ['value', v.value],
    ['exact', v.exact],
  ]);
  const items = (name: string, list: readonly BreakdownItem[] | undefined, path = name) =>
    (list ?? []).forEach((item, i) => {
      out.set(`${path}[${i}].value`, item.value);
      out.set(`${path}[${i}].exact`, item.exact);
      out.set(`${path}[${i}].share`, item.share);
      for (const [k, a] of Object.entries(item.attributes ?? {})) out.set(`${path}[${i}]@${k}`, a);
      if (item.children) items(name, item.children, `${path}[${i}].children`);
    });
  items('breakdown', v.breakdown);
  items('details', v.details);
  v.provenance.inputs.forEach((input, i) => out.set(`inputs[${i}]`, input.value));
  return out;
}

// ------------------------------------------------------------------ properties

/** 150 programme-years per property take ~1,5 s alone; generous when run beside other projects. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe('property: small-count suppression', () => {
  it('(1) no count of 1 … threshold − 1 is visible anywhere, nor quoted in a formula text', () => {
    fc.assert(
      fc.property(scenario, ({ values, threshold }) => {
        const out = applySmallCountSuppression(values, { threshold });
        for (const v of out.filter(people)) {
          expect([v.code, visibleCounts(v).filter((n) => isSmall(n, threshold))]).toEqual([v.code, []]);
          if (v.flags.some((f) => f.code === 'suppressed_small_count')) {
            expect(v.provenance.formulaText).toBe(suppressedFormulaText(threshold));
          } else {
            expect([v.code, v.provenance.formulaText, integersIn(v.provenance.formulaText, v.code).filter((n) => isSmall(n, threshold))]).toEqual([v.code, v.provenance.formulaText, []]);
          }
          // nothing left beside a masked figure
          if (v.suppressed !== undefined) expect([v.value, v.exact]).toEqual([null, undefined]);
          for (const list of [v.breakdown, v.details]) {
            walk(list, (item) => {
              if (item.suppressed !== undefined) expect([item.value, item.exact, item.share]).toEqual([null, undefined, undefined]);
            });
          }
        }
      }),
      { numRuns: 150, ...(process.env['FC_SEED'] ? { seed: Number(process.env['FC_SEED']), path: process.env['FC_PATH'] } : {}) },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(2) no masked cell can be recovered from a total or from the other cells', () => {
    fc.assert(
      fc.property(scenario, ({ values, threshold }) => {
        const out = applySmallCountSuppression(values, { threshold });
        const check = (total: number | null, cells: readonly BreakdownItem[]) => {
          const masked = cells.filter((c) => c.suppressed !== undefined).length;
          if (total === null || masked === 0) return;
          // at least two cells masked when the total is visible …
          expect(masked).toBeGreaterThanOrEqual(2);
          // … and none of them pinned down to one value by the bounds « < T » / « ≥ T »
          for (const [lo, hi] of intervals(total, cells, threshold)) expect(hi).toBeGreaterThan(lo);
        };
        for (const v of out.filter(people)) {
          if (v.unit === 'count') check(v.value, v.breakdown ?? []);
          walk(v.breakdown, (item) => {
            if (item.children) check(item.value, item.children);
          });
          if (v.code === 'avg_duration_days') {
            const closed = v.details?.find((d) => d.key === 'closed_episodes')?.value ?? null;
            check(closed, (v.details ?? []).filter((d) => /^\d/.test(d.key)));
          }
          if (v.code === 'seniority_of_present_days') {
            const open = v.details?.find((d) => d.key === 'open_episodes')?.value ?? null;
            check(open, (v.details ?? []).filter((d) => /^\d/.test(d.key)));
          }
          if (v.code === 'monthly_caseload') {
            const item = (month: string, measure: string) => v.details?.find((i) => i.key === `${month}:${measure}`);
            const months = [...new Set((v.details ?? []).map((i) => String(i.attributes?.['month'])))];
            const atStart = v.provenance.inputs.find((i) => i.ref === 'presentAtStart');
            let previous: { value: number | null } | undefined = atStart;
            for (const month of months) {
              // month-end + exits = previous month-end + entries: never exactly one unknown term
              const terms = [previous, item(month, 'entries'), item(month, 'exits'), item(month, 'at_end')];
              expect(terms.filter((t) => t?.value === null).length).not.toBe(1);
              previous = item(month, 'at_end');
            }
            for (const measure of ['entries', 'exits']) {
              const total = v.provenance.inputs.find((i) => i.ref === measure)?.value ?? null;
              check(total, months.map((month) => item(month, measure)).filter((i): i is BreakdownItem => i !== undefined));
            }
          }
          if (v.code === 'active_caseload') {
            const d = new Map([...(v.breakdown ?? []), ...(v.details ?? [])].map((i) => [i.key, i]));
            const masked = (keys: string[]) =>
              keys.filter((k) => (k === 'value' ? v.suppressed !== undefined : d.get(k)?.suppressed !== undefined)).length;
            // followed = present at start + entries; present at end = followed − exits:
            // never exactly one unknown term in either identity
            expect(masked(['value', 'present_at_start', 'entries'])).not.toBe(1);
            expect(masked(['value', 'at_end', 'exits'])).not.toBe(1);
          }
        }
        // the same figure is masked everywhere or nowhere
        const find = (code: string, year: number | null) => out.find((v) => v.code === code && v.year === year);
        for (const caseload of out.filter((v) => v.code === 'active_caseload')) {
          const entries = caseload.breakdown?.find((b) => b.key === 'entries');
          expect(find('entries', caseload.year)?.value ?? null).toBe(entries?.value ?? null);
          const exits = caseload.details?.find((b) => b.key === 'exits');
          expect(find('exits', caseload.year)?.value ?? null).toBe(exits?.value ?? null);
          const next = out.find((v) => v.code === 'active_caseload' && v.year === (caseload.year ?? 0) + 1);
          if (next !== undefined) {
            // consecutive years were generated with present on 1 January = present on 31 December
            const atEnd = caseload.details?.find((i) => i.key === 'at_end')?.value ?? null;
            const atStart = next.details?.find((i) => i.key === 'at_start')?.value ?? null;
            expect(atEnd).toBe(atStart);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(3) what is not masked is unchanged; indicators without people are untouched; the input is not mutated', () => {
    fc.assert(
      fc.property(scenario, ({ values, threshold }) => {
        const before = JSON.stringify(values);
        const out = applySmallCountSuppression(values, { threshold });
        expect(JSON.stringify(values)).toBe(before);
        expect(out).toHaveLength(values.length);
        out.forEach((v, i) => {
          const original = values[i];
          if (original === undefined) throw new Error('one output per input');
          expect(v.code).toBe(original.code);
          if (!people(v)) {
            expect(v).toEqual(original);
            return;
          }
          const was = positions(original);
          for (const [path, now] of positions(v)) {
            if (now !== null && now !== undefined) expect([path, now]).toEqual([path, was.get(path)]);
          }
          const masked = [...positions(v)].some(([path, now]) => (now === null || now === undefined) && was.get(path) !== now);
          if (!masked) {
            expect(v.provenance.formulaText).toBe(original.provenance.formulaText);
            expect(v.flags.map((f) => f.code)).toEqual(original.flags.map((f) => f.code));
          }
        });
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(4) idempotent', () => {
    fc.assert(
      fc.property(scenario, ({ values, threshold }) => {
        const once = applySmallCountSuppression(values, { threshold });
        expect(applySmallCountSuppression(once, { threshold })).toEqual(once);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
