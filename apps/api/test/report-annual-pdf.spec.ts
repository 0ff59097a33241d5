import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BudgetView, IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { formatEuros, formatNumber, formatPercent } from '@sdat/format';
import { QUALITATIVE_PLACEHOLDER, SECTION_TITLES, TOC_TITLE } from '@sdat/reports';
import { signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The annual report PDF (bilan qualitatif et financier) served by the real application on the demo
 * data, read back with poppler-utils: sections, key figures equal to the API's own values formatted
 * in fr-FR, demo banner, pages. PNGs of the pages go to test-artifacts/pdf/ for a visual check.
 */
const ARTIFACTS = resolve(__dirname, '../../../test-artifacts/pdf');
const PROGRAMMES = ['acor-centre-ville', 'acor-dijon-metropole', 'emas'] as const;
const YEAR = 2022;

function requireTool(tool: string): void {
  try {
    execFileSync(tool, ['-v'], { stdio: 'pipe' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} est introuvable : installer poppler-utils (apt-get install -y poppler-utils) pour lire les PDF dans les tests.`);
    }
  }
}

/** pdftotext keeps U+00A0 in "22 651 €": compare texts with ordinary spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

/** supertest parser keeping the body as bytes. */
const binary = (res: unknown, callback: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
};

interface Downloaded {
  pdf: Buffer;
  text: string;
  pages: number;
  ms: number;
}

describe('annual report PDF (bilan qualitatif et financier)', () => {
  let t: TestApp;
  let http: SignedIn;
  const downloaded = new Map<string, Downloaded>();

  beforeAll(async () => {
    requireTool('pdftotext');
    requireTool('pdfinfo');
    requireTool('pdftoppm');
    t = await startTestApp({ DEMO_DATA: 'true' });
    http = await signInOperator(t);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => t?.close());

  const download = async (code: string): Promise<Downloaded> => {
    const cached = downloaded.get(code);
    if (cached) return cached;
    const started = Date.now();
    const res = await http.get(`/api/programmes/${code}/reports/${YEAR}.pdf?basis=actual`).buffer(true).parse(binary).expect(200);
    const ms = Date.now() - started;
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bilan-${code}-${YEAR}.pdf"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(ARTIFACTS, `bilan-${code}-${YEAR}.pdf`);
    writeFileSync(file, pdf);
    const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    // Low-resolution page images, to look at (test-artifacts/ is git-ignored).
    for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${code}-`) && f.endsWith('.png'))) rmSync(join(ARTIFACTS, old));
    execFileSync('pdftoppm', ['-r', '50', '-png', file, join(ARTIFACTS, code)]);
    const result = { pdf, text, pages, ms };
    downloaded.set(code, result);
    return result;
  };

  const budget = async (code: string, basis: 'forecast' | 'actual'): Promise<BudgetView> =>
    (await http.get(`/api/programmes/${code}/budgets?year=${YEAR}&basis=${basis}`).expect(200)).body;
  const indicators = async (code: string, basis: 'forecast' | 'actual'): Promise<ProgrammeIndicatorsResponse> =>
    (await http.get(`/api/programmes/${code}/indicators?year=${YEAR}&basis=${basis}`).expect(200)).body;
  const pick = (r: ProgrammeIndicatorsResponse, code: string): IndicatorValue => {
    const found = r.indicators.find((i) => i.code === code);
    if (!found) throw new Error(`${code} absent de /indicators`);
    return found;
  };

  it.each(PROGRAMMES)('%s: every section, the table of contents, the demo banner, at least 5 pages', async (code) => {
    const { text, pages, ms } = await download(code);
    process.stdout.write(`[bilan ${code} ${YEAR}] ${pages} pages, requête en ${ms} ms\n`);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(text).toContain(TOC_TITLE);
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(plain(title));
    // Sections 2 to 8: once in the table of contents, once as the heading of the section.
    for (const title of Object.values(SECTION_TITLES).slice(1)) expect(occurrences(text, plain(title))).toBeGreaterThanOrEqual(2);
    expect(text.toLowerCase()).toContain('données de démonstration');
    expect(text).toContain(plain(QUALITATIVE_PLACEHOLDER));
    expect(text).toContain('15/03/2023');
    expect(text).toContain('« projet »');
    expect(text).not.toMatch(/NaN|undefined|\bnull\b/);
    // Footers « x / y » on every page.
    expect(occurrences(text, ` / ${pages}`)).toBeGreaterThanOrEqual(pages);
  });

  it('acor-centre-ville: total expenses of the 2022 forecast budget as /budgets gives them (679 241 €)', async () => {
    const { text } = await download('acor-centre-ville');
    const forecast = await budget('acor-centre-ville', 'forecast');
    expect(plain(formatEuros(forecast.totals.expenses.computedCents))).toBe('679 241 €');
    expect(text).toMatch(/Total des charges\s+679 241 €/);
  });

  it.each(PROGRAMMES)('%s: budget totals, payroll ratio, entries and exits equal the API values formatted fr-FR', async (code) => {
    const { text } = await download(code);
    const [forecast, actual, actualIndicators] = await Promise.all([budget(code, 'forecast'), budget(code, 'actual'), indicators(code, 'actual')]);
    const fc = plain(formatEuros(forecast.totals.expenses.computedCents));
    const ac = plain(formatEuros(actual.totals.expenses.computedCents));
    expect(text).toMatch(new RegExp(`Total des charges\\s+${fc}\\s+${ac}`));
    expect(text).toContain(plain(formatEuros(forecast.totals.income.computedCents)));
    expect(text).toContain(plain(formatEuros(actual.totals.income.computedCents)));

    const ratio = pick(actualIndicators, 'payroll_ratio');
    expect(ratio.value).not.toBeNull();
    expect(text).toMatch(new RegExp(`Ratio masse salariale / budget global\\s+\\S.*${plain(formatPercent(ratio.value as number))}`));

    const entries = pick(actualIndicators, 'entries').value as number;
    const exits = pick(actualIndicators, 'exits').value as number;
    expect(entries).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`\\n\\s*Entrées\\s+${plain(formatNumber(entries))}\\n`));
    expect(text).toMatch(new RegExp(`\\n\\s*Sorties\\s+${plain(formatNumber(exits))}\\n`));
  });

  it('acor-dijon-metropole: the month-by-month table gives each month the API values (entries, exits, month-end caseload)', async () => {
    const { text } = await download('acor-dijon-metropole');
    const monthly = pick(await indicators('acor-dijon-metropole', 'actual'), 'monthly_caseload');
    expect(text).toContain(`Mois par mois (${YEAR})`);
    const value = (month: string, measure: string) => monthly.details?.find((d) => d.key === `${month}:${measure}`)?.value as number;
    for (const [month, name] of [['2022-01', 'Janvier'], ['2022-06', 'Juin'], ['2022-12', 'Décembre']]) {
      const cells = ['entries', 'exits', 'at_end'].map((m) => plain(formatNumber(value(month as string, m)))).join('\\s+');
      expect(text).toMatch(new RegExp(`${name} ${YEAR}\\s+${cells}\\n`));
    }
  });

  it('emas: occupancy rate and average duration as /indicators gives them', async () => {
    const { text } = await download('emas');
    const r = await indicators('emas', 'actual');
    expect(text).toContain(plain(formatPercent(pick(r, 'occupancy_rate').value as number)));
    const avg = pick(r, 'avg_duration_days');
    expect(text).toContain(`${plain(formatNumber(avg.value as number, 1))} jours`);
    expect(text).toContain('Kaplan');
  });

  it('answers in French: 404 for an unknown programme, 400 for a malformed year or basis', async () => {
    const unknown = await http.get(`/api/programmes/inconnu/reports/${YEAR}.pdf`).expect(404);
    expect(unknown.body.message).toBe('Dispositif introuvable : « inconnu ».');
    const badFile = await http.get('/api/programmes/emas/reports/2022.docx').expect(400);
    expect(String(badFile.body.message)).toContain('par exemple 2022.pdf');
    const badYear = await http.get('/api/programmes/emas/reports/1850.pdf').expect(400);
    expect(String(badYear.body.message)).toContain('entre 2000 et 2100');
    const badBasis = await http.get('/api/programmes/emas/reports/2022.pdf?basis=prevu').expect(400);
    expect(JSON.stringify(badBasis.body.message)).toContain('la base doit être');
  });

  it('a year without any data still renders, every figure shown as unavailable', async () => {
    const res = await http.get('/api/programmes/emas/reports/2030.pdf').buffer(true).parse(binary).expect(200);
    const file = join(ARTIFACTS, 'bilan-emas-2030.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(plain(title));
    expect(text).toContain('15/03/2031');
    expect(text).not.toMatch(/NaN|undefined|\bnull\b/);
  });
});
