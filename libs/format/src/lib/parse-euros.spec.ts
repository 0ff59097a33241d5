import { MoneyError, parseEurosToCents, ratio, sumCents } from './money';

describe('parseEurosToCents', () => {
  it.each([
    ['18 782', 1878200],
    ['3 960.00', 396000],
    ['1 234,56', 123456],
    ['18782', 1878200],
    ['0', 0],
    ['-0', 0],
    ['12,5', 1250],
    ['12.5', 1250],
    ['-12,50 €', -1250],
    ['22\u00a0651\u00a0€', 2265100],
    ['22\u202f651\u00a0€', 2265100],
    ['  679 241  ', 67924100],
    ['1 234 567,89', 123456789],
    ['+5', 500],
  ])('parses %j as %i cents', (input, expected) => {
    expect(parseEurosToCents(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '12a',
    '1.234',
    '1,234',
    '12,345',
    '1 23',
    '12 3456',
    '1 234.5.6',
    '1,234.56',
    '€',
    '--5',
    '5-',
    '1e3',
    'NaN',
    '12 €€',
    '99999999999999999999',
  ])('rejects %j with a French MoneyError', (input) => {
    expect(() => parseEurosToCents(input)).toThrow(MoneyError);
    expect(() => parseEurosToCents(input)).toThrow(/Montant/);
  });
});

describe('sumCents', () => {
  it('sums integer cents exactly', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([3977200, 3665400, 7435300, 0, 48917400, 3272800, 656000])).toBe(67924100);
  });
  it('throws if a non-integer sneaks in', () => {
    expect(() => sumCents([100, 0.1])).toThrow(/n° 2 doit être un nombre entier de centimes/);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });
});

describe('ratio', () => {
  it('divides cents, null on a zero denominator', () => {
    expect(ratio(48917400, 67924100)).toBe(489174 / 679241);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(1, 0)).toBeNull();
    expect(() => ratio(1.5, 2)).toThrow(MoneyError);
  });
});
