import { computeEntries, computeExits, type EpisodeAggregates } from '../index';

/** ACOR Dijon Métropole started on 1 January 2022; a half-year report (1 Jan – 30 Jun) is partial. */
const halfYear: EpisodeAggregates = {
  programmeCode: 'acor-dijon-metropole',
  periodStart: '2022-01-01',
  periodEnd: '2022-06-30',
  presentAtStart: 150,
  entries: 42,
  exits: 31,
  byTerritory: [{ territoryCode: 'chenove', label: 'Chenôve', presentAtStart: 40, entries: 9, exits: 6 }],
};

describe('entries and exits', () => {
  it('half year: counts with a partial_year flag', () => {
    const entries = computeEntries(halfYear);
    expect(entries.value).toBe(42);
    expect(entries.year).toBe(2022);
    expect(entries.flags).toEqual([
      {
        code: 'partial_year',
        message: 'Période partielle (du 01/01/2022 au 30/06/2022) : les flux ne couvrent pas une année entière.',
      },
    ]);
    expect(entries.details).toEqual([{ key: 'territory_chenove', label: 'Dont Chenôve', value: 9, unit: 'count' }]);
    expect(entries.provenance.formulaText).toBe('Entrées du 01/01/2022 au 30/06/2022 = 42');
    const exits = computeExits(halfYear);
    expect(exits.value).toBe(31);
    expect(exits.flags[0]?.code).toBe('partial_year');
  });

  it('full year: no flag', () => {
    const full = computeEntries({ ...halfYear, periodEnd: '2022-12-31' });
    expect(full.flags).toEqual([]);
  });

  it('rejects negative counts and bad dates', () => {
    expect(() => computeEntries({ ...halfYear, entries: -1 })).toThrow(/Entrées doit être un entier positif/);
    expect(() => computeEntries({ ...halfYear, periodEnd: '2022-02-30' })).toThrow(/date ISO invalide/);
    expect(() => computeEntries({ ...halfYear, periodEnd: '2021-12-31' })).toThrow(/précède le début/);
  });
});
