import fc from 'fast-check';
import { civilDate, dayNumber, easterSunday, isoDate, lastTuesdayOfMonth, parseIsoDate, publicHolidays, weekday } from './calendar';

describe('calendar', () => {
  it('day numbers round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (n) => {
        const { year, month, day } = civilDate(n);
        expect(dayNumber(year, month, day)).toBe(n);
        expect(Date.UTC(year, month - 1, day) / 86_400_000).toBe(n);
        expect(parseIsoDate(isoDate(n))).toBe(n);
        expect(weekday(n)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
    expect(() => parseIsoDate('2023-02-29')).toThrow();
    expect(() => parseIsoDate('2023-2-01')).toThrow();
  });

  it('Easter, public holidays and the last Tuesday of the month', () => {
    expect(isoDate(easterSunday(2022))).toBe('2022-04-17');
    expect(isoDate(easterSunday(2023))).toBe('2023-04-09');
    expect(isoDate(easterSunday(2024))).toBe('2024-03-31');
    const holidays = [...publicHolidays(2023)].map(isoDate).sort();
    expect(holidays).toEqual([
      '2023-01-01',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-18',
      '2023-05-29',
      '2023-07-14',
      '2023-08-15',
      '2023-11-01',
      '2023-11-11',
      '2023-12-25',
    ]);
    expect(isoDate(lastTuesdayOfMonth(2022, 6, publicHolidays(2022)))).toBe('2022-06-28');
    // 25 December 2029 is the last Tuesday of the month and a holiday: the day before
    expect(isoDate(lastTuesdayOfMonth(2029, 12, publicHolidays(2029)))).toBe('2029-12-24');
  });
});
