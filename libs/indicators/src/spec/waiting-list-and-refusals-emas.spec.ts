import { computeRefusals, computeWaitingList } from '../index';

const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('waiting list and refusals – EMAS', () => {
  it('waiting list is the stock at period end', () => {
    const value = computeWaitingList({
      ...scope,
      atPeriodEnd: 12,
      addedDuringPeriod: 30,
      byCategory: [
        { key: 'awaiting_cca', label: 'En attente de passage en CCA', count: 4 },
        { key: 'awaiting_place', label: 'Accord avec liste d’attente', count: 8 },
      ],
    });
    expect(value.value).toBe(12);
    expect(value.breakdown?.map((b) => b.share)).toEqual([
      { numerator: 1, denominator: 3 },
      { numerator: 2, denominator: 3 },
    ]);
    expect(value.details?.[0]?.value).toBe(30);
    expect(value.flags).toEqual([]);
    expect(value.provenance.formulaText).toBe("Liste d'attente au 31/12/2022 = 12");
  });

  it('a split that does not match the stock is flagged', () => {
    const value = computeWaitingList({ ...scope, atPeriodEnd: 10, byCategory: [{ key: 'a', label: 'A', count: 4 }] });
    expect(value.flags[0]?.code).toBe('inconsistent_input');
  });

  it('refusals per reason', () => {
    const value = computeRefusals({
      ...scope,
      items: [
        { key: 'out_of_scope', label: 'Hors public visé', count: 5 },
        { key: 'emergency', label: 'Situation d’urgence ou de crise', count: 2 },
        { key: 'outside_area', label: 'Hors territoire', count: 1 },
      ],
    });
    expect(value.value).toBe(8);
    expect(value.breakdown?.[0]?.share).toEqual({ numerator: 5, denominator: 8 });
    expect(value.provenance.formulaText).toBe(
      'Hors public visé 5 + Situation d’urgence ou de crise 2 + Hors territoire 1 = 8',
    );
  });

  it('duplicate categories are rejected', () => {
    expect(() =>
      computeRefusals({ ...scope, items: [{ key: 'a', label: 'A', count: 1 }, { key: 'a', label: 'A', count: 2 }] }),
    ).toThrow(/en double/);
  });
});
