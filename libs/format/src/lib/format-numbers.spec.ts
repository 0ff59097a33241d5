import {
  formatDate,
  formatDays,
  formatFte,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedPercent,
} from './format';
import { normaliseSpaces } from './spaces';

describe('formatNumber', () => {
  it('uses a comma and U+00A0 separators', () => {
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(1234.5, 1)).toBe('1\u00a0234,5');
    expect(formatNumber(-0.25, 2)).toBe('-0,25');
  });
  it('rejects NaN and Infinity', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/nombre fini/);
    expect(() => formatNumber(Infinity)).toThrow(/nombre fini/);
  });
});

describe('formatPercent', () => {
  it('formats a ratio with one decimal by default', () => {
    expect(formatPercent(0.72)).toBe('72,0\u00a0%');
    expect(formatPercent(489174 / 679241)).toBe('72,0\u00a0%');
    expect(formatPercent(37586 / 741284, 2)).toBe('5,07\u00a0%');
    expect(formatPercent(1)).toBe('100,0\u00a0%');
  });
  it('signed variant for growth rates', () => {
    expect(formatSignedPercent(0.032)).toBe('+3,2\u00a0%');
    expect(formatSignedPercent(-0.1)).toBe('-10,0\u00a0%');
    expect(formatSignedPercent(0)).toBe('0,0\u00a0%');
  });
});

describe('formatPoints', () => {
  it('formats a difference of ratios in percentage points', () => {
    expect(formatPoints(0.012)).toBe('+1,2\u00a0pt');
    expect(formatPoints(-0.003)).toBe('-0,3\u00a0pt');
    expect(formatPoints(0)).toBe('0,0\u00a0pt');
  });
});

describe('formatFte', () => {
  it('two decimals', () => {
    expect(formatFte(0.08)).toBe('0,08');
    expect(formatFte(9)).toBe('9,00');
    expect(formatFte(3.08)).toBe('3,08');
  });
});

describe('formatDays', () => {
  it('adds the French noun, singular below 2', () => {
    expect(formatDays(0)).toBe('0\u00a0jour');
    expect(formatDays(1)).toBe('1\u00a0jour');
    expect(formatDays(45)).toBe('45\u00a0jours');
    expect(formatDays(1234)).toBe('1\u00a0234\u00a0jours');
    expect(formatDays(1.5, 1)).toBe('1,5\u00a0jour');
    expect(formatDays(1.99)).toBe('2\u00a0jours');
  });
});

describe('formatDate', () => {
  it('formats ISO dates as dd/MM/yyyy', () => {
    expect(formatDate('2023-03-15')).toBe('15/03/2023');
    expect(formatDate('2022-12-31')).toBe('31/12/2022');
    expect(formatDate(new Date(2022, 0, 1))).toBe('01/01/2022');
  });
  it('rejects invalid dates with a French message', () => {
    expect(() => formatDate('2023-02-30')).toThrow(/Date invalide/);
    expect(() => formatDate('pas une date')).toThrow(/Date invalide/);
  });
});

describe('normaliseSpaces', () => {
  it('replaces U+202F and U+2009 by U+00A0 and U+2212 by "-"', () => {
    expect(normaliseSpaces('1\u202f234\u2009€ \u22125')).toBe('1\u00a0234\u00a0€ -5');
  });
});
