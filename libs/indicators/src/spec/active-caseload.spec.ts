import { caseloadAtEnd, computeActiveCaseload, type EpisodeAggregates } from '../index';

/** 35 present on 1 Jan + 28 entries = 63 followed in the year; 25 exits → 38 present on 31 Dec. */
const ep: EpisodeAggregates = {
  programmeCode: 'emas',
  periodStart: '2022-01-01',
  periodEnd: '2022-12-31',
  presentAtStart: 35,
  entries: 28,
  exits: 25,
  presentAtEnd: 38,
  distinctParticipants: 61,
};

describe('active caseload', () => {
  it('over the period = present at start + entries; at a date in details', () => {
    const value = computeActiveCaseload(ep);
    expect(value.value).toBe(63);
    expect(value.breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['present_at_start', 35],
      ['entries', 28],
    ]);
    const details = new Map(value.details?.map((d) => [d.key, d.value]));
    expect(details.get('at_start')).toBe(35);
    expect(details.get('at_end')).toBe(38);
    expect(details.get('distinct_participants')).toBe(61);
    expect(value.flags).toEqual([]);
    expect(value.provenance.formulaText).toBe('35 présents au 01/01/2022 + 28 entrées = 63 ; au 31/12/2022 : 38');
  });

  it('derives the end caseload when not given; flags inconsistent figures', () => {
    expect(caseloadAtEnd({ ...ep, presentAtEnd: undefined })).toBe(38);
    const wrong = computeActiveCaseload({ ...ep, presentAtEnd: 40 });
    expect(wrong.flags[0]?.code).toBe('inconsistent_input');
    expect(wrong.flags[0]?.message).toBe('Présents en fin déclarés (40) ≠ présents au début + entrées − sorties (38).');
    const impossible = computeActiveCaseload({ ...ep, exits: 70, presentAtEnd: undefined });
    expect(impossible.flags[0]?.code).toBe('inconsistent_input');
    expect(impossible.details?.find((d) => d.key === 'at_end')?.value).toBeNull();
  });
});
