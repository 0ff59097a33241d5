import {
  applySmallCountSuppression,
  computeEntries,
  computeProfileSituation,
  type BreakdownItem,
  type IndicatorValue,
} from '../index';
import { year } from './fixtures/small-count-inputs';

const count = (key: string, value: number, children?: BreakdownItem[]): BreakdownItem => ({
  key,
  label: key,
  value,
  unit: 'count',
  ...(children ? { children } : {}),
});

/**
 * Situation of the people supported, split in two levels (as an export may show it):
 *   personne seule 30 = hommes 27 + femmes 3
 *   famille 8 = couple avec enfants 6 + parent isolé 2
 * Each parent is shown, so each small child takes its sibling along.
 */
describe('small counts – nested breakdown (children add up to their parent)', () => {
  const base = computeProfileSituation({
    ...year('acor-centre-ville'),
    items: [
      { key: 'alone', label: 'Personne seule', count: 30 },
      { key: 'family', label: 'Famille', count: 8 },
    ],
  });
  const [alone, family] = base.breakdown ?? [];
  if (alone === undefined || family === undefined) throw new Error('two situations expected');
  const nested: IndicatorValue = {
    ...base,
    breakdown: [
      { ...alone, children: [count('men', 27), count('women', 3)] },
      { ...family, children: [count('couple', 6), count('single_parent', 2)] },
    ],
  };

  it('masks each small child and its sibling, keeps the parents', () => {
    const [out] = applySmallCountSuppression([nested], { threshold: 5 });
    expect(out?.value).toBe(38);
    expect(out?.breakdown?.map((b) => b.value)).toEqual([30, 8]);
    expect(out?.breakdown?.[0]?.children?.map((c) => c.value)).toEqual([null, null]);
    expect(out?.breakdown?.[1]?.children?.map((c) => c.value)).toEqual([null, null]);
    expect(out?.breakdown?.[1]?.children?.[1]?.suppressed?.reason).toBe('small_count');
    expect(out?.breakdown?.[1]?.children?.[0]?.suppressed?.reason).toBe('complementary');
  });

  it('a small parent: its children are small too, and a sibling of the parent is masked', () => {
    const small: IndicatorValue = {
      ...nested,
      value: 34,
      breakdown: [
        { ...alone, share: undefined, children: [count('men', 27), count('women', 3)] },
        { ...family, value: 4, share: undefined, children: [count('couple', 3), count('single_parent', 1)] },
      ],
    };
    const [out] = applySmallCountSuppression([small], { threshold: 5 });
    expect(out?.breakdown?.map((b) => b.value)).toEqual([null, null]);
    expect(out?.breakdown?.[1]?.children?.map((c) => c.value)).toEqual([null, null]);
    // personne seule (30) is the complement of famille (4); under it, hommes 27 stays: a reader
    // gets seule + famille = 34 and seule = 27 + femmes, so femmes + famille = 7 — each 3 or 4
    expect(out?.breakdown?.[0]?.suppressed?.reason).toBe('complementary');
    expect(out?.breakdown?.[0]?.children?.map((c) => c.value)).toEqual([27, null]);
  });
});

describe('small counts – figures the policy does not describe are treated as people (fail closed)', () => {
  it('per-year details of a count (multi-year series)', () => {
    const entries = computeEntries({ ...year('emas'), presentAtStart: 30, entries: 40, exits: 35 });
    const series: IndicatorValue = {
      ...entries,
      details: [count('2020', 31), count('2021', 3), count('2022', 40)],
    };
    const [out] = applySmallCountSuppression([series], { threshold: 5 });
    expect(out?.value).toBe(40);
    expect(out?.details?.map((d) => d.value)).toEqual([31, null, 40]);
    expect(out?.details?.[1]?.suppressed?.reason).toBe('small_count');
    expect(out?.provenance.formulaText).toMatch(/^Détail masqué/);
  });
});
