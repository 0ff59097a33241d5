import { describe, expect, it } from 'vitest';
import { formatMeasure } from './measure';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMeasure: one fr-FR text per unit', () => {
  it.each([
    [2265100, 'eur', '22 651 €'],
    [170149, 'eur_per_person', '1 701 € par personne'],
    [0.72, 'ratio', '72,0 %'],
    [0.032, 'rate', '+3,2 %'],
    [10.3, 'fte', '10,30 ETP'],
    [121, 'count', '121'],
    [128.44, 'days', '128,4 jours'],
    [74.5, 'count_per_day', '74,5 par jour'],
    [1, 'pass_fail', 'Conforme'],
    [0, 'pass_fail', 'Non conforme'],
  ] as const)('%s in %s reads « %s »', (value, unit, expected) => {
    expect(plain(formatMeasure(value, unit))).toBe(expected);
  });
});
