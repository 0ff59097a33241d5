import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IndicatorValue } from '@sdat/api-types';
import { formatEuros } from '@sdat/format';
import { formatSuppressed } from '@sdat/indicators';
import { COMMITTEE_SECTION_TITLES, COMMITTEE_SHEET_NAMES } from '@sdat/reports';
import ExcelJS from 'exceljs';
import { binary, pdfText } from './support/pdf';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The préfet's monitoring committee pack for the 2022 convention, on the demo data: PDF read back
 * with pdftotext (pages as PNG in test-artifacts/pdf/), XLSX read back with exceljs.
 */
const ARTIFACTS = resolve(__dirname, '../../../test-artifacts/pdf');
const AGREEMENT = 'convention-cadre-sdat-2022';
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('comité de suivi pack (PDF and XLSX)', () => {
  let t: TestApp;
  let committee: SignedIn;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', LOGIN_RATE_PER_MINUTE: '1000', EXPORT_RATE_PER_MINUTE: '1000' });
    committee = await signIn(t, 'monitoring_committee', 'etat');
    pdf = (await committee.get(`/api/agreements/${AGREEMENT}/committee-pack/2022.pdf?basis=actual`).buffer(true).parse(binary).expect(200)).body;
    text = pdfText(pdf);
  }, 120_000);
  afterAll(() => t.close());

  it('has every section and every programme of the agreement', () => {
    for (const title of Object.values(COMMITTEE_SECTION_TITLES)) expect(text).toContain(title);
    for (const name of ['ACOR Centre Ville', 'ACOR Dijon Métropole', 'EMAS']) expect(text).toContain(name);
  });

  it('prints the payroll of each programme for 2020-2022 as the API computes it', async () => {
    const body = (await committee.get(`/api/comparisons?agreement=${AGREEMENT}&years=2020,2021,2022&basis=actual`).expect(200)).body;
    for (const cell of body.cells as { programmeCode: string; year: number; indicators: IndicatorValue[] }[]) {
      const payroll = cell.indicators.find((i) => i.code === 'payroll');
      if (payroll?.value != null) expect([cell.programmeCode, cell.year, text.includes(plainSpaces(formatEuros(Math.round(payroll.value))))]).toEqual([cell.programmeCode, cell.year, true]);
    }
  });

  it('renders pages that are not blank (PNG artefacts for a visual check)', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of readdirSync(ARTIFACTS).filter((f) => f.startsWith('committee-pack'))) rmSync(join(ARTIFACTS, f));
    writeFileSync(join(ARTIFACTS, 'committee-pack-2022.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', join(ARTIFACTS, 'committee-pack-2022.pdf'), join(ARTIFACTS, 'committee-pack-2022')]);
    const pages = readdirSync(ARTIFACTS).filter((f) => f.startsWith('committee-pack-2022') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(3);
    const perPage = text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
    expect(perPage.every((page) => page.trim().length > 50)).toBe(true);
  });

  it('gives the same tables as XLSX: payroll as numbers equal to the API, every number finite', async () => {
    const bytes = (await committee.get(`/api/agreements/${AGREEMENT}/committee-pack/2022.xlsx?basis=actual`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(COMMITTEE_SHEET_NAMES));
    const cells: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
    const body = (await committee.get(`/api/comparisons?agreement=${AGREEMENT}&years=2020,2021,2022&basis=actual`).expect(200)).body;
    const payroll = (body.cells as { programmeCode: string; year: number; indicators: IndicatorValue[] }[])
      .find((c) => c.programmeCode === 'acor-centre-ville' && c.year === 2022)
      ?.indicators.find((i) => i.code === 'payroll');
    expect(payroll?.value).toEqual(expect.any(Number));
    expect(cells).toContain(Math.round(payroll?.value as number) / 100);
    expect(cells.every((v) => typeof v !== 'number' || Number.isFinite(v))).toBe(true);
  });

  it('shows a pilot only its own programme, and refuses an agreement outside the scope', async () => {
    const pilot = await signIn(t, 'pilot', 'ccas-dijon');
    const own = pdfText((await pilot.get(`/api/agreements/${AGREEMENT}/committee-pack/2022.pdf?basis=actual`).buffer(true).parse(binary).expect(200)).body);
    expect(own).toContain('ACOR Centre Ville');
    expect(own).not.toContain('EMAS');
    await committee.get('/api/agreements/ccas-dijon-carsat-2014/committee-pack/2022.pdf').expect(403);
    await committee.get(`/api/agreements/${AGREEMENT}/committee-pack/2022.docx`).expect(400);
  }, 60_000);
});

describe('comparison export (XLSX)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', LOGIN_RATE_PER_MINUTE: '1000', EXPORT_RATE_PER_MINUTE: '1000' });
  }, 60_000);
  afterAll(() => t.close());

  it('gives the committee the comparison it built, with the API’s figures, and refuses an agreement outside the scope', async () => {
    const committee = await signIn(t, 'monitoring_committee', 'etat');
    const query = `agreement=${AGREEMENT}&years=2021,2022&basis=actual&indicators=payroll,entries`;
    const bytes = (await committee.get(`/api/comparisons.xlsx?${query}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const api = (await committee.get(`/api/comparisons?agreement=${AGREEMENT}&years=2021,2022&basis=actual`).expect(200)).body;
    const entries = (api.cells as { programmeCode: string; year: number; indicators: IndicatorValue[] }[])
      .find((c) => c.programmeCode === 'emas' && c.year === 2022)
      ?.indicators.find((i) => i.code === 'entries');
    const row = rows.find((r) => r[0] === 'EMAS' && r[1] === entries?.label);
    // a masked figure is written as the API's marker: « < 5 » (small count) or « masqué » (complement)
    expect(row?.[4]).toBe(entries?.suppressed ? formatSuppressed(entries.suppressed) : entries?.value);
    expect(rows.filter((r) => r[1] === entries?.label).map((r) => r[0])).toEqual(['ACOR Centre Ville', 'ACOR Dijon Métropole', 'EMAS']);
    await committee.get(`/api/comparisons.xlsx?agreement=ccas-dijon-carsat-2014&years=2022`).expect(403);
  });
});
