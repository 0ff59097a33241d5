import { rangeArea } from '../lib/zip-guard';
import { groupOfAccount } from '../lib/datasets/reference-lists';
import { parseAmount, parseBoolean, parseDate, parseDecimal, parseIdentifier, parseInteger, parseMonth } from '../lib/values';
import type { RawValue } from '../lib/raw-table';

const s = (text: string): RawValue => ({ kind: 'string', text });
const n = (value: number): RawValue => ({ kind: 'number', value });
const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T | string => (r.ok ? r.value : `ERREUR: ${r.message}`);

describe('cell values: each accepted shape, and a French message for the rest', () => {
  it('dates: jj/mm/aaaa, ISO, Excel serials; impossible dates and 2-digit years refused', () => {
    expect(value(parseDate(s('15/03/2023')))).toBe('2023-03-15');
    expect(value(parseDate(s('5.3.2023')))).toBe('2023-03-05');
    expect(value(parseDate(s('2023-03-15')))).toBe('2023-03-15');
    expect(value(parseDate(n(45000)))).toBe('2023-03-15');
    expect(value(parseDate(s('29/02/2024')))).toBe('2024-02-29');
    expect(value(parseDate(s('29/02/2023')))).toMatch(/^ERREUR: Date inexistante/);
    expect(value(parseDate(s('15/03/23')))).toMatch(/^ERREUR: Année sur 2 chiffres/);
    expect(value(parseDate(s('mars')))).toMatch(/^ERREUR: Date invalide/);
    expect(value(parseDate(n(45000.5)))).toMatch(/^ERREUR/);
  });

  it('months: several forms, always the first day', () => {
    for (const text of ['03/2023', '3/2023', '2023-03', 'mars 2023', 'Mars 2023', '15/03/2023', '3']) {
      expect([text, value(parseMonth(s(text), 2023))]).toEqual([text, '2023-03-01']);
    }
    expect(value(parseMonth(s('févr. 2023'), 2023))).toBe('2023-02-01');
    expect(value(parseMonth(s('13/2023'), 2023))).toMatch(/^ERREUR/);
  });

  it('amounts through @sdat/format: integer cents, decimal comma, grouped thousands', () => {
    expect(value(parseAmount(s('1 234,56'), { allowNegative: false }))).toBe(123456);
    expect(value(parseAmount(s('1\u00a0234,5 €'), { allowNegative: false }))).toBe(123450);
    expect(value(parseAmount(n(0.1 + 0.2), { allowNegative: false }))).toMatch(/^ERREUR/);
    expect(value(parseAmount(n(4230.18), { allowNegative: false }))).toBe(423018);
    expect(value(parseAmount(s('-5'), { allowNegative: false }))).toBe('ERREUR: Le montant ne peut pas être négatif.');
    expect(value(parseAmount(s('-5'), { allowNegative: true }))).toBe(-500);
    expect(value(parseAmount(s('1.234'), { allowNegative: false }))).toMatch(/^ERREUR: Montant invalide/);
  });

  it('FTE and counts', () => {
    expect(value(parseDecimal(s('0,5'), 999))).toBe(0.5);
    expect(value(parseDecimal(n(0.35), 999))).toBe(0.35);
    expect(value(parseDecimal(s('0,333'), 999))).toMatch(/^ERREUR/);
    expect(value(parseInteger(s('1 240'), 1e7))).toBe(1240);
    expect(value(parseInteger(n(2.5), 1e7))).toMatch(/^ERREUR/);
    expect(value(parseInteger(s('-1'), 1e7))).toMatch(/^ERREUR/);
  });

  it('booleans', () => {
    expect([s('Oui'), s('non'), s('VRAI'), n(0), { kind: 'boolean', value: true } as RawValue].map((r) => value(parseBoolean(r)))).toEqual([true, false, true, false, true]);
    expect(value(parseBoolean(s('peut-être')))).toMatch(/^ERREUR: Valeur attendue : Oui ou Non/);
  });

  it('identifiers: NIR, e-mail and phone numbers refused, never quoted', () => {
    expect(value(parseIdentifier(s('DOS-2023-0042')))).toBe('DOS-2023-0042');
    for (const bad of ['185057800608436', '2 85 05 2A 006 084', 'jean@exemple.fr', '06 12 34 56 78']) {
      const r = value(parseIdentifier(s(bad)));
      expect(r).toMatch(/^ERREUR/);
      expect(r).not.toContain(bad);
    }
  });

  it('budget groups derive from the account code', () => {
    expect(['606120', '641100', '631100', '635130', '658600', '741000', '70'].map((a) => groupOfAccount(a)?.code)).toEqual([
      '60', '63/64', '63/64', '63', '65', '74', '70',
    ]);
  });

  it('range areas of the sheet guard', () => {
    expect(rangeArea('A2:C10')).toEqual({ rows: 9, columns: 3 });
    expect(rangeArea('$B$7')).toEqual({ rows: 1, columns: 1 });
    expect(rangeArea('A:D')).toEqual({ rows: 1_048_576, columns: 4 });
    expect(rangeArea('3:5')).toEqual({ rows: 3, columns: 16_384 });
  });
});
