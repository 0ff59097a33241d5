import type { AnnualReportView, ObligationsResponse } from '@sdat/api-types';
import { CHANGELOG_TITLE } from '@sdat/reports';
import { DataSource } from 'typeorm';
import { binary, pdfText, sha256 } from './support/pdf';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The bilan of ACOR Centre Ville 2022 (demo actual data) goes through its whole life: the operator
 * writes and submits it, the pilot (CCAS de Dijon) returns it, validates it (frozen PDF, locked
 * year), reopens it with a reason, and validates version 2 with a changelog page.
 */
const BASE = '/api/programmes/acor-centre-ville/annual-reports/2022';
const PDF = '/api/programmes/acor-centre-ville/reports/2022.pdf';

describe('annual report lifecycle: projet → transmis → validé → rouvert → version 2', () => {
  let t: TestApp;
  let operator: SignedIn;
  let pilot: SignedIn;
  let otherPilot: SignedIn;
  let funder: SignedIn;

  const state = async (client: SignedIn = operator): Promise<AnnualReportView> => (await client.get(BASE).expect(200)).body;
  const download = async (client: SignedIn, url: string) => {
    const res = await client.get(url).buffer(true).parse(binary).expect(200);
    return { pdf: res.body as Buffer, sha: res.headers['x-content-sha256'] as string | undefined };
  };
  const reportObligation = async () => {
    const body: ObligationsResponse = (await operator.get('/api/obligations?from=2023-01-01&to=2023-12-31&extend=convention-cadre-sdat-2022').expect(200)).body;
    return body.obligations.find((o) => o.ruleCode === 'acor-centre-ville-annual-report' && o.periodYear === 2022)?.status;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', LOGIN_RATE_PER_MINUTE: '1000', EXPORT_RATE_PER_MINUTE: '1000' });
    operator = await signIn(t, 'operator', 'sdat');
    pilot = await signIn(t, 'pilot', 'ccas-dijon');
    otherPilot = await signIn(t, 'pilot', 'dijon-metropole');
    funder = await signIn(t, 'funder', 'ville-dijon');
  }, 60_000);
  afterAll(async () => {
    // The test database is shared with other specs: leave ACOR Centre Ville 2022 unlocked, as found.
    const ds = t.app.get(DataSource);
    await ds.query(`DELETE FROM annual_report_version WHERE report_id IN (SELECT r.id FROM annual_report r JOIN programme p ON p.id = r.programme_id WHERE p.code = 'acor-centre-ville' AND r.year = 2022)`);
    await ds.query(`DELETE FROM annual_report WHERE programme_id = (SELECT id FROM programme WHERE code = 'acor-centre-ville') AND year = 2022`);
    await t.close();
  });

  it('starts as an unwritten draft, due 15/03/2023, with nothing locked', async () => {
    const view = await state();
    expect(view).toMatchObject({ status: 'draft', statusLabel: 'projet', dueDate: '2023-03-15', locked: false, version: 0, versions: [] });
    expect(await reportObligation()).toBe('en_retard');
  });

  it('lets only the operator write the narrative, and refuses submitting an empty one', async () => {
    await operator.post(`${BASE}/submit`).send({ version: 0 }).expect(409);
    await pilot.put(`${BASE}/narrative`).send({ version: 0, narrative: { actions: 'x' } }).expect(403);
    const saved = (
      await operator
        .put(`${BASE}/narrative`)
        .send({ version: 0, narrative: { actions: 'Accueil de jour ouvert 251 jours.\n\nMaraudes renforcées en hiver.', outlook: 'Stabiliser l’équipe mobile.' } })
        .expect(200)
    ).body as AnnualReportView;
    expect(saved.narrative).toEqual({ actions: 'Accueil de jour ouvert 251 jours.\n\nMaraudes renforcées en hiver.', difficulties: null, partnerships: null, outlook: 'Stabiliser l’équipe mobile.' });
    expect(saved.narrativeUpdatedBy).toBe('operator sdat');
    // A second save with the old version is refused: nothing is lost silently.
    await operator.put(`${BASE}/narrative`).send({ version: 0, narrative: { actions: 'écrasé' } }).expect(409);
    expect((await state()).narrative.actions).toContain('251 jours');
  });

  it('submits to the pilot; the obligation becomes « remis »; a pilot of another programme cannot act', async () => {
    const view = (await operator.post(`${BASE}/submit`).send({ version: (await state()).version }).expect(200)).body as AnnualReportView;
    expect(view.status).toBe('submitted');
    expect(await reportObligation()).toBe('remis');
    await otherPilot.post(`${BASE}/validate`).send({ version: view.version }).expect(403);
    await funder.post(`${BASE}/validate`).send({ version: view.version }).expect(403);
    await operator.post(`${BASE}/validate`).send({ version: view.version }).expect(403);
  });

  it('is returned by the pilot with a comment, then submitted again', async () => {
    await pilot.post(`${BASE}/return`).send({ version: (await state()).version, comment: '' }).expect(400);
    const returned = (await pilot.post(`${BASE}/return`).send({ version: (await state()).version, comment: 'Préciser les partenariats.' }).expect(200)).body;
    expect(returned).toMatchObject({ status: 'draft', returnComment: 'Préciser les partenariats.' });
    const v = (await state()).version;
    await operator.put(`${BASE}/narrative`).send({ version: v, narrative: { ...returned.narrative, partnerships: 'SIAO, CCAS de Dijon, CHS La Chartreuse.' } }).expect(200);
    await operator.post(`${BASE}/submit`).send({ version: (await state()).version }).expect(200);
  });

  let v1: { pdf: Buffer; sha: string };

  it('validates: the PDF is frozen (same bytes and SHA-256 on every download) and the year is locked', async () => {
    const validated = (await pilot.post(`${BASE}/validate`).send({ version: (await state(pilot)).version }).expect(200)).body as AnnualReportView;
    expect(validated).toMatchObject({ status: 'validated', statusLabel: 'validé', locked: true });
    expect(validated.versions).toHaveLength(1);
    const first = await download(funder, PDF);
    const second = await download(operator, PDF);
    expect(second.pdf.equals(first.pdf)).toBe(true);
    expect(sha256(first.pdf)).toBe(validated.versions[0].sha256);
    expect(first.sha).toBe(validated.versions[0].sha256);
    const text = pdfText(first.pdf);
    expect(text).toMatch(/« validé » le \d{2}\/\d{2}\/\d{4} par pilot ccas-dijon/);
    expect(text).toContain('Maraudes renforcées en hiver.');
    expect(text).toContain('SIAO, CCAS de Dijon, CHS La Chartreuse.');
    expect(text).not.toContain(CHANGELOG_TITLE);
    v1 = { pdf: first.pdf, sha: validated.versions[0].sha256 };
    expect(await reportObligation()).toBe('valide');
    // Locked: the narrative cannot change, nor can the report be submitted again.
    await operator.put(`${BASE}/narrative`).send({ version: validated.version, narrative: { actions: 'modifié' } }).expect(409);
    await operator.post(`${BASE}/submit`).send({ version: validated.version }).expect(409);
  });

  it('is reopened by the pilot with a reason; version 2 carries a changelog page; version 1 stays downloadable', async () => {
    await pilot.post(`${BASE}/reopen`).send({ version: (await state()).version, comment: 'Budget réalisé à corriger' }).expect(200);
    expect((await state()).locked).toBe(false);
    await operator.put(`${BASE}/narrative`).send({ version: (await state()).version, narrative: { actions: 'Version corrigée du bilan.' } }).expect(200);
    await operator.post(`${BASE}/submit`).send({ version: (await state()).version }).expect(200);
    const validated = (await pilot.post(`${BASE}/validate`).send({ version: (await state(pilot)).version }).expect(200)).body as AnnualReportView;
    expect(validated.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(validated.versions[0]).toMatchObject({ reopenReason: 'Budget réalisé à corriger', sha256: v1.sha });
    const current = await download(operator, PDF);
    const text = pdfText(current.pdf);
    expect(text).toContain(CHANGELOG_TITLE);
    expect(text).toContain('Motif de la réouverture : Budget réalisé à corriger');
    expect(text).toContain('Version corrigée du bilan.');
    const old = await download(funder, `${BASE}/versions/1.pdf`);
    expect(old.pdf.equals(v1.pdf)).toBe(true);
    await funder.get(`${BASE}/versions/3.pdf`).expect(404);
  });

  it('audits every transition with who and when', async () => {
    const admin = await signIn(t, 'admin', 'sdat');
    const rows = (await admin.get('/api/admin/audit?limit=200').expect(200)).body as { action: string; objectId: string; actorEmail: string }[];
    const mine = rows.filter((r) => r.objectId === 'acor-centre-ville/2022').map((r) => r.action);
    for (const action of ['report_narrative_saved', 'report_submitted', 'report_returned', 'report_validated', 'report_reopened', 'report_downloaded']) {
      expect(mine).toContain(action);
    }
  });
});
