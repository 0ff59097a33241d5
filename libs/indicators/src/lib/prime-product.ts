import type { Fraction } from './fraction';

const ZERO = BigInt(0);
const ONE = BigInt(1);

/** base^exponent in BigInt, by squaring (the ES2015 target has no BigInt `**`). */
function power(base: bigint, exponent: number): bigint {
  let result = ONE;
  let square = base;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result *= square;
    square *= square;
  }
  return result;
}

const LOG2 = new Map<number, number>();
const log2Of = (p: number): number => {
  let value = LOG2.get(p);
  if (value === undefined) {
    value = Math.log2(p);
    LOG2.set(p, value);
  }
  return value;
};

/** Prime factors of a positive safe integer, with multiplicity (trial division: the terms here are counts of episodes). */
function factorize(n: number, each: (prime: number) => void): void {
  let rest = n;
  while (rest % 2 === 0) {
    each(2);
    rest /= 2;
  }
  for (let d = 3; d * d <= rest; d += 2) {
    while (rest % d === 0) {
      each(d);
      rest /= d;
    }
  }
  if (rest > 1) each(rest);
}

/**
 * An exact product of ratios of positive integers (a₁/b₁ × a₂/b₂ × …) kept as the exponents of its
 * prime factors: always reduced, and each factor costs a factorisation of two small integers. The
 * Kaplan–Meier survival is such a product; carried as a BigInt fraction its terms grew to thousands of
 * digits for a programme of a few thousand episodes, and reducing them (gcd) took 2 of the 15 seconds
 * of a cold national comparison (docs/performance.md § 1-2).
 */
export class PrimeProduct {
  private readonly exponents = new Map<number, number>();
  /** log₂ of the numerator and of the denominator of the reduced fraction (approximate). */
  private numeratorBits = 0;
  private denominatorBits = 0;
  /** The product in floating point, factor by factor (display only). */
  private approx = 1;
  private zero = false;

  /** Multiplies by numerator/denominator (numerator ≥ 0, denominator > 0, safe integers). */
  multiply(numerator: number, denominator: number): void {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
      throw new RangeError(`Facteur invalide : ${numerator}/${denominator}.`);
    }
    if (numerator === 0) {
      this.zero = true;
      this.approx = 0;
      return;
    }
    this.approx *= numerator / denominator;
    factorize(numerator, (p) => this.shift(p, 1));
    factorize(denominator, (p) => this.shift(p, -1));
  }

  private shift(prime: number, by: 1 | -1): void {
    const before = this.exponents.get(prime) ?? 0;
    const after = before + by;
    if (after === 0) this.exponents.delete(prime);
    else this.exponents.set(prime, after);
    const bits = log2Of(prime);
    this.numeratorBits += (Math.max(after, 0) - Math.max(before, 0)) * bits;
    this.denominatorBits += (Math.max(-after, 0) - Math.max(-before, 0)) * bits;
  }

  /** The reduced numerator and denominator as BigInt (exact; for comparisons the floating point cannot settle). */
  private terms(): { n: bigint; d: bigint } {
    if (this.zero) return { n: ZERO, d: ONE };
    let n = ONE;
    let d = ONE;
    for (const [prime, exponent] of this.exponents) {
      const term = power(BigInt(prime), Math.abs(exponent));
      if (exponent > 0) n *= term;
      else d *= term;
    }
    return { n, d };
  }

  /** The reduced fraction when both its terms are safe integers, else null. */
  toFraction(): Fraction | null {
    if (this.zero) return { numerator: 0, denominator: 1 };
    if (this.numeratorBits > 60 || this.denominatorBits > 60) return null;
    const { n, d } = this.terms();
    const numerator = Number(n);
    const denominator = Number(d);
    return Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) ? { numerator, denominator } : null;
  }

  /** Nearest double: exact division when the terms are safe integers, else the running product. */
  toNumber(): number {
    const exact = this.toFraction();
    return exact ? exact.numerator / exact.denominator : this.approx;
  }

  /** Exactly: is the product ≤ p/q (p ≥ 0, q > 0 safe integers)? Floating point decides unless it is too close to tell. */
  atMost(p: number, q: number): boolean {
    if (this.zero) return true;
    if (p === 0) return false;
    const margin = this.numeratorBits - this.denominatorBits - (Math.log2(p) - Math.log2(q));
    if (margin < -1e-6) return true;
    if (margin > 1e-6) return false;
    const { n, d } = this.terms();
    return n * BigInt(q) <= BigInt(p) * d;
  }
}
