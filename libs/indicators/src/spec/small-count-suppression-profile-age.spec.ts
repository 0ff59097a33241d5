import { applySmallCountSuppression, computeProgrammeIndicators, formatIndicatorValue } from '../index';
import { byCode, emasActivity2022, input, item } from './fixtures/small-count-inputs';

/**
 * EMAS 2022, people supported by age band: 18-24 ans 2, 25-44 ans 14, 45-64 ans 16,
 * 65 ans et plus 6, non renseigné 0 → 38.
 * - 2 is a small count → « < 5 »;
 * - the total 38 is shown, so 2 = 38 − 14 − 16 − 6 − 0 would come back: the next smallest non-zero
 *   cell (65 ans et plus, 6) is masked too (complementary); 0 stays 0 (it discloses nobody).
 * A reader then knows 18-24 + 65+ = 8 with 18-24 in 1…4 and 65+ ≥ 5: 18-24 ∈ 1…3, not recoverable.
 */
describe('small counts – EMAS 2022 age profile', () => {
  const computed = computeProgrammeIndicators(emasActivity2022());
  const before = JSON.stringify(computed);
  const out = applySmallCountSuppression(computed, { threshold: 5 });
  const age = byCode(out).get('profile_age');

  it('masks the band of 2 people as « < 5 » and the next smallest band as a complement', () => {
    expect(age?.value).toBe(38);
    expect(age?.breakdown?.map((b) => b.value)).toEqual([null, 14, 16, null, 0]);
    expect(item(age, '18_24')?.suppressed).toEqual({ reason: 'small_count', threshold: 5, below: 5 });
    expect(item(age, '65_plus')?.suppressed).toEqual({ reason: 'complementary', threshold: 5 });
    expect(item(age, 'unknown')?.suppressed).toBeUndefined();
    expect(formatIndicatorValue(null, 'count', item(age, '18_24')?.suppressed)).toBe('< 5');
    expect(formatIndicatorValue(null, 'count', item(age, '65_plus')?.suppressed)).toBe('masqué');
  });

  it('leaves no trace of the masked numbers: shares, provenance inputs, formula text', () => {
    expect(item(age, '18_24')?.share).toBeUndefined();
    expect(item(age, '65_plus')?.share).toBeUndefined();
    // visible cells keep their exact share of the visible total
    expect(item(age, '25_44')?.share).toEqual({ numerator: 7, denominator: 19 });
    expect(input(age, '18_24')?.value).toBeNull();
    expect(input(age, '65_plus')?.value).toBeNull();
    expect(input(age, '25_44')?.value).toBe(14);
    expect(age?.provenance.formulaText).toBe('Détail masqué : effectifs inférieurs à 5 personnes (règle des petits effectifs).');
    expect(age?.flags.map((f) => f.code)).toEqual(['suppressed_small_count']);
    expect(JSON.stringify(age)).not.toMatch(/\b2 \+|\+ 6\b/);
  });

  it('does not touch its input and is idempotent', () => {
    expect(JSON.stringify(computed)).toBe(before);
    expect(applySmallCountSuppression(out, { threshold: 5 })).toEqual(out);
  });

  it('the threshold is set per agreement', () => {
    const at3 = byCode(applySmallCountSuppression(computed, { threshold: 3 })).get('profile_age');
    // 2 < 3 masked; complement = smallest other non-zero band (6)
    expect(at3?.breakdown?.map((b) => b.value)).toEqual([null, 14, 16, null, 0]);
    expect(item(at3, '18_24')?.suppressed?.below).toBe(3);
    expect(at3?.provenance.formulaText).toMatch(/inférieurs à 3 personnes/);
    const at10 = byCode(applySmallCountSuppression(computed, { threshold: 10 })).get('profile_age');
    // 2 and 6 are both small: two masked cells, 1…9 each, adding up to 8 — not recoverable
    expect(at10?.breakdown?.map((b) => b.value)).toEqual([null, 14, 16, null, 0]);
    expect(item(at10, '65_plus')?.suppressed?.reason).toBe('small_count');
    const off = applySmallCountSuppression(computed, { threshold: 1 });
    expect(off).toEqual(computed);
  });

  it('rejects a threshold that is not a whole number ≥ 1', () => {
    expect(() => applySmallCountSuppression(computed, { threshold: 0 })).toThrow(/entier supérieur ou égal à 1/);
    expect(() => applySmallCountSuppression(computed, { threshold: 4.5 })).toThrow(RangeError);
  });

  it('a profile without small counts is returned unchanged', () => {
    const situation = byCode(out).get('profile_situation');
    expect(situation).toEqual(byCode(computed).get('profile_situation'));
    expect(situation?.provenance.formulaText).toBe('Personne seule 30 + Famille 8 = 38');
  });
});
