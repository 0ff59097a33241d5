import { formatIndicatorValue } from '../index';

describe('formatIndicatorValue (display only)', () => {
  it('formats each unit in French', () => {
    expect(formatIndicatorValue(48917400, 'eur')).toBe('489\u00a0174\u00a0€');
    expect(formatIndicatorValue(4622825 / 13, 'eur_per_person')).toBe('3\u00a0556\u00a0€ par personne');
    expect(formatIndicatorValue(489174 / 679241, 'ratio')).toBe('72,0\u00a0%');
    expect(formatIndicatorValue(9587 / 235000, 'rate')).toBe('+4,1\u00a0%');
    expect(formatIndicatorValue(0.012, 'points')).toBe('+1,2\u00a0pt');
    expect(formatIndicatorValue(3.08, 'fte')).toBe('3,08\u00a0ETP');
    expect(formatIndicatorValue(63, 'count')).toBe('63');
    expect(formatIndicatorValue(1790 / 7, 'days')).toBe('255,7\u00a0jours');
    expect(formatIndicatorValue(30, 'count_per_day')).toBe('30,0 par jour');
    expect(formatIndicatorValue(0, 'pass_fail')).toBe('non conforme');
    expect(formatIndicatorValue(null, 'ratio')).toBe('non disponible');
  });
});
