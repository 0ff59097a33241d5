import fc from 'fast-check';
import { referenceData } from './data';
import { addDays, addMonths, daysInMonth, lastWeekdayOfMonth, parseIsoDate, toIsoDate } from './dates';
import { formatCents, parsePrintedAmount } from './money';
import { expandObligations, occurrenceDate } from './obligations';
import type { AgreementCode } from './types';

const { obligationRules: rules, agreements } = referenceData;

/** A date between 2010-01-01 and 2035-12-31. */
const isoDate = fc
  .record({ year: fc.integer({ min: 2010, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => toIsoDate(year, month, Math.min(day, daysInMonth(year, month))));

const range = fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const extension = fc.subarray(agreements.map((a) => a.code as AgreementCode));

describe('expandObligations – properties', () => {
  it('output is sorted, inside [from, to], with unique ids, and deterministic', () => {
    fc.assert(
      fc.property(range, extension, ({ from, to }, extendAgreements) => {
        const out = expandObligations(rules, agreements, { from, to, extendAgreements });
        const dates = out.map(occurrenceDate);
        const sorted = dates.every((d, i) => i === 0 || (dates[i - 1] ?? '') <= d);
        const inside = dates.every((d) => d >= from && d <= to);
        const unique = new Set(out.map((o) => o.id)).size === out.length;
        expect({ sorted, inside, unique }).toEqual({ sorted: true, inside: true, unique: true });
        expect(expandObligations(rules, agreements, { from, to, extendAgreements })).toEqual(out);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('is additive: expanding [a, b] then [b+1, c] gives the same as [a, c]', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, extension, (x, y, z, extendAgreements) => {
        const [a, b, c] = [x, y, z].sort() as [string, string, string];
        const whole = expandObligations(rules, agreements, { from: a, to: c, extendAgreements });
        const left = expandObligations(rules, agreements, { from: a, to: b, extendAgreements });
        const right = expandObligations(rules, agreements, { from: addDays(b, 1), to: c, extendAgreements });
        expect([...left, ...right].map((o) => o.id)).toEqual(whole.map((o) => o.id));
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it('never leaves the printed validity unless the agreement is extended', () => {
    fc.assert(
      fc.property(range, ({ from, to }) => {
        const out = expandObligations(rules, agreements, { from, to });
        const bad = out.filter((o) => {
          const a = agreements.find((x) => x.code === o.agreementCode);
          return o.beyondPrintedValidity || !a || o.windowStart < a.startDate;
        });
        expect(bad).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('yearly rules fall on their printed day, in year N + offset', () => {
    fc.assert(
      fc.property(range, ({ from, to }) => {
        const out = expandObligations(rules, agreements, { from, to, extendAgreements: ['convention-cadre-sdat-2022'] });
        const bad = out.filter((o) => {
          const rule = rules.find((r) => r.id === o.ruleId);
          if (rule?.rule.type !== 'yearly' || o.dueDate === null) return false;
          const due = parseIsoDate(o.dueDate);
          return due.year !== o.periodYear + rule.rule.yearOffset || due.month !== rule.rule.month || due.day !== rule.rule.day;
        });
        expect(bad).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('date helpers – properties', () => {
  it('lastWeekdayOfMonth is that weekday, within the last 7 days of the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), (y, m, wd) => {
        const iso = lastWeekdayOfMonth(y, m, wd);
        const { day } = parseIsoDate(iso);
        expect(new Date(`${iso}T00:00:00Z`).getUTCDay()).toBe(wd);
        expect(daysInMonth(y, m) - day).toBeLessThan(7);
      }),
    );
  });

  it('addMonths moves by whole months and clamps the day', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const a = parseIsoDate(d);
        const b = parseIsoDate(addMonths(d, n));
        expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(n);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });

  it('addDays(d, n) then addDays(−n) returns d', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });
});

describe('money – properties', () => {
  it('parsePrintedAmount(formatCents(c)) === c for any non-negative integer amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (c) => {
        expect(parsePrintedAmount(formatCents(c))).toBe(c);
      }),
    );
  });
});
