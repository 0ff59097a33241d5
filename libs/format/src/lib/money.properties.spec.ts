import fc from 'fast-check';
import { formatEuros } from './format';
import { parseEurosToCents, sumCents } from './money';

const MAX = 10_000_000_000_00; // 10 billion euros in cents, well inside the safe range
const wholeEurosInCents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((e) => e * 100);
const cents = fc.integer({ min: -MAX, max: MAX });

describe('money properties', () => {
  it('parse(format(x)) === x for whole euros', () => {
    fc.assert(
      fc.property(wholeEurosInCents, (value) => {
        expect(parseEurosToCents(formatEuros(value))).toBe(value);
      }),
    );
  });

  it('parse(format(x, 2 decimals)) === x for any cents', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(parseEurosToCents(formatEuros(value, { decimals: 2 }))).toBe(value);
      }),
    );
  });

  it('formatted amounts never contain U+202F', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(formatEuros(value)).not.toContain('\u202f');
      }),
    );
  });

  it('sumCents is commutative', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (values) => {
        const reversed = [...values].reverse();
        expect(sumCents(reversed)).toBe(sumCents(values));
      }),
    );
  });

  it('sumCents is associative', () => {
    fc.assert(
      fc.property(fc.array(cents), fc.array(cents), fc.array(cents), (a, b, c) => {
        const left = sumCents([sumCents([...a, ...b]), sumCents(c)]);
        const right = sumCents([sumCents(a), sumCents([...b, ...c])]);
        expect(left).toBe(right);
        expect(left).toBe(sumCents([...a, ...b, ...c]));
      }),
    );
  });
});
