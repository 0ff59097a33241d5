import { formatMonth } from '../index';

describe('formatMonth: a month YYYY-MM in French', () => {
  it('writes the month name and the year, in lower case as French does', () => {
    expect(formatMonth('2022-01')).toBe('janvier 2022');
    expect(formatMonth('2022-08')).toBe('août 2022');
    expect(formatMonth('2023-12')).toBe('décembre 2023');
  });

  it('abbreviates for chart axes', () => {
    expect(formatMonth('2022-02', { short: true })).toBe('févr.');
    expect(formatMonth('2022-05', { short: true })).toBe('mai');
  });

  it('refuses what is not a month, with a French message', () => {
    expect(() => formatMonth('2022-13')).toThrow('Mois invalide : « 2022-13 » (attendu AAAA-MM).');
    expect(() => formatMonth('2022-3')).toThrow(RangeError);
  });
});
