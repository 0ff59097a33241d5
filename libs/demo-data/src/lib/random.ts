import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * Random draws on top of pure-rand's xoroshiro128+ (the only source of randomness).
 *
 * Machine independence: only IEEE-754 basic operations (+ − × ÷ √), which are exactly rounded
 * everywhere, are used on floating-point numbers. `Math.exp` / `Math.log` / `Math.cos` are
 * implementation-defined in ECMAScript, so this module brings its own `exp` / `ln` built from basic
 * operations, and normal draws use the Irwin–Hall sum of 12 uniforms instead of Box–Muller.
 */

const TWO_POW_21 = 2097152;
const TWO_POW_53 = 9007199254740992;

/** 32-bit hash of a string (FNV-1a). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Avalanche of a 32-bit integer (murmur3 finaliser). */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 32-bit seed of an independent stream, from the user seed (any safe integer) and labels
 * (programme code, purpose, year…). Streams never share draws, so adding a programme or a year
 * does not change the others.
 */
export function streamSeed(seed: number, ...labels: (string | number)[]): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  let h = fmix32(low ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(high + 0x7f4a7c15, 0x27d4eb2f));
  for (const label of labels) {
    h = fmix32(h ^ hashString(String(label)) ^ 0x165667b1);
  }
  return h | 0;
}

const LN2 = 0.6931471805599453;

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

/** e^x from basic operations only (relative error ~1e-15 on the range used here). */
export function exp(x: number): number {
  if (x === 0) return 1;
  if (!Number.isFinite(x)) throw new RangeError(`exp(${x})`);
  if (x < -700) return 0;
  if (x > 700) throw new RangeError(`exp(${x}) overflows`);
  const k = Math.round(x / LN2);
  const r = x - k * LN2; // |r| ≤ ln2 / 2
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 22; n++) {
    term = (term * r) / n;
    sum += term;
  }
  let scale = 1;
  const factor = k >= 0 ? 2 : 0.5;
  for (let i = 0; i < Math.abs(k); i++) scale *= factor;
  return sum * scale;
}

/** Natural logarithm from basic operations only (x > 0). */
export function ln(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`ln(${x})`);
  let m = x;
  let k = 0;
  while (m > 1.4142135623730951) {
    m /= 2;
    k++;
  }
  while (m < 0.7071067811865476) {
    m *= 2;
    k--;
  }
  // ln(m) = 2 atanh(t), t = (m − 1)/(m + 1), |t| ≤ 0.172
  const t = (m - 1) / (m + 1);
  const t2 = t * t;
  let power = t;
  let sum = 0;
  for (let n = 1; n <= 41; n += 2) {
    sum += power / n;
    power *= t2;
  }
  return 2 * sum + k * LN2;
}

/** Integer power by repeated multiplication (n ≥ 0 or < 0). */
export function powInt(base: number, n: number): number {
  let result = 1;
  for (let i = 0; i < Math.abs(n); i++) result *= base;
  return n >= 0 ? result : 1 / result;
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A seeded stream of draws. Mutable: every call advances it. */
export class Rng {
  private readonly gen: RandomGenerator;

  constructor(seed32: number) {
    this.gen = xoroshiro128plus(seed32);
  }

  static stream(seed: number, ...labels: (string | number)[]): Rng {
    return new Rng(streamSeed(seed, ...labels));
  }

  /** Integer uniform in [min, max] (both included). */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.gen);
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.gen.unsafeNext() >>> 0;
    const low = this.gen.unsafeNext() >>> 11;
    return (high * TWO_POW_21 + low) / TWO_POW_53;
  }

  /** Uniform double in [a, b). */
  between(a: number, b: number): number {
    return a + (b - a) * this.uniform();
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Weighted choice; weights are non-negative integers (exact, no floating point). */
  pick<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.int(0, total - 1);
    for (const [value, w] of table) {
      if (r < w) return value;
      r -= w;
    }
    throw new Error('pick: empty table');
  }

  /** Approximately standard normal (Irwin–Hall, 12 uniforms): mean 0, variance 1, range ±6. */
  normal(): number {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += this.uniform();
    return sum - 6;
  }

  /** Poisson count of mean `lambda` (Knuth below 30, rounded normal above). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda >= 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    }
    const limit = exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** 64 lowercase hex characters (256 random bits). */
  hexKey(): string {
    // join() gives a flat string (a chain of += would leave a rope of 32 pieces per key).
    const parts = new Array<string>(32);
    for (let i = 0; i < 8; i++) {
      const v = this.gen.unsafeNext();
      parts[i * 4] = HEX[(v >>> 24) & 255] as string;
      parts[i * 4 + 1] = HEX[(v >>> 16) & 255] as string;
      parts[i * 4 + 2] = HEX[(v >>> 8) & 255] as string;
      parts[i * 4 + 3] = HEX[v & 255] as string;
    }
    return parts.join('');
  }
}

/** Log-normal duration model, truncated to [minDays, maxDays] by redrawing (then clamping). */
export interface LogNormalDays {
  type: 'lognormal';
  /** Mean of the untruncated distribution, in days. */
  meanDays: number;
  sigma: number;
  minDays: number;
  maxDays: number;
}

/** Durations in [minDays, maxDays], skewed towards the maximum (max of two uniforms). */
export interface BoundedDays {
  type: 'bounded';
  minDays: number;
  maxDays: number;
}

export type DurationModel = LogNormalDays | BoundedDays;

export function expectedDays(model: DurationModel): number {
  if (model.type === 'bounded') return model.minDays + ((model.maxDays - model.minDays) * 2) / 3;
  return model.meanDays;
}

export function drawDays(rng: Rng, model: DurationModel): number {
  if (model.type === 'bounded') {
    const u = Math.max(rng.uniform(), rng.uniform());
    return Math.min(model.maxDays, model.minDays + Math.floor(u * (model.maxDays - model.minDays + 1)));
  }
  const mu = ln(model.meanDays) - (model.sigma * model.sigma) / 2;
  for (let attempt = 0; attempt < 4; attempt++) {
    const days = Math.round(exp(mu + model.sigma * rng.normal()));
    if (days >= model.minDays && days <= model.maxDays) return days;
  }
  return Math.min(model.maxDays, Math.max(model.minDays, Math.round(exp(mu))));
}
