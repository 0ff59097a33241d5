import type { IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import type { BreakdownItem } from '@sdat/indicators';
import { binary, pdfText } from './support/pdf';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What a funder receives never shows a count of 1 to 4 people, nor lets one be recovered, on the
 * demo data (generated episodes, 2020-2023): API indicators, comparisons and the PDF. The operator
 * sees the same figures unmasked.
 */
const PROGRAMMES = ['acor-centre-ville', 'emas'] as const; // both funded by the Ville de Dijon
const YEARS = [2021, 2022, 2023];

type Item = Pick<BreakdownItem, 'value' | 'unit' | 'suppressed'> & { children?: BreakdownItem[] };
function items(indicator: IndicatorValue): Item[] {
  const all: Item[] = [];
  const walk = (list: readonly BreakdownItem[] | undefined) => {
    for (const item of list ?? []) {
      all.push(item);
      walk(item.children);
    }
  };
  all.push(indicator);
  walk(indicator.breakdown);
  walk(indicator.details);
  return all;
}
const smallCounts = (indicators: IndicatorValue[]) =>
  indicators.flatMap((i) => items(i).filter((x) => x.unit === 'count' && x.value !== null && Number.isInteger(x.value) && x.value >= 1 && x.value <= 4).map((x) => ({ code: i.code, value: x.value })));

describe('small-count suppression: what a funder receives', () => {
  let t: TestApp;
  let operator: SignedIn;
  let funder: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', LOGIN_RATE_PER_MINUTE: '1000', EXPORT_RATE_PER_MINUTE: '1000' });
    operator = await signIn(t, 'operator', 'sdat');
    funder = await signIn(t, 'funder', 'ville-dijon');
  }, 60_000);
  afterAll(() => t.close());

  const get = async (client: SignedIn, code: string, year: number): Promise<ProgrammeIndicatorsResponse> =>
    (await client.get(`/api/programmes/${code}/indicators?year=${year}&basis=actual`).expect(200)).body;

  it('the operator does see small counts in the demo data (so the rule has something to hide)', async () => {
    let found = 0;
    for (const code of PROGRAMMES) for (const year of YEARS) found += smallCounts((await get(operator, code, year)).indicators).length;
    expect(found).toBeGreaterThan(0);
  });

  it('the funder sees no count of 1 to 4 anywhere, and « suppressed » markers where the operator had them', async () => {
    for (const code of PROGRAMMES) {
      for (const year of YEARS) {
        const mine = (await get(funder, code, year)).indicators;
        expect([code, year, smallCounts(mine)]).toEqual([code, year, []]);
        const theirs = smallCounts((await get(operator, code, year)).indicators);
        if (theirs.length > 0) expect(JSON.stringify(mine)).toContain('"suppressed"');
      }
    }
  });

  it('never leaves a single hidden cell next to a visible total (complementary suppression)', async () => {
    for (const code of PROGRAMMES) {
      for (const year of YEARS) {
        for (const indicator of (await get(funder, code, year)).indicators) {
          const check = (total: Item, parts: readonly BreakdownItem[] | undefined) => {
            if (!parts?.length || total.value === null) return;
            const hidden = parts.filter((p) => p.suppressed).length;
            expect([indicator.code, hidden === 1]).toEqual([indicator.code, false]);
            for (const part of parts) check(part, part.children);
          };
          check(indicator, indicator.breakdown);
        }
      }
    }
  });

  it('masks the comparison the same way, all years of a programme together', async () => {
    const committee = await signIn(t, 'monitoring_committee', 'etat');
    const body = (await committee.get(`/api/comparisons?agreement=convention-cadre-sdat-2022&years=${YEARS.join(',')}&basis=actual`).expect(200)).body;
    for (const cell of body.cells as { programmeCode: string; year: number; indicators: IndicatorValue[] }[]) {
      expect([cell.programmeCode, cell.year, smallCounts(cell.indicators)]).toEqual([cell.programmeCode, cell.year, []]);
    }
  });

  it('prints « < 5 » in the funder’s PDF where the operator’s PDF prints the small count', async () => {
    // Find a masked age band for the funder.
    let target: { code: string; year: number; label: string } | null = null;
    for (const code of PROGRAMMES) {
      for (const year of YEARS) {
        const age = (await get(funder, code, year)).indicators.find((i) => i.code === 'profile_age');
        const band = age?.breakdown?.find((b) => b.suppressed?.reason === 'small_count');
        if (band && !target) target = { code, year, label: band.label };
      }
    }
    expect(target).not.toBeNull();
    const { code, year, label } = target as { code: string; year: number; label: string };
    const pdf = async (client: SignedIn) =>
      pdfText((await client.get(`/api/programmes/${code}/reports/${year}.pdf?basis=actual`).buffer(true).parse(binary).expect(200)).body as Buffer);
    const funderText = await pdf(funder);
    const lineOf = (text: string) => text.split('\n').find((line) => line.trimStart().startsWith(label)) ?? '';
    expect(lineOf(funderText)).toMatch(/<\s?5|masqué/);
    const operatorLine = lineOf(await pdf(operator));
    expect(operatorLine).toMatch(/\s[1-4]\s/);
  }, 120_000);
});
