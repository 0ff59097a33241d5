import { applySmallCountSuppression, computeWaitingList, waitingListMonthKey, type WaitingListInput } from '../index';

/** ACOR Centre Ville 2022, waiting list at the end of each month from January to June (made-up figures). */
const input: WaitingListInput = {
  programmeCode: 'acor-centre-ville',
  periodStart: '2022-01-01',
  periodEnd: '2022-12-31',
  atPeriodEnd: 9,
  byMonth: [
    { month: '2022-01', count: 12 },
    { month: '2022-02', count: 14 },
    { month: '2022-03', count: 3 },
    { month: '2022-04', count: 11 },
    { month: '2022-05', count: 10 },
    { month: '2022-06', count: 9 },
  ],
};

describe('waiting list at each month end', () => {
  it('lists each month-end stock in the details; the last one is the value', () => {
    const value = computeWaitingList(input);
    expect(value.value).toBe(9);
    expect(value.details?.map((d) => [d.key, d.label, d.value])).toEqual([
      ['month:2022-01', 'Fin janvier 2022', 12],
      ['month:2022-02', 'Fin février 2022', 14],
      ['month:2022-03', 'Fin mars 2022', 3],
      ['month:2022-04', 'Fin avril 2022', 11],
      ['month:2022-05', 'Fin mai 2022', 10],
      ['month:2022-06', 'Fin juin 2022', 9],
    ]);
    expect(waitingListMonthKey('2022-06')).toBe('month:2022-06');
    expect(value.flags).toEqual([]);
  });

  it('flags a last month that is not the stock at period end, keeping both as given', () => {
    const value = computeWaitingList({ ...input, atPeriodEnd: 8 });
    expect(value.value).toBe(8);
    expect(value.flags.map((f) => f.message)).toEqual([
      "La liste d'attente fin juin 2022 (9) ne correspond pas au stock de fin de période (8).",
    ]);
  });

  it('masks a small month-end for a funder (« < 5 ») and leaves the others', () => {
    const [masked] = applySmallCountSuppression([computeWaitingList(input)], { threshold: 5 });
    const march = masked?.details?.find((d) => d.key === 'month:2022-03');
    expect([march?.value, march?.suppressed?.reason, march?.suppressed?.below]).toEqual([null, 'small_count', 5]);
    expect(masked?.details?.filter((d) => d.value !== null).map((d) => d.value)).toEqual([12, 14, 11, 10, 9]);
  });
});
