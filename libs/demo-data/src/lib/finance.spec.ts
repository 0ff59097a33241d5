import fc from 'fast-check';
import { actualBudget, cleanLabel, distribute, formatEuros, segurFactor, segurPart, yearFactor } from './finance';
import { acorCentreVille, emas } from '../testing/inputs-2022';

describe('finance helpers', () => {
  it('distribute splits an integer exactly, proportionally (largest remainder)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = distribute(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const exact = sum === 0 ? total / weights.length : (total * (weights[i] ?? 0)) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
    expect(distribute(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('reads the Ségur part of a forecast line from the label or from segurCents', () => {
    const line = (label: string, side: 'expenses' | 'income', euros: number) => ({ groupCode: '65', side, accountCode: null, label, amountCents: euros * 100 });
    expect(segurPart(line('frais de siège Direction (dt 2 059 € s/Primes Médico-social 1/4/22)', 'expenses', 32160))).toBe(205900);
    expect(segurPart(line('CHARGES DE PERSONNEL (dont primes médico-social au 1/4/2022 : 41 424 €)', 'expenses', 489174))).toBe(4142400);
    expect(segurPart(line('Autres personnels extérieurs (dt 5 272 € Primes médico-social au 1/4/22)', 'expenses', 74327))).toBe(527200);
    expect(segurPart(line("Subvention de l'État - DDETS Primes Médico-social au 1/4/22 (Ségu)", 'income', 35577))).toBe(3557700);
    expect(segurPart(line('Subvention Métropole', 'income', 401628))).toBeNull();
    expect(segurPart(line('CHARGES DE PERSONNEL', 'expenses', 82766))).toBeNull();
    expect(segurPart({ ...line('CHARGES DE PERSONNEL', 'expenses', 82766), segurCents: 489600 })).toBe(489600);
    expect(segurPart({ ...line('x', 'expenses', 0), amountCents: null })).toBeNull();
  });

  it('cleans the notes quoting 2022 amounts out of the labels', () => {
    expect(cleanLabel('frais de siège Direction (dt 2 059 € s/Primes Médico-social 1/4/22)')).toBe('frais de siège Direction');
    expect(cleanLabel('CHARGES DE PERSONNEL (dont primes médico-social au 1/4/2022 : 41 424 €)')).toBe('CHARGES DE PERSONNEL');
    expect(cleanLabel("Fournitures hôtelières (dont produits d'entretien)")).toBe('Fournitures hôtelières');
    expect(cleanLabel("Subvention de l'Etat - DDETS Primes Médico-social au 1/4/22 (Ségur)")).toBe(
      "Subvention de l'Etat - DDETS Primes Médico-social au 1/4/22 (Ségur)",
    );
  });

  it('year and Ségur factors', () => {
    expect([2020, 2021, 2022, 2023].map(yearFactor)).toEqual([0.93, 0.96, 1.01, 1.05]);
    expect(yearFactor(2026)).toBeGreaterThan(yearFactor(2025));
    expect(yearFactor(2015)).toBeLessThan(yearFactor(2016));
    expect([2021, 2022].map(segurFactor)).toEqual([0, 1]);
    expect(segurFactor(2023)).toBeCloseTo(4 / 3, 10);
  });

  it('formats euros without Intl (no-break spaces)', () => {
    expect(formatEuros(345600)).toBe('3\u00a0456\u00a0€');
    expect(formatEuros(-100)).toBe('-1\u00a0€');
    expect(formatEuros(123456700)).toBe('1\u00a0234\u00a0567\u00a0€');
  });

  it('budget lines: Ségur parts scaled by year, payroll without Ségur before 2022', () => {
    const payroll2020 = actualBudget('emas', emas.forecast2022, 2020, 1).lines.find((l) => l.groupCode === '63/64');
    const payroll2023 = actualBudget('emas', emas.forecast2022, 2023, 1).lines.find((l) => l.groupCode === '63/64');
    expect(payroll2020?.segurCents).toBe(0);
    expect(payroll2020?.label).toBe('CHARGES DE PERSONNEL');
    expect(payroll2023?.segurCents).toBeGreaterThan(Math.round(489600 * 1.3));
    const cv2021 = actualBudget('acor-centre-ville', acorCentreVille.forecast2022, 2021, 1);
    const segurIncome = cv2021.lines.find((l) => l.label.includes('(Ségur)'));
    expect(segurIncome?.amountCents).toBe(0);
    expect(cv2021.lines.find((l) => l.accountCode === '681150')?.amountCents).toBeNull();
  });
});
