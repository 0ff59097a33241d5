/**
 * Exact rational numbers. Ratios are carried as fractions of integers and only
 * turned into floating-point numbers for display (never rounded inside formulas).
 * Arithmetic is done with BigInt so intermediate products never lose precision;
 * a result is exposed as a `Fraction` only when both terms are safe integers.
 */
export interface Fraction {
  /** Safe integer, may be negative. */
  readonly numerator: number;
  /** Safe integer, always > 0. The fraction is always reduced. */
  readonly denominator: number;
}

/** Exact rational with BigInt terms, for intermediate computations. */
export interface BigFraction {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} doit être un entier exact (reçu : ${String(value)}).`);
  }
}

/** Builds a reduced BigFraction; throws on a zero denominator. */
export function bigFraction(n: bigint | number, d: bigint | number = 1): BigFraction {
  if (typeof n === 'number') assertSafeInteger(n, 'Le numérateur');
  if (typeof d === 'number') assertSafeInteger(d, 'Le dénominateur');
  let bn = BigInt(n);
  let bd = BigInt(d);
  if (bd === ZERO) {
    throw new RangeError('Dénominateur nul : fraction non définie.');
  }
  if (bd < ZERO) {
    bn = -bn;
    bd = -bd;
  }
  const g = gcd(bn, bd);
  return g > ONE ? { n: bn / g, d: bd / g } : { n: bn, d: bd };
}

export function bigAdd(a: BigFraction, b: BigFraction): BigFraction {
  return bigFraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function bigSub(a: BigFraction, b: BigFraction): BigFraction {
  return bigFraction(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function bigMul(a: BigFraction, b: BigFraction): BigFraction {
  return bigFraction(a.n * b.n, a.d * b.d);
}

/** Compares a and b exactly: -1, 0 or 1. */
export function bigCompare(a: BigFraction, b: BigFraction): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Nearest double of an exact fraction (display and charts only). */
export function bigToNumber(f: BigFraction): number {
  const n = Number(f.n);
  const d = Number(f.d);
  if (Number.isFinite(n) && Number.isFinite(d)) {
    return n / d;
  }
  // Terms too large for doubles: scale down keeping 18 significant digits.
  const scale = BigInt('1000000000000000000');
  return Number((f.n * scale) / f.d) / 1e18;
}

/** Exposes a BigFraction as a `Fraction` if both terms are safe integers, else null. */
export function toFraction(f: BigFraction): Fraction | null {
  const n = Number(f.n);
  const d = Number(f.d);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    return null;
  }
  return { numerator: n, denominator: d };
}

/** Reduced fraction numerator/denominator (safe integers, denominator ≠ 0). */
export function fraction(numerator: number, denominator: number): Fraction {
  const result = toFraction(bigFraction(numerator, denominator));
  if (result === null) {
    throw new RangeError('Fraction hors de la plage des entiers exacts.');
  }
  return result;
}

export function fromFraction(f: Fraction): BigFraction {
  return bigFraction(f.numerator, f.denominator);
}

export function fractionToNumber(f: Fraction): number {
  return f.numerator / f.denominator;
}

/** Exact sum of fractions (null if the reduced result is not representable safely). */
export function addFractions(values: readonly Fraction[]): Fraction | null {
  let total = bigFraction(0);
  for (const value of values) {
    total = bigAdd(total, fromFraction(value));
  }
  return toFraction(total);
}

export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  return bigCompare(fromFraction(a), fromFraction(b));
}

export function fractionsEqual(a: Fraction, b: Fraction): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator;
}

/**
 * Exact fraction of a finite decimal number written in plain notation
 * (thresholds such as 0.05 or 0.045): `0.045` → 45/1000 reduced to 9/200.
 */
export function decimalToBigFraction(value: number): BigFraction {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Valeur non finie : ${String(value)}.`);
  }
  const text = value.toString();
  if (/e/i.test(text)) {
    // Exponent notation: fall back to a 12-decimal approximation (thresholds only).
    return bigFraction(Math.round(value * 1e12), 1e12);
  }
  const negative = text.startsWith('-');
  const [intPart = '0', decPart = ''] = text.replace('-', '').split('.');
  const n = BigInt(`${intPart}${decPart}`);
  let d = ONE;
  for (let i = 0; i < decPart.length; i += 1) {
    d *= BigInt(10);
  }
  return bigFraction(negative ? -n : n, d);
}
