import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { IndicatorValue, Suppression } from '@sdat/indicators';
import { buildCommitteePack, buildCommitteePackWorkbook, type CommitteePackData } from '../../index';
import { documentTexts } from '../../test/doc-text';
import { committeePack2022 } from '../../test/committee-pack.fixtures';

/**
 * Whatever the data (programmes missing or without years, indicators without value or masked,
 * odd numbers, funding absent or odd, dates that are not dates, another year), no text of the
 * PDF and no cell of the workbook reads « NaN », « undefined », « null » or « Infinity », and
 * every number of the workbook is finite.
 */
const FORBIDDEN = /NaN|undefined|null|Infinity/;

const svg = () => '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

const finite = fc.oneof(
  fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
  // Values that round to 0 cents or sit on a rounding boundary.
  fc.constantFrom(5e-324, -5e-324, 1e-12, 0.49, 0.5, -0.5, 0),
);
const valueChange = fc.oneof(fc.constant(null), finite);
const suppression: fc.Arbitrary<Suppression> = fc.oneof(
  fc.record({ reason: fc.constant('small_count' as const), threshold: fc.integer({ min: 2, max: 11 }), below: fc.integer({ min: 2, max: 11 }) }),
  fc.record({ reason: fc.constantFrom('complementary' as const, 'small_base' as const), threshold: fc.integer({ min: 2, max: 11 }) }),
);
const isoOrNot = fc.constantFrom('2023-03-15', '2022-12-31', '2023-02-30', '', 'pas une date', '2023-03-15T10:00:00+01:00');
const safeText = fc.string({ maxLength: 30 }).filter((s) => !FORBIDDEN.test(s));

const mutation = fc.record({
  year: fc.constantFrom(2022, 2022, 2023, 2010),
  basis: fc.constantFrom('actual' as const, 'forecast' as const),
  demo: fc.boolean(),
  generatedAt: fc.constantFrom('2023-04-03T08:15:00Z', '2023-03-01', 'pas une date'),
  keep: fc.array(fc.nat({ max: 2 }), { maxLength: 4 }),
  dropYears: fc.array(fc.record({ programme: fc.nat(), year: fc.nat() }), { maxLength: 3 }),
  emptyYears: fc.array(fc.record({ programme: fc.nat(), year: fc.nat() }), { maxLength: 3 }),
  basisOfYear: fc.array(fc.record({ programme: fc.nat(), year: fc.nat(), basis: fc.constantFrom('actual' as const, 'forecast' as const) }), { maxLength: 3 }),
  values: fc.array(fc.record({ programme: fc.nat(), year: fc.nat(), index: fc.nat(), value: valueChange }), { maxLength: 16 }),
  items: fc.array(fc.record({ programme: fc.nat(), year: fc.nat(), index: fc.nat(), item: fc.nat(), value: valueChange }), { maxLength: 10 }),
  masks: fc.array(fc.record({ programme: fc.nat(), year: fc.nat(), index: fc.nat(), suppressed: suppression }), { maxLength: 8 }),
  passed: fc.array(fc.record({ programme: fc.nat(), index: fc.nat(), passed: fc.constantFrom(true, false, null, undefined) }), { maxLength: 4 }),
  funding: fc.array(fc.record({ programme: fc.nat(), drop: fc.boolean(), line: fc.nat(), cents: fc.oneof(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })) }), { maxLength: 4 }),
  reports: fc.array(
    fc.record({
      programme: fc.nat(),
      status: fc.constantFrom('projet' as const, 'transmis' as const, 'validé' as const),
      version: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant(Number.NaN)),
      dueDate: isoOrNot,
      validatedAt: fc.oneof(fc.constant(null), isoOrNot),
    }),
    { maxLength: 3 },
  ),
  names: fc.array(fc.record({ programme: fc.nat(), name: safeText, pilots: fc.array(safeText, { maxLength: 2 }) }), { maxLength: 2 }),
  agreement: fc.record({ startDate: fc.oneof(fc.constant(null), isoOrNot), endDate: fc.oneof(fc.constant(null), isoOrNot), noSignatories: fc.boolean(), noChecks: fc.boolean() }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(list: readonly T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined);

function mutated(m: Mutation): CommitteePackData {
  const data = committeePack2022();
  const programmes = m.keep.length ? [...new Set(m.keep)].map((index) => data.programmes[index]).filter((p) => p !== undefined) : data.programmes;
  const indicatorsOf = (p: number, y: number): IndicatorValue[] => at(at(programmes, p)?.years ?? [], y)?.indicators ?? [];
  for (const { programme, year, index, value } of m.values) {
    const indicator = at(indicatorsOf(programme, year), index);
    if (indicator) indicator.value = value;
  }
  for (const { programme, year, index, item, value } of m.items) {
    const indicator = at(indicatorsOf(programme, year), index);
    const target = at([...(indicator?.breakdown ?? []), ...(indicator?.details ?? [])], item);
    if (target) target.value = value;
  }
  for (const { programme, year, index, suppressed } of m.masks) {
    const indicator = at(indicatorsOf(programme, year), index);
    if (indicator) Object.assign(indicator, { value: null, suppressed });
  }
  for (const { programme, index, passed } of m.passed) {
    const checks = indicatorsOf(programme, 2).filter((i) => i.category === 'compliance');
    const check = at(checks, index);
    if (check) check.passed = passed;
  }
  for (const { programme, year, basis } of m.basisOfYear) {
    const entry = at(at(programmes, programme)?.years ?? [], year);
    if (entry) entry.basis = basis;
  }
  for (const { programme, year } of m.emptyYears) {
    const entry = at(at(programmes, programme)?.years ?? [], year);
    if (entry) entry.indicators = [];
  }
  for (const { programme, year } of m.dropYears) {
    const p = at(programmes, programme);
    if (p && p.years.length) p.years.splice(year % p.years.length, 1);
  }
  for (const { programme, drop, line, cents } of m.funding) {
    const p = at(programmes, programme);
    if (!p) continue;
    if (drop) p.funding = null;
    const target = at(p.funding?.lines ?? [], line);
    if (target) target.amountCents = cents;
  }
  for (const report of m.reports) {
    const p = at(programmes, report.programme);
    if (p) p.report = { status: report.status, version: report.version, dueDate: report.dueDate, validatedAt: report.validatedAt };
  }
  for (const { programme, name, pilots } of m.names) {
    const p = at(programmes, programme);
    if (p) p.programme = { ...p.programme, name, pilots };
  }
  return {
    ...data,
    year: m.year,
    basis: m.basis,
    demo: m.demo,
    programmes,
    agreement: {
      ...data.agreement,
      startDate: m.agreement.startDate,
      endDate: m.agreement.endDate,
      signatories: m.agreement.noSignatories ? [] : data.agreement.signatories,
    },
    agreementChecks: m.agreement.noChecks ? [] : data.agreementChecks,
  };
}

async function workbookTexts(buffer: Buffer): Promise<{ bad: string[]; numbers: number[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const bad: string[] = [];
  const numbers: number[] = [];
  workbook.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'number') numbers.push(cell.value);
        const shown = cell.value instanceof Date ? cell.value.toISOString() : typeof cell.value === 'object' ? JSON.stringify(cell.value) : String(cell.value);
        if (FORBIDDEN.test(shown)) bad.push(`${ws.name}!${cell.address}: ${shown}`);
      }),
    ),
  );
  return { bad, numbers };
}

describe('committee pack: properties', () => {
  it('the fixture itself prints no NaN, undefined, null or Infinity', async () => {
    const data = committeePack2022();
    const texts = documentTexts(buildCommitteePack(data, { renderChart: svg, generatedAt: '2023-04-03' }), 12);
    expect(texts.filter((t) => FORBIDDEN.test(t))).toEqual([]);
    const { bad, numbers } = await workbookTexts(await buildCommitteePackWorkbook(data, { generatedAt: '2023-04-03' }));
    expect(bad).toEqual([]);
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it('no PDF text node contains NaN, undefined, null or Infinity, whatever the data', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const doc = buildCommitteePack(mutated(m), { renderChart: svg, generatedAt: m.generatedAt });
        expect(documentTexts(doc, 4).filter((t) => FORBIDDEN.test(t))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('no workbook cell contains NaN, undefined, null or Infinity, and every number is finite, whatever the data', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const { bad, numbers } = await workbookTexts(await buildCommitteePackWorkbook(mutated(m), { generatedAt: m.generatedAt }));
        expect(bad).toEqual([]);
        expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});
