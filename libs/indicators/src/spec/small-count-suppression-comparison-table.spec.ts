import { DEFAULT_SMALL_COUNT_THRESHOLD, formatSuppressed, IndicatorInputError, suppressCount, suppressTable } from '../index';

const values = (t: ReturnType<typeof suppressTable>) => ({ cells: t.cells.map((c) => c.value), total: t.total.value });

describe('small counts outside indicator values (comparison tables, exports)', () => {
  it('one count: 1 … 4 masked as « < 5 », 0 and 5 or more shown', () => {
    expect(DEFAULT_SMALL_COUNT_THRESHOLD).toBe(5);
    expect(suppressCount(3)).toEqual({ value: null, suppressed: { reason: 'small_count', threshold: 5, below: 5 } });
    const one = suppressCount(1).suppressed;
    expect(one && formatSuppressed(one)).toBe('< 5');
    expect(suppressCount(0)).toEqual({ value: 0 });
    expect(suppressCount(5)).toEqual({ value: 5 });
    expect(suppressCount(null)).toEqual({ value: null });
    expect(suppressCount(9, 11).suppressed?.below).toBe(11);
    expect(() => suppressCount(-1)).toThrow(IndicatorInputError);
    expect(() => suppressCount(2.5)).toThrow(/entier positif ou nul/);
  });

  it('a row with its total: the next smallest cell is masked too', () => {
    const t = suppressTable([3, 20, 30], 53);
    expect(values(t)).toEqual({ cells: [null, null, 30], total: 53 });
    expect(t.cells[0]?.suppressed?.reason).toBe('small_count');
    expect(t.cells[1]?.suppressed).toEqual({ reason: 'complementary', threshold: 5 });
  });

  it('zeros are never used as complements (they would not hide anything)', () => {
    expect(values(suppressTable([0, 3, 0, 12, 40], 55))).toEqual({ cells: [0, null, 0, null, 40], total: 55 });
  });

  it('1 + 1 + 50 = 52: two masked ones would add up to 2, so each is 1 — the 50 goes too', () => {
    expect(values(suppressTable([1, 1, 50], 52))).toEqual({ cells: [null, null, null], total: 52 });
  });

  it('2, 5, 5, 50: the complement was the smallest, so the other 5 would pin it — masked too', () => {
    // with 5 shown, a reader knows the masked complement is 5 (≥ 5 and not above the smallest shown)
    expect(values(suppressTable([2, 5, 5, 50], 62))).toEqual({ cells: [null, null, null, 50], total: 62 });
  });

  it('4 + 4 = 8: both below 5, so both are 4 — the total is masked', () => {
    const t = suppressTable([4, 4], 8);
    expect(values(t)).toEqual({ cells: [null, null], total: null });
    expect(t.total.suppressed?.reason).toBe('complementary');
  });

  it('a small total: every non-zero cell is small too', () => {
    expect(values(suppressTable([3, 0, 0], 3))).toEqual({ cells: [null, 0, 0], total: null });
    expect(values(suppressTable([0, 0], 0))).toEqual({ cells: [0, 0], total: 0 });
  });

  it('without a total shown, only the small cells go', () => {
    expect(values(suppressTable([3, 40], null))).toEqual({ cells: [null, 40], total: null });
  });

  it('the threshold is a parameter', () => {
    expect(values(suppressTable([6, 20, 30], 56, 10))).toEqual({ cells: [null, null, 30], total: 56 });
    expect(values(suppressTable([6, 20, 30], 56, 1))).toEqual({ cells: [6, 20, 30], total: 56 });
  });
});
