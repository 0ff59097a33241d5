import fc from 'fast-check';
import { computeActiveCaseload, computeEntries, computeExits, type EpisodeAggregates } from '../index';

/** Random consistent flows: exits never exceed present at start + entries. */
const flows = fc
  .tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([presentAtStart, entries, f]): EpisodeAggregates => ({
    programmeCode: 'emas',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    presentAtStart,
    entries,
    exits: Math.floor(f * (presentAtStart + entries)),
  }));

describe('property: flows and caseload', () => {
  it('entries − exits = change of the active caseload between start and end', () => {
    fc.assert(
      fc.property(flows, (ep) => {
        const caseload = computeActiveCaseload(ep);
        const atStart = caseload.details?.find((d) => d.key === 'at_start')?.value ?? NaN;
        const atEnd = caseload.details?.find((d) => d.key === 'at_end')?.value ?? NaN;
        const entries = computeEntries(ep).value ?? NaN;
        const exits = computeExits(ep).value ?? NaN;
        expect(atEnd - atStart).toBe(entries - exits);
        expect(caseload.flags).toEqual([]);
      }),
    );
  });

  it('the caseload breakdown adds up to the caseload over the period', () => {
    fc.assert(
      fc.property(flows, (ep) => {
        const caseload = computeActiveCaseload(ep);
        const sum = (caseload.breakdown ?? []).reduce((t, b) => t + (b.value ?? 0), 0);
        expect(sum).toBe(caseload.value);
      }),
    );
  });
});
