import { formatEuros, formatSignedEuros } from './format';

describe('formatEuros', () => {
  it('formats whole euros with U+00A0 thousands separators (never U+202F)', () => {
    expect(formatEuros(2265100)).toBe('22\u00a0651\u00a0€');
    expect(formatEuros(67924100)).toBe('679\u00a0241\u00a0€');
    expect(formatEuros(0)).toBe('0\u00a0€');
    expect(formatEuros(-1878200)).toBe('-18\u00a0782\u00a0€');
    expect(formatEuros(123456789012)).toBe('1\u00a0234\u00a0567\u00a0890\u00a0€');
    expect(formatEuros(67924100)).not.toContain('\u202f');
  });

  it('rounds cents half away from zero when decimals = 0', () => {
    expect(formatEuros(150)).toBe('2\u00a0€');
    expect(formatEuros(149)).toBe('1\u00a0€');
    expect(formatEuros(-150)).toBe('-2\u00a0€');
    expect(formatEuros(-49)).toBe('0\u00a0€');
  });

  it('shows cents when decimals = 2', () => {
    expect(formatEuros(396000, { decimals: 2 })).toBe('3\u00a0960,00\u00a0€');
    expect(formatEuros(123456, { decimals: 2 })).toBe('1\u00a0234,56\u00a0€');
    expect(formatEuros(1005, { decimals: 2 })).toBe('10,05\u00a0€');
  });

  it('rejects non-integer cents with a French message', () => {
    expect(() => formatEuros(12.5)).toThrow(/nombre entier de centimes/);
    expect(() => formatEuros(Number.NaN)).toThrow(/nombre entier de centimes/);
  });
});

describe('formatSignedEuros', () => {
  it('always shows the sign, except for zero', () => {
    expect(formatSignedEuros(123400)).toBe('+1\u00a0234\u00a0€');
    expect(formatSignedEuros(-123400)).toBe('-1\u00a0234\u00a0€');
    expect(formatSignedEuros(0)).toBe('0\u00a0€');
  });
});
