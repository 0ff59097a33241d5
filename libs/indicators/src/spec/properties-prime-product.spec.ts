import fc from 'fast-check';
import { bigCompare, bigFraction, bigMul, bigToNumber, toFraction, type BigFraction } from '../lib/fraction';
import { PrimeProduct } from '../lib/prime-product';

// The reference: the same product carried as a reduced BigInt fraction (how Kaplan–Meier was computed before).
function reference(factors: readonly [number, number][]): BigFraction {
  return factors.reduce((acc, [n, d]) => bigMul(acc, bigFraction(n, d)), bigFraction(1));
}

/** The same product as a PrimeProduct. */
function productOf(factors: readonly [number, number][]): PrimeProduct {
  const product = new PrimeProduct();
  for (const [n, d] of factors) product.multiply(n, d);
  return product;
}

// Ratios as Kaplan–Meier makes them: (at risk − exits) / at risk, at risk up to a département's episodes.
const ratio = fc.integer({ min: 1, max: 200_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
const factors = fc.array(ratio, { maxLength: 60 });

describe('property: PrimeProduct equals the reduced BigInt fraction of the same product', () => {
  it('gives the same reduced fraction whenever its terms are safe integers, and null otherwise', () => {
    fc.assert(
      fc.property(factors, (list) => {
        const product = productOf(list);
        const expected = toFraction(reference(list));
        expect(product.toFraction()).toEqual(expected);
      }),
    );
  });

  it('compares with p/q exactly, including products exactly equal to p/q', () => {
    const target = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(factors, target, fc.boolean(), (list, [p, q], appendExact) => {
        // half the time, finish the product so that it lands exactly on p/q (when it can)
        const all = [...list];
        const current = reference(all);
        if (appendExact && current.n > BigInt(0)) {
          const last = bigMul(bigFraction(p, q), { n: current.d, d: current.n });
          if (last.n <= last.d && last.d <= BigInt(Number.MAX_SAFE_INTEGER)) all.push([Number(last.n), Number(last.d)]);
        }
        const product = productOf(all);
        expect(product.atMost(p, q)).toBe(bigCompare(reference(all), bigFraction(p, q)) <= 0);
      }),
    );
  });

  it('gives a double within 1e-12 of the exact value', () => {
    fc.assert(
      fc.property(factors, (list) => {
        const product = productOf(list);
        const exact = bigToNumber(reference(list));
        expect(Math.abs(product.toNumber() - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exact)));
      }),
    );
  });

  it('refuses a zero denominator and negative or fractional terms', () => {
    expect(() => new PrimeProduct().multiply(1, 0)).toThrow('Facteur invalide');
    expect(() => new PrimeProduct().multiply(-1, 2)).toThrow('Facteur invalide');
    expect(() => new PrimeProduct().multiply(1.5, 2)).toThrow('Facteur invalide');
  });
});
