import {
  applySmallCountSuppression,
  computeMonthlyCaseload,
  computeProgrammeIndicators,
  monthlyItemKey,
  type EpisodeAggregates,
  type MonthlyFlow,
} from '../index';

/**
 * EMAS 2022 (made-up figures worked by hand): 35 present on 1 January; entries and exits per month;
 * month-end caseload written out by hand from 35 + entries − exits, month after month.
 */
const ENTRIES = [3, 2, 4, 1, 0, 3, 2, 1, 4, 3, 2, 3]; // Σ 28
const EXITS = [2, 1, 3, 2, 1, 2, 4, 0, 3, 2, 3, 2]; // Σ 25
const MONTH_END = [36, 37, 38, 37, 36, 37, 35, 36, 37, 38, 37, 38];

const byMonth: MonthlyFlow[] = MONTH_END.map((presentAtEnd, i) => ({
  month: `2022-${String(i + 1).padStart(2, '0')}`,
  entries: ENTRIES[i] ?? 0,
  exits: EXITS[i] ?? 0,
  presentAtEnd,
}));

const ep: EpisodeAggregates = {
  programmeCode: 'emas',
  periodStart: '2022-01-01',
  periodEnd: '2022-12-31',
  presentAtStart: 35,
  entries: 28,
  exits: 25,
  presentAtEnd: 38,
  byMonth,
};

const detail = (value: ReturnType<typeof computeMonthlyCaseload>, key: string) => value?.details?.find((d) => d.key === key);

describe('monthly caseload (entries, exits and caseload at each month end)', () => {
  it('gives three counts per month, in calendar order, and the last month-end as the value', () => {
    const value = computeMonthlyCaseload(ep);
    expect(value?.code).toBe('monthly_caseload');
    expect(value?.value).toBe(38);
    expect(value?.details).toHaveLength(36);
    expect(value?.details?.slice(0, 3).map((d) => [d.key, d.label, d.value, d.attributes])).toEqual([
      ['2022-01:entries', 'Entrées — janvier 2022', 3, { month: '2022-01', measure: 'entries' }],
      ['2022-01:exits', 'Sorties — janvier 2022', 2, { month: '2022-01', measure: 'exits' }],
      ['2022-01:at_end', 'File active en fin de mois — janvier 2022', 36, { month: '2022-01', measure: 'at_end' }],
    ]);
    expect(detail(value, monthlyItemKey('2022-08', 'at_end'))?.value).toBe(36);
    expect(value?.flags).toEqual([]);
    expect(value?.provenance.formulaText).toBe(
      'File active fin décembre 2022 = 38 (chaque mois : file active du mois précédent + entrées − sorties)',
    );
  });

  it('keeps inconsistent months as given and says where they break', () => {
    const broken = byMonth.map((m) => (m.month === '2022-03' ? { ...m, presentAtEnd: 40 } : m));
    const value = computeMonthlyCaseload({ ...ep, byMonth: broken });
    expect(detail(value, '2022-03:at_end')?.value).toBe(40);
    expect(value?.flags.map((f) => f.message)).toEqual([
      'File active de fin de mois incohérente avec les entrées et sorties du mois — mars 2022 : 40 au lieu de 37 (fin février 2022) + 4 − 3 = 38 ; avril 2022 : 37 au lieu de 40 (fin mars 2022) + 1 − 2 = 39.',
    ]);
    const short = computeMonthlyCaseload({ ...ep, entries: 30 });
    expect(short?.flags.map((f) => f.message)).toEqual(['Les entrées des mois (28) ne correspondent pas au total de la période (30).']);
  });

  it('is « no data » without monthly flows, and « inconsistent » with months out of order or outside the year', () => {
    const withoutMonths = computeProgrammeIndicators({ programmeCode: 'emas', year: 2022, basis: 'actual', episodes: { ...ep, byMonth: undefined } });
    const none = withoutMonths.find((v) => v.code === 'monthly_caseload');
    expect([none?.value, none?.flags.map((f) => f.code)]).toEqual([null, ['no_data']]);
    const swapped = [byMonth[1], byMonth[0], ...byMonth.slice(2)] as MonthlyFlow[];
    const disordered = computeProgrammeIndicators({ programmeCode: 'emas', year: 2022, basis: 'actual', episodes: { ...ep, byMonth: swapped } });
    const bad = disordered.find((v) => v.code === 'monthly_caseload');
    expect(bad?.value).toBeNull();
    expect(bad?.reason).toContain("File active par mois : les mois doivent être distincts et dans l'ordre (« 2022-01 » après « 2022-02 »).");
    expect(() => computeMonthlyCaseload({ ...ep, byMonth: [{ month: '2023-01', entries: 0, exits: 0, presentAtEnd: 35 }] })).toThrow(
      'File active par mois : le mois « 2023-01 » est hors de la période du 01/01/2022 au 31/12/2022.',
    );
  });

  it('masks a small month for a funder so that it cannot be recovered from the yearly totals or the month-ends', () => {
    const values = computeProgrammeIndicators({ programmeCode: 'emas', year: 2022, basis: 'actual', episodes: ep });
    const masked = applySmallCountSuppression(values, { threshold: 5 });
    const monthly = masked.find((v) => v.code === 'monthly_caseload');
    // every monthly entry and exit above is 0 … 4: the non-zero ones are « < 5 »
    const entries = (monthly?.details ?? []).filter((d) => d.attributes?.['measure'] === 'entries');
    expect(entries.filter((d) => d.value !== null).map((d) => d.value)).toEqual([0]);
    expect(entries.filter((d) => d.suppressed?.reason === 'small_count')).toHaveLength(11);
    // the month-end caseloads (≥ 35) stay visible unless one is needed as a complement
    const ends = (monthly?.details ?? []).filter((d) => d.attributes?.['measure'] === 'at_end');
    for (const end of ends) expect(end.value === null ? end.suppressed?.reason : end.value).not.toBeUndefined();
    // one of two neighbouring month-ends is not enough to get a month's entries back: the exits are masked with them
    for (let i = 1; i < ends.length; i += 1) {
      const month = String(ends[i]?.attributes?.['month']);
      const item = (measure: string) => monthly?.details?.find((d) => d.key === `${month}:${measure}`);
      const unknown = [ends[i - 1], item('entries'), item('exits'), ends[i]].filter((d) => d?.value === null).length;
      expect(unknown).not.toBe(1);
    }
  });
});
