import fc from 'fast-check';
import { addFractions, compareFractions, fraction, fractionToNumber } from '../index';

describe('exact fractions', () => {
  it('reduces and normalises the sign', () => {
    expect(fraction(48917400, 67924100)).toEqual({ numerator: 489174, denominator: 679241 });
    expect(fraction(3, -6)).toEqual({ numerator: -1, denominator: 2 });
    expect(() => fraction(1, 0)).toThrow(/Dénominateur nul/);
  });

  it('adds exactly: 1/10 + 2/10 = 3/10 (not 0.30000000000000004)', () => {
    expect(addFractions([fraction(1, 10), fraction(2, 10)])).toEqual({ numerator: 3, denominator: 10 });
  });

  it('comparison agrees with the real order', () => {
    const f = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }));
    fc.assert(
      fc.property(f, f, ([a, b], [c, d]) => {
        const expected = Math.sign(a * d - c * b);
        expect(compareFractions(fraction(a, b), fraction(c, d))).toBe(expected === 0 ? 0 : expected);
        expect(fractionToNumber(fraction(a, b))).toBeCloseTo(a / b, 12);
      }),
    );
  });
});
