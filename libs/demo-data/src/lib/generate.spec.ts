import fc from 'fast-check';
import { generateDemoData } from '../index';
import type { DemoDataset, DemoOptions, DemoProgrammeInput } from '../index';
import { durationDays, maxDailyCaseload, overlapping, toDay } from '../testing/aggregates';
import { PROGRAMMES_2022, acorCentreVille, acorDijonMetropole, emas } from '../testing/inputs-2022';

const YEARS = [2020, 2021, 2022, 2023];
const AS_OF = '2023-12-31';
const options = (seed: number, extra: Partial<DemoOptions> = {}): DemoOptions => ({ seed, years: YEARS, asOf: AS_OF, ...extra });

const cache = new Map<number, DemoDataset>();
function dataset(seed: number): DemoDataset {
  let d = cache.get(seed);
  if (d === undefined) {
    d = generateDemoData(PROGRAMMES_2022, options(seed));
    cache.set(seed, d);
  }
  return d;
}

/** Any safe integer, small ones more often. */
const seeds = fc.oneof(fc.integer(), fc.maxSafeInteger());
const RUNS = { numRuns: 12 };

const byProgramme = <T extends { programmeCode: string }>(rows: readonly T[], code: string): T[] =>
  rows.filter((r) => r.programmeCode === code);

describe('generateDemoData — determinism', () => {
  it('same seed → deep-equal and byte-identical output; different seed → different output', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const a = generateDemoData(PROGRAMMES_2022, options(seed));
        const b = generateDemoData(PROGRAMMES_2022, options(seed));
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const c = generateDemoData(PROGRAMMES_2022, options(seed === 0 ? 1 : -seed));
        expect(c).not.toEqual(a);
        expect(c.episodes[0]?.participantKey).not.toBe(a.episodes[0]?.participantKey);
      }),
      { numRuns: 5 },
    );
  });

  it('does not depend on the order of the years nor on the other programmes', () => {
    const all = dataset(7);
    const shuffled = generateDemoData(PROGRAMMES_2022, options(7, { years: [2023, 2021, 2020, 2022, 2021] }));
    expect(shuffled).toEqual(all);
    const alone = generateDemoData([emas], options(7));
    expect(alone.episodes).toEqual(byProgramme(all.episodes, 'emas'));
    expect(alone.budgets).toEqual(byProgramme(all.budgets, 'emas'));
  });

  it('a later asOf extends the history without changing it', () => {
    const short = generateDemoData(PROGRAMMES_2022, options(11, { asOf: '2022-12-31' }));
    const long = dataset(11);
    const cut = '2022-12-31';
    const closedShort = short.episodes.filter((e) => e.exitDate !== null);
    const closedLongBefore = long.episodes.filter((e) => e.exitDate !== null && e.exitDate <= cut);
    expect(closedLongBefore).toEqual(closedShort);
    expect(long.referrals.filter((r) => r.decisionDate <= cut)).toEqual(short.referrals);
    expect(long.monthlyActivity.filter((m) => m.month <= '2022-12-01')).toEqual(short.monthlyActivity);
    expect(long.budgets.filter((b) => b.year <= 2022)).toEqual(short.budgets);
    // open episodes of the short run are the same people, entered on the same day
    for (const open of short.episodes.filter((e) => e.exitDate === null)) {
      const later = long.episodes.find((e) => e.participantKey === open.participantKey);
      expect(later?.entryDate).toBe(open.entryDate);
      expect(later?.exitDate === null || (later?.exitDate ?? '') > cut).toBe(true);
    }
  });

  it('a year’s budget does not depend on the other years asked for', () => {
    const only2022 = generateDemoData(PROGRAMMES_2022, options(5, { years: [2022] }));
    expect(only2022.budgets).toEqual(dataset(5).budgets.filter((b) => b.year === 2022));
  });
});

describe('generateDemoData — episodes', () => {
  it('entryDate ≤ exitDate ≤ asOf, open episodes have no hand-over, every episode overlaps the period', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        expect(d.episodes.length).toBeGreaterThan(0);
        const bad = d.episodes.filter(
          (e) =>
            !(e.entryDate <= AS_OF) ||
            (e.exitDate === null
              ? e.handover !== null || e.leaseTransfer
              : !(e.entryDate <= e.exitDate && e.exitDate <= AS_OF && e.exitDate >= '2020-01-01' && e.handover !== null)),
        );
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the active caseload never exceeds the places (EMAS: ≤ 40, co-evaluations ≤ 5, ≤ 90 days)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        const emasEpisodes = byProgramme(d.episodes, 'emas');
        expect(maxDailyCaseload(emasEpisodes, '2020-01-01', AS_OF)).toBeLessThanOrEqual(40);
        const coEvaluations = emasEpisodes.filter((e) => e.kind === 'co_evaluation');
        expect(maxDailyCaseload(coEvaluations, '2020-01-01', AS_OF)).toBeLessThanOrEqual(5);
        expect(maxDailyCaseload(emasEpisodes.filter((e) => e.kind === 'follow_up'), '2020-01-01', AS_OF)).toBeLessThanOrEqual(35);
        for (const e of coEvaluations) {
          const days = durationDays(e) ?? toDay(AS_OF) - toDay(e.entryDate);
          expect(days).toBeLessThanOrEqual(90);
        }
        for (const row of d.capacities) {
          const episodes = byProgramme(d.episodes, row.programmeCode).filter((e) => e.kind === row.kind);
          expect(maxDailyCaseload(episodes, '2020-01-01', AS_OF)).toBeLessThanOrEqual(row.places);
        }
        // kinds: only EMAS has co-evaluations; only housing support has lease transfers
        expect(d.episodes.filter((e) => e.kind === 'co_evaluation' && e.programmeCode !== 'emas')).toEqual([]);
        expect(d.episodes.filter((e) => e.leaseTransfer && e.programmeCode !== 'acor-dijon-metropole')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('ACOR Dijon Métropole: ≈ 220 distinct follow-ups a year (±15 %), ≈ 60/220 in Chenôve (±10 points)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const episodes = byProgramme(dataset(seed).episodes, 'acor-dijon-metropole');
        for (const year of YEARS) {
          const followed = overlapping(episodes, `${year}-01-01`, `${year}-12-31`);
          const people = new Set(followed.map((e) => e.participantKey));
          expect(people.size).toBeGreaterThanOrEqual(220 * 0.85);
          expect(people.size).toBeLessThanOrEqual(220 * 1.15);
          const chenove = new Set(followed.filter((e) => e.commune === 'Chenôve').map((e) => e.participantKey));
          expect(Math.abs(chenove.size / people.size - 60 / 220)).toBeLessThanOrEqual(0.1);
        }
      }),
      RUNS,
    );
  });

  it('EMAS: the active caseload at year end is close to 40; durations are in the expected ranges', () => {
    const d = dataset(2022);
    const emasEpisodes = byProgramme(d.episodes, 'emas');
    for (const year of YEARS) {
      const open = emasEpisodes.filter((e) => e.entryDate <= `${year}-12-31` && (e.exitDate === null || e.exitDate > `${year}-12-31`));
      expect(open.length).toBeGreaterThanOrEqual(30);
    }
    const mean = (code: string, kind: string): number => {
      const closed = byProgramme(d.episodes, code).filter((e) => e.kind === kind && e.exitDate !== null);
      return closed.reduce((s, e) => s + (durationDays(e) ?? 0), 0) / closed.length;
    };
    expect(mean('acor-dijon-metropole', 'follow_up') / 30.4).toBeGreaterThan(6);
    expect(mean('acor-dijon-metropole', 'follow_up') / 30.4).toBeLessThan(10);
    expect(mean('emas', 'follow_up') / 30.4).toBeGreaterThan(6.5);
    expect(mean('emas', 'follow_up') / 30.4).toBeLessThan(9.5);
    expect(mean('acor-centre-ville', 'follow_up')).toBeLessThan(mean('acor-dijon-metropole', 'follow_up'));
  });

  it('lease transfers concern about 5 % of the housing-support exits', () => {
    const exits = byProgramme(dataset(3).episodes, 'acor-dijon-metropole').filter((e) => e.exitDate !== null);
    const share = exits.filter((e) => e.leaseTransfer).length / exits.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.1);
  });
});

describe('generateDemoData — referrals and waiting list', () => {
  it('every admission comes from a commission decision; rejected requests never enter', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        const decisions = new Map<string, { date: string; decision: string }[]>();
        for (const r of d.referrals) {
          expect(r.decisionDate >= '2020-01-01' && r.decisionDate <= AS_OF).toBe(true);
          expect(r.viaSiao || r.referrer !== 'siao').toBe(true);
          const list = decisions.get(r.participantKey) ?? [];
          list.push({ date: r.decisionDate, decision: r.decision });
          decisions.set(r.participantKey, list);
        }
        const entered = new Set(d.episodes.map((e) => e.participantKey));
        for (const [key, list] of decisions) {
          if (list.some((x) => x.decision === 'rejection')) expect(entered.has(key)).toBe(false);
        }
        // Decisions precede entries by at most patience (120 days) + delay (14 days): episodes that
        // start late enough in the period have their decision among the rows.
        for (const e of d.episodes.filter((x) => x.entryDate >= '2020-06-01')) {
          const list = decisions.get(e.participantKey) ?? [];
          const last = list[list.length - 1];
          expect(last?.decision).toBe(e.referralDecision);
          expect((last?.date ?? '9999') <= e.entryDate).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('all four commission decisions occur, with a few adjournments and rejections', () => {
    const counts = new Map<string, number>();
    for (const r of dataset(2022).referrals) counts.set(r.decision, (counts.get(r.decision) ?? 0) + 1);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    for (const decision of ['accord', 'accord_waiting_list', 'adjournment', 'rejection']) expect(counts.get(decision) ?? 0).toBeGreaterThan(0);
    expect((counts.get('rejection') ?? 0) / total).toBeLessThan(0.15);
    expect((counts.get('adjournment') ?? 0) / total).toBeLessThan(0.15);
  });

  it('one monthly row per programme and month, waiting list ≥ 0, day-centre figures only for ACOR Centre Ville', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        expect(d.monthlyActivity).toHaveLength(3 * 12 * YEARS.length);
        for (const m of d.monthlyActivity) {
          expect(Number.isInteger(m.waitingListEnd) && m.waitingListEnd >= 0).toBe(true);
          expect(m.month).toMatch(/^\d{4}-\d{2}-01$/);
          if (m.programmeCode === 'acor-centre-ville') {
            expect(m.openingDays).toBeGreaterThanOrEqual(20);
            expect(m.openingDays).toBeLessThanOrEqual(27);
            expect(m.attendanceDistinctPeople ?? 0).toBeLessThanOrEqual(m.attendanceVisits ?? 0);
            expect(m.outreachDistinctPeople ?? 0).toBeLessThanOrEqual(m.outreachContacts ?? 0);
            expect(m.attendanceDistinctPeople ?? 0).toBeGreaterThan(0);
          } else {
            expect([m.openingDays, m.attendanceVisits, m.attendanceDistinctPeople, m.outreachContacts, m.outreachDistinctPeople]).toEqual([
              null,
              null,
              null,
              null,
              null,
            ]);
          }
        }
      }),
      RUNS,
    );
  });

  it('the day centre opens Monday to Saturday except public holidays; outreach is higher in winter', () => {
    const rows = byProgramme(dataset(2022).monthlyActivity, 'acor-centre-ville');
    // May 2023: 31 days, 4 Sundays, holidays 1, 8, 18 (Ascension) and 29 (Whit Monday) May → 23
    expect(rows.find((m) => m.month === '2023-05-01')?.openingDays).toBe(23);
    // December 2022: 31 days, 4 Sundays (25 is a Sunday) → 27
    expect(rows.find((m) => m.month === '2022-12-01')?.openingDays).toBe(27);
    const sum = (months: string[]) =>
      rows.filter((m) => months.includes(m.month.slice(5, 7))).reduce((s, m) => s + (m.outreachContacts ?? 0), 0);
    expect(sum(['12', '01', '02'])).toBeGreaterThan(sum(['06', '07', '08']) * 1.3);
  });

  it('a partial last month counts only the days up to asOf', () => {
    const d = generateDemoData([acorCentreVille], options(1, { years: [2023], asOf: '2023-03-04' }));
    expect(d.monthlyActivity.map((m) => m.month)).toEqual(['2023-01-01', '2023-02-01', '2023-03-01']);
    expect(d.monthlyActivity[2]?.openingDays).toBe(4); // Wed 1 to Sat 4 March 2023
    expect(d.budgets).toEqual([]); // no actual budget for an unfinished year
    expect(d.episodes.every((e) => e.exitDate === null || e.exitDate <= '2023-03-04')).toBe(true);
  });
});

describe('generateDemoData — money', () => {
  const moneyValues = (d: DemoDataset): number[] => [
    ...d.budgets.flatMap((b) => b.lines.flatMap((l) => [l.amountCents, l.segurCents]).filter((v): v is number => v !== null)),
    ...d.fundings.flatMap((f) => [f.amountCents, ...f.earmarks.map((e) => e.amountCents)]),
    ...d.socialLifeFunds.flatMap((s) => [s.envelopeCents, s.usedCents, s.carriedOverCents]),
    ...d.operatingResults.flatMap((r) => [r.incomeCents, r.expensesCents, r.resultCents]),
  ];

  it('every amount is an integer number of cents and a whole number of euros', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const values = moneyValues(dataset(seed));
        expect(values.length).toBeGreaterThan(100);
        for (const v of values) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v % 100 === 0).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('operating result = Σ income − Σ expenses exactly, a small surplus or deficit', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        expect(d.operatingResults).toHaveLength(3 * YEARS.length);
        for (const r of d.operatingResults) {
          const budget = d.budgets.find((b) => b.programmeCode === r.programmeCode && b.year === r.year);
          expect(budget).toBeDefined();
          let income = 0;
          let expenses = 0;
          for (const l of budget?.lines ?? []) {
            if (l.amountCents === null) continue;
            if (l.side === 'income') income += l.amountCents;
            else expenses += l.amountCents;
          }
          expect(r.incomeCents).toBe(income);
          expect(r.expensesCents).toBe(expenses);
          expect(r.resultCents).toBe(income - expenses);
          expect(Math.abs(r.resultCents)).toBeGreaterThanOrEqual(100_000);
          expect(Math.abs(r.resultCents)).toBeLessThanOrEqual(800_000);
          expect(r.allocation).toMatch(r.resultCents > 0 ? /^Excédent de / : /^Déficit de /);
        }
      }),
      RUNS,
    );
  });

  it('actual budgets follow the forecast line by line: same lines, nulls stay null, year levels', () => {
    const d = dataset(2022);
    for (const programme of PROGRAMMES_2022) {
      const forecastExpenses = programme.forecast2022.filter((l) => l.side === 'expenses').reduce((s, l) => s + (l.amountCents ?? 0), 0);
      for (const budget of byProgramme(d.budgets, programme.programmeCode)) {
        expect(budget.basis).toBe('actual');
        expect(budget.lines.map((l) => [l.groupCode, l.side, l.accountCode])).toEqual(
          programme.forecast2022.map((l) => [l.groupCode, l.side, l.accountCode]),
        );
        budget.lines.forEach((l, i) => expect(l.amountCents === null).toBe(programme.forecast2022[i]?.amountCents === null));
        const expenses = budget.lines.filter((l) => l.side === 'expenses').reduce((s, l) => s + (l.amountCents ?? 0), 0);
        const ratio = expenses / forecastExpenses;
        const expected = { 2020: 0.93, 2021: 0.96, 2022: 1.01, 2023: 1.05 }[budget.year as 2020] ?? 1;
        // pre-2022 budgets have no Ségur bonus (≈ 6 % of the 2022 forecast at most), 2023 a full year of it
        expect(ratio).toBeGreaterThan(expected - 0.09);
        expect(ratio).toBeLessThan(expected + 0.05);
        expect(budget.lines.every((l) => !/\((dt|dont)\b/i.test(l.label))).toBe(true);
      }
    }
  });

  it('the Ségur bonus appears from 2022 on (budgets and earmarks), a full year from 2023', () => {
    const d = dataset(9);
    for (const budget of d.budgets) {
      const segur = budget.lines.reduce((s, l) => s + (l.segurCents ?? 0), 0);
      if (budget.year < 2022) expect(segur).toBe(0);
      else expect(segur).toBeGreaterThan(0);
    }
    const segurOf = (year: number, code: string) =>
      byProgramme(d.budgets, code)
        .find((b) => b.year === year)
        ?.lines.filter((l) => l.side === 'income')
        .reduce((s, l) => s + (l.segurCents ?? 0), 0) ?? 0;
    expect(segurOf(2023, 'acor-centre-ville') / segurOf(2022, 'acor-centre-ville')).toBeGreaterThan(1.28);
    for (const f of d.fundings) {
      const segurEarmarks = f.earmarks.filter((e) => /s[ée]gur/i.test(e.kind));
      if (f.year < 2022) expect(segurEarmarks).toEqual([]);
    }
    expect(d.fundings.some((f) => f.year === 2022 && f.earmarks.some((e) => e.kind === 'segur' && e.amountCents > 0))).toBe(true);
  });

  it('actual funding matches the income lines of the funders whose 2022 rows match their 2022 lines', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        const subsidyOf = (lines: readonly { side: string; groupCode: string; funderCode?: string | null; amountCents: number | null }[], funder: string) =>
          lines
            .filter((l) => l.side === 'income' && l.groupCode === '74' && l.funderCode === funder)
            .reduce((s, l) => s + (l.amountCents ?? 0), 0);
        let exactChecked = 0;
        for (const programme of PROGRAMMES_2022) {
          for (const budget of byProgramme(d.budgets, programme.programmeCode)) {
            const rows = d.fundings.filter((f) => f.programmeCode === programme.programmeCode && f.year === budget.year);
            expect(rows.map((r) => r.label)).toEqual(programme.funding2022.map((r) => r.label));
            for (const funder of new Set(programme.funding2022.map((r) => r.funderCode))) {
              const rows2022 = programme.funding2022.filter((r) => r.funderCode === funder);
              const total2022 = rows2022.reduce((s, r) => s + r.amountCents, 0);
              const actual = rows.filter((r) => r.funderCode === funder).reduce((s, r) => s + r.amountCents, 0);
              if (subsidyOf(programme.forecast2022, funder) === total2022) {
                expect(actual).toBe(subsidyOf(budget.lines, funder));
                exactChecked++;
              }
            }
            rows.forEach((row, i) => {
              const source = programme.funding2022[i];
              if (source === undefined) throw new Error('row');
              const nonSegur = (amount: number, earmarks: { kind: string; amountCents: number }[]) =>
                amount - earmarks.filter((e) => /segur/i.test(e.kind)).reduce((s, e) => s + e.amountCents, 0);
              const ratio = nonSegur(row.amountCents, row.earmarks) / nonSegur(source.amountCents, source.earmarks);
              expect(ratio).toBeGreaterThan(0.8);
              expect(ratio).toBeLessThan(1.2);
              expect(row.funderIsSignatory).toBe(source.funderIsSignatory);
            });
          }
        }
        expect(exactChecked).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('social-life fund: carried over N = envelope N-1 + carried over N-1 − used N-1, used ≤ available', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        for (const programme of PROGRAMMES_2022) {
          const rows = byProgramme(d.socialLifeFunds, programme.programmeCode).sort((a, b) => a.year - b.year);
          expect(rows.map((r) => r.year)).toEqual(YEARS);
          rows.forEach((row, i) => {
            const budget = d.budgets.find((b) => b.programmeCode === row.programmeCode && b.year === row.year);
            expect(row.envelopeCents).toBe(budget?.lines.find((l) => l.accountCode === '658600')?.amountCents);
            expect(row.usedCents).toBeGreaterThanOrEqual(0);
            expect(row.carriedOverCents).toBeGreaterThanOrEqual(0);
            expect(row.usedCents).toBeLessThanOrEqual(row.envelopeCents + row.carriedOverCents);
            const previous = rows[i - 1];
            if (previous !== undefined) {
              expect(row.carriedOverCents).toBe(previous.envelopeCents + previous.carriedOverCents - previous.usedCents);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('no social-life fund without a 658600 line', () => {
    const withoutFund: DemoProgrammeInput = {
      ...emas,
      forecast2022: emas.forecast2022.filter((l) => l.accountCode !== '658600'),
    };
    expect(generateDemoData([withoutFund], options(1)).socialLifeFunds).toEqual([]);
  });
});

describe('generateDemoData — staff', () => {
  it('keeps the 2022 lines with small FTE variations (2 decimals); posts stay posts', () => {
    const d = dataset(2022);
    for (const programme of PROGRAMMES_2022) {
      for (const year of YEARS) {
        const rows = d.staff.filter((s) => s.programmeCode === programme.programmeCode && s.year === year);
        expect(rows.map((r) => [r.jobCode, r.unit])).toEqual(programme.staff2022.map((s) => [s.jobCode, s.unit]));
        rows.forEach((row, i) => {
          const source = programme.staff2022[i];
          if (source === undefined || source.quantity === null || row.quantity === null) throw new Error('staff');
          if (row.unit === 'fte') {
            expect(Math.round(row.quantity * 100) / 100).toBe(row.quantity);
            expect(Math.abs(row.quantity - source.quantity)).toBeLessThanOrEqual(Math.max(0.01, source.quantity * 0.06));
          } else {
            expect(row.quantity).toBe(source.quantity);
          }
        });
      }
    }
  });
});

describe('generateDemoData — privacy and row shapes', () => {
  const KEYS = {
    capacities: ['kind', 'places', 'programmeCode'],
    episodes: [
      'ageBand',
      'commune',
      'entryDate',
      'exitDate',
      'handover',
      'householdSituation',
      'kind',
      'leaseTransfer',
      'participantKey',
      'programmeCode',
      'referralDecision',
      'referrer',
    ],
    referrals: ['decision', 'decisionDate', 'participantKey', 'programmeCode', 'referrer', 'viaSiao'],
    monthlyActivity: [
      'attendanceDistinctPeople',
      'attendanceVisits',
      'month',
      'openingDays',
      'outreachContacts',
      'outreachDistinctPeople',
      'programmeCode',
      'waitingListEnd',
    ],
    budgets: ['basis', 'lines', 'programmeCode', 'year'],
    fundings: ['amountCents', 'basis', 'earmarks', 'funderCode', 'funderIsSignatory', 'label', 'programmeCode', 'year'],
    staff: ['jobCode', 'jobTitle', 'programmeCode', 'quantity', 'unit', 'year'],
    socialLifeFunds: ['carriedOverCents', 'envelopeCents', 'programmeCode', 'usedCents', 'year'],
    operatingResults: ['allocation', 'expensesCents', 'incomeCents', 'programmeCode', 'resultCents', 'year'],
  } as const;
  const LINE_KEYS = ['accountCode', 'amountCents', 'funderCode', 'groupCode', 'label', 'segurCents', 'side'];

  const ENUMS: Record<string, readonly (string | null)[]> = {
    kind: ['follow_up', 'co_evaluation'],
    ageBand: ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
    householdSituation: ['personne_seule', 'couple_sans_enfant', 'famille_monoparentale', 'couple_avec_enfants'],
    referrer: ['ccas_dijon', 'ccas_chenove', 'siao', 'conseil_departemental', 'bailleur_social', 'secteur_psychiatrique', 'autre'],
    referralDecision: ['accord', 'accord_waiting_list'],
    decision: ['accord', 'accord_waiting_list', 'adjournment', 'rejection'],
    handover: [
      null,
      'droit_commun_ccas',
      'service_social_departemental',
      'soins_cmp',
      'samsah_savs',
      'logement_accompagne',
      'autre_dispositif',
      'sans_relais',
      'perdu_de_vue',
    ],
    commune: ['Dijon', 'Chenôve', 'Talant', 'Quetigny', 'Longvic', 'Autre commune de la Métropole'],
    programmeCode: PROGRAMMES_2022.map((p) => p.programmeCode),
  };

  it('every row has exactly the documented keys', () => {
    const d = dataset(2022);
    expect(Object.keys(d).sort()).toEqual(Object.keys(KEYS).sort());
    for (const [collection, keys] of Object.entries(KEYS)) {
      const rows = d[collection as keyof DemoDataset] as readonly object[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...keys]);
    }
    for (const b of d.budgets) for (const l of b.lines) expect(Object.keys(l).sort()).toEqual(LINE_KEYS);
    for (const f of d.fundings) for (const e of f.earmarks) expect(Object.keys(e).sort()).toEqual(['amountCents', 'kind', 'label']);
  });

  it('participants are only pseudonymous keys: no name, birth date or social-security number', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const d = dataset(seed);
        const keys = new Set<string>();
        const bad: unknown[] = [];
        const check = (ok: boolean, what: unknown) => {
          if (!ok) bad.push(what);
        };
        const HEX64 = /^[0-9a-f]{64}$/;
        const DATE = /^\d{4}-\d{2}-\d{2}$/;
        const fields = ['kind', 'ageBand', 'householdSituation', 'referrer', 'referralDecision', 'handover', 'commune', 'programmeCode'] as const;
        const allowed = Object.fromEntries(Object.entries(ENUMS).map(([k, v]) => [k, new Set(v)]));
        for (const e of d.episodes) {
          keys.add(e.participantKey);
          check(HEX64.test(e.participantKey), e);
          check(DATE.test(e.entryDate) && (e.exitDate === null || DATE.test(e.exitDate)), e);
          for (const field of fields) check(allowed[field]?.has(e[field]) === true, [field, e]);
          check(typeof e.leaseTransfer === 'boolean', e);
        }
        for (const r of d.referrals) {
          check(HEX64.test(r.participantKey) && DATE.test(r.decisionDate), r);
          check(allowed['decision']?.has(r.decision) === true && allowed['referrer']?.has(r.referrer) === true, r);
          check(typeof r.viaSiao === 'boolean', r);
        }
        expect(bad).toEqual([]);
        expect(keys.size).toBe(d.episodes.length); // one episode per participant and programme
        // Nothing that looks like a French social-security number (13 or 15 digits), an e-mail or a phone number.
        const text = JSON.stringify({ episodes: d.episodes, referrals: d.referrals, monthlyActivity: d.monthlyActivity });
        expect(text).not.toMatch(/(?<![0-9a-f])[12]\d{12}(\d{2})?(?![0-9a-f])/);
        expect(text).not.toMatch(/@|\+33|\b0[1-9](\s?\d{2}){4}\b/);
        expect(text).not.toMatch(/"(name|firstName|lastName|nom|prenom|birth\w*|dateOfBirth|nir|ssn|address)"/i);
      }),
      RUNS,
    );
  });
});

describe('generateDemoData — options', () => {
  it('scale multiplies the capacities and the volumes', () => {
    const d = generateDemoData(PROGRAMMES_2022, options(3, { scale: 3 }));
    expect(d.capacities.find((c) => c.programmeCode === 'emas' && c.kind === 'co_evaluation')?.places).toBe(15);
    expect(d.capacities.find((c) => c.programmeCode === 'emas' && c.kind === 'follow_up')?.places).toBe(105);
    for (const row of d.capacities) {
      const episodes = byProgramme(d.episodes, row.programmeCode).filter((e) => e.kind === row.kind);
      expect(maxDailyCaseload(episodes, '2020-01-01', AS_OF)).toBeLessThanOrEqual(row.places);
    }
    const followed = new Set(overlapping(byProgramme(d.episodes, 'acor-dijon-metropole'), '2022-01-01', '2022-12-31').map((e) => e.participantKey));
    expect(followed.size).toBeGreaterThan(660 * 0.85);
    expect(followed.size).toBeLessThan(660 * 1.15);
    expect(d.budgets).toEqual(dataset(3).budgets); // money is not scaled
  });

  it('generates 4 years for the 3 programmes well under a second', () => {
    generateDemoData(PROGRAMMES_2022, options(100)); // warm-up
    const start = performance.now();
    generateDemoData(PROGRAMMES_2022, options(101));
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('rejects invalid options and inputs with French messages', () => {
    expect(() => generateDemoData(PROGRAMMES_2022, options(1.5))).toThrow(/graine/);
    expect(() => generateDemoData(PROGRAMMES_2022, options(1, { asOf: '2023-02-30' }))).toThrow(/Date inexistante/);
    expect(() => generateDemoData(PROGRAMMES_2022, options(1, { asOf: '2019-12-31' }))).toThrow(/précède/);
    expect(() => generateDemoData(PROGRAMMES_2022, options(1, { years: [] }))).toThrow(/année/);
    expect(() => generateDemoData(PROGRAMMES_2022, options(1, { scale: 0 }))).toThrow(/échelle/);
    expect(() => generateDemoData([emas, emas], options(1))).toThrow(/double/);
    expect(() => generateDemoData([{ ...emas, capacity: { activeCaseload: 40, coEvaluations: 40 } }], options(1))).toThrow(/coEvaluations/);
    expect(() => generateDemoData([{ ...acorDijonMetropole, capacity: { followUpsPerYear: -3 } }], options(1))).toThrow(/positif/);
  });

  it('works with an empty programme list and with missing capacities (defaults)', () => {
    expect(generateDemoData([], options(1)).episodes).toEqual([]);
    const defaults = generateDemoData([{ ...acorDijonMetropole, capacity: {} }, { ...emas, capacity: {} }], options(1));
    const explicit = generateDemoData([acorDijonMetropole, emas], options(1));
    expect(defaults).toEqual(explicit);
    expect(explicit.capacities.map((c) => c.places)).toEqual([explicit.capacities[0]?.places, 35, 5]);
    expect(byProgramme(generateDemoData([acorCentreVille], options(1)).capacities, 'acor-centre-ville')[0]?.places).toBe(45);
  });
});
