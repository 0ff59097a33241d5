import { acorCentreVille2020, acorCentreVille2021, acorCentreVille2022 } from '../test/indicator-fixtures';
import {
  findIndicator,
  formatIndicatorChange,
  formatIndicatorValue,
  indicatorInputValue,
  indicatorValueText,
  missingValue,
  statusLabel,
  valueKindOfUnit,
} from './indicator-values';

const NBSP = '\u00a0';

function indicator(year: typeof acorCentreVille2022, code: Parameters<typeof findIndicator>[1]) {
  const found = findIndicator(year.indicators, code);
  if (found === null) {
    throw new Error(`fixture sans ${code}`);
  }
  return found;
}

describe('formatIndicatorValue', () => {
  it('formats each unit in fr-FR', () => {
    expect(formatIndicatorValue(49489400, 'eur')).toBe(`494${NBSP}894${NBSP}€`);
    expect(formatIndicatorValue(0.7206529494852416, 'ratio')).toBe(`72,1${NBSP}%`);
    expect(formatIndicatorValue(0.1373108672071774, 'rate')).toBe(`+13,7${NBSP}%`);
    expect(formatIndicatorValue(0.012280478636924823, 'points')).toBe(`+1,2${NBSP}pt`);
    expect(formatIndicatorValue(10.3, 'fte')).toBe(`10,30${NBSP}ETP`);
    expect(formatIndicatorValue(121, 'count')).toBe('121');
    expect(formatIndicatorValue(22708, 'count')).toBe(`22${NBSP}708`);
    expect(formatIndicatorValue(128.36363636363637, 'days')).toBe(`128,4${NBSP}jours`);
    expect(formatIndicatorValue(121, 'days')).toBe(`121${NBSP}jours`);
    expect(formatIndicatorValue(74.45245901639345, 'count_per_day')).toBe('74,5 par jour');
    expect(formatIndicatorValue(170087.3873873874, 'eur_per_person')).toBe(`1${NBSP}701${NBSP}€ par personne`);
    expect(formatIndicatorValue(1, 'pass_fail')).toBe('Conforme');
    expect(formatIndicatorValue(0, 'pass_fail')).toBe('Non conforme');
  });
});

describe('missingValue', () => {
  it('says « Pas de données » with the reason when an input is missing', () => {
    const growth = indicator(acorCentreVille2020, 'payroll_growth');
    expect(growth.value).toBeNull();
    expect(missingValue(growth)).toEqual({
      label: 'Pas de données',
      reason: 'Budget 2019 non fourni : évolution de la masse salariale non calculable.',
      text: 'Pas de données',
    });
    expect(indicatorValueText(growth)).toBe('Pas de données');
  });

  it('says « Non calculable : … » otherwise, never 0', () => {
    const ratio = { ...indicator(acorCentreVille2022, 'payroll_ratio'), value: null, flags: [], reason: 'Total des charges nul.' };
    expect(missingValue(ratio)?.text).toBe('Non calculable : Total des charges nul.');
    expect(indicatorValueText(ratio)).not.toMatch(/\b0\b/);
    expect(missingValue({ value: null, flags: [] })?.text).toBe('Non calculable');
  });

  it('is null when the value is known', () => {
    expect(missingValue(indicator(acorCentreVille2022, 'entries'))).toBeNull();
    expect(indicatorValueText(indicator(acorCentreVille2022, 'entries'))).toBe('121');
  });
});

describe('formatIndicatorChange', () => {
  it('gives money changes in euros and percent', () => {
    const now = indicator(acorCentreVille2022, 'payroll').value ?? 0;
    const before = indicator(acorCentreVille2021, 'payroll').value ?? 0;
    expect(formatIndicatorChange(now, before, 'eur')).toBe(`+59${NBSP}750${NBSP}€ (+13,7${NBSP}%)`);
    expect(formatIndicatorChange(100, 0, 'eur')).toBe(`+1${NBSP}€`);
  });

  it('gives ratio changes in points and counts with their sign', () => {
    const now = indicator(acorCentreVille2022, 'payroll_ratio').value ?? 0;
    const before = indicator(acorCentreVille2021, 'payroll_ratio').value ?? 0;
    expect(formatIndicatorChange(now, before, 'ratio')).toBe(`+1,2${NBSP}pt`);
    expect(formatIndicatorChange(121, 147, 'count')).toBe('-26');
    expect(formatIndicatorChange(147, 147, 'count')).toBe('0');
    expect(formatIndicatorChange(10.3, 10.26, 'fte')).toBe(`+0,04${NBSP}ETP`);
    expect(formatIndicatorChange(121, 111, 'days')).toBe(`+10${NBSP}jours`);
    expect(formatIndicatorChange(100.5, 101, 'days')).toBe(`-0,5${NBSP}jour`);
  });

  it('has no change for a verdict', () => {
    expect(formatIndicatorChange(1, 0, 'pass_fail')).toBeNull();
  });
});

describe('units', () => {
  it('map to chart value kinds; pass/fail is not drawn', () => {
    expect(valueKindOfUnit('eur')).toBe('euros');
    expect(valueKindOfUnit('eur_per_person')).toBe('euros');
    expect(valueKindOfUnit('rate')).toBe('ratio');
    expect(valueKindOfUnit('days')).toBe('days');
    expect(valueKindOfUnit('pass_fail')).toBeNull();
  });

  it('round a mean per person to the cent, keep null as null', () => {
    expect(indicatorInputValue(170087.3873873874, 'eur_per_person')).toBe(170087);
    expect(indicatorInputValue(null, 'count')).toBeNull();
    expect(indicatorInputValue(Number.NaN, 'count')).toBeNull();
  });

  it('name the statuses in French', () => {
    expect([statusLabel('ok'), statusLabel('warning'), statusLabel('alert')]).toEqual(['Conforme', 'Vigilance', 'Alerte']);
  });
});

describe('head-office fees against their 5 % cap (two decimals, as the catalogue says)', () => {
  it('shows 4,97 % and 5,02 % where one decimal would show « 5,0 % » for both sides of the cap', () => {
    // this fixture has no head-office ratio: the payroll ratio's shape with the head-office code and values
    const ratio = { ...indicator(acorCentreVille2022, 'payroll_ratio'), code: 'head_office_ratio' as const, value: 0.04888472089002389 };
    expect(indicatorValueText({ ...ratio, value: 0.049700114823337416 })).toBe(`4,97${NBSP}%`);
    expect(indicatorValueText({ ...ratio, value: 0.05018532068684907 })).toBe(`5,02${NBSP}%`);
    expect(indicatorValueText(ratio)).toBe(`4,89${NBSP}%`);
    // the other ratios keep one decimal
    expect(indicatorValueText(indicator(acorCentreVille2022, 'payroll_ratio'))).toBe(`72,1${NBSP}%`);
    expect(formatIndicatorValue(0.049700114823337416, 'ratio')).toBe(`5,0${NBSP}%`);
    expect(formatIndicatorValue(0.049700114823337416, 'ratio', 'head_office_ratio')).toBe(`4,97${NBSP}%`);
  });
});
