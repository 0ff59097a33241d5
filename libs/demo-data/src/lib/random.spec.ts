import fc from 'fast-check';
import { Rng, drawDays, exp, ln, powInt, streamSeed } from './random';

describe('random', () => {
  it('exp and ln (basic operations only) agree with Math to ~1e-14', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        expect(Math.abs(exp(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-14);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(ln(x) - Math.log(x))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(Math.log(x))));
      }),
    );
    expect(powInt(1.5, 3)).toBe(3.375);
    expect(powInt(2, -2)).toBe(0.25);
  });

  it('streams are reproducible and independent', () => {
    const a = Rng.stream(42, 'emas', 'simulation');
    const b = Rng.stream(42, 'emas', 'simulation');
    const draws = Array.from({ length: 20 }, () => a.int(0, 1_000_000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1_000_000))).toEqual(draws);
    expect(streamSeed(42, 'emas')).not.toBe(streamSeed(42, 'acor-centre-ville'));
    expect(streamSeed(42, 'emas')).not.toBe(streamSeed(43, 'emas'));
    // seeds beyond 32 bits still matter
    expect(streamSeed(2 ** 40, 'x')).not.toBe(streamSeed(0, 'x'));
  });

  it('uniform, normal, poisson and keys have the expected shape', () => {
    const rng = new Rng(1);
    let sum = 0;
    let sumSquares = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.05);
    for (const lambda of [0.4, 5, 80]) {
      let total = 0;
      for (let i = 0; i < 5000; i++) total += rng.poisson(lambda);
      expect(Math.abs(total / 5000 - lambda) / lambda).toBeLessThan(0.05);
    }
    expect(rng.hexKey()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('durations stay in their bounds with the expected mean', () => {
    const rng = new Rng(7);
    const model = { type: 'lognormal', meanDays: 240, sigma: 0.55, minDays: 30, maxDays: 1095 } as const;
    let total = 0;
    for (let i = 0; i < 5000; i++) {
      const d = drawDays(rng, model);
      expect(d >= 30 && d <= 1095 && Number.isInteger(d)).toBe(true);
      total += d;
    }
    expect(Math.abs(total / 5000 - 240)).toBeLessThan(12);
    for (let i = 0; i < 2000; i++) {
      const d = drawDays(rng, { type: 'bounded', minDays: 14, maxDays: 90 });
      expect(d >= 14 && d <= 90).toBe(true);
    }
  });
});
