import type { EditableBudgetLineView, EditableEpisodesPage, EditableRowsPage, EditableStaffLineView, ImportJobView } from '@sdat/api-types';
import { datasetSpec, type DatasetKey } from '@sdat/imports';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { csvFile, episodes, type Cells } from './support/import-files';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The rows the dashboard corrects one at a time (GET …/budget-lines, …/staff-lines, …/episodes with
 * their id and version, paged), and imports started with async=true (202, then GET /api/import-jobs/:id).
 * ACOR Dijon Métropole, 2025: a year no other spec touches.
 */
const CODE = 'acor-dijon-metropole';
const YEAR = 2025;

async function waitForJob(client: SignedIn, id: string): Promise<ImportJobView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await client.get(`/api/import-jobs/${id}`).expect(200)).body as ImportJobView;
    if (job.phase === 'done' || job.phase === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`Import ${id} toujours en cours : ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('correction rows and async imports', () => {
  let t: TestApp;
  let ds: DataSource;
  let operator: SignedIn;

  const upload = (dataset: DatasetKey, rows: Cells[], async = false) =>
    operator.post(`/api/programmes/${CODE}/imports/${dataset}?year=${YEAR}${async ? '&async=true' : ''}`).attach('file', csvFile(dataset, rows), `${dataset}.csv`);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '1000' });
    ds = t.app.get(DataSource);
    operator = await signIn(t, 'operator', 'sdat');
    await upload('budget', datasetSpec('budget').examples.map((e) => ({ ...e }))).expect(200);
    await upload('staff', datasetSpec('staff').examples.map((e) => ({ ...e }))).expect(200);
    await upload('episodes', episodes(YEAR, 60, 'COR')).expect(200);
  }, 60_000);
  afterAll(async () => {
    // The test database is shared with other specs: remove what this spec imported.
    const [programme] = await ds.query('SELECT id FROM programme WHERE code = $1', [CODE]);
    await ds.query(`DELETE FROM support_episode WHERE programme_id = $1 AND NOT demo`, [programme.id]);
    await ds.query(`DELETE FROM budget WHERE programme_id = $1 AND year = $2 AND source = 'import'`, [programme.id, YEAR]);
    await ds.query(`DELETE FROM staff_line WHERE programme_id = $1 AND year = $2 AND source = 'import'`, [programme.id, YEAR]);
    await ds.query(`DELETE FROM monthly_activity WHERE programme_id = $1 AND NOT demo`, [programme.id]);
    await ds.query('DELETE FROM import_version WHERE programme_id = $1 AND year = $2', [programme.id, YEAR]);
    await t.close();
  });

  it('lists the actual budget lines of the year with id and version; a correction bumps the version, a stale one gets 409', async () => {
    const page = (await operator.get(`/api/programmes/${CODE}/budget-lines?year=${YEAR}`).expect(200)).body as EditableRowsPage<EditableBudgetLineView>;
    expect(page).toMatchObject({ programmeCode: CODE, year: YEAR, total: 3, offset: 0, limit: 50 });
    expect(page.rows.map((r) => [r.accountCode, r.label, r.amountCents, r.side])).toEqual([
      ['606120', 'Eau, électricité, chauffage', 423_018, 'expenses'],
      [null, 'Charges de personnel (sans détail)', 48_917_400, 'expenses'],
      ['741000', 'Subvention Ville de Dijon', 38_247_400, 'income'],
    ]);
    const line = page.rows[0];
    const [stored] = await ds.query('SELECT id::text, version FROM budget_line WHERE id = $1', [line.id]);
    expect({ id: line.id, version: line.version }).toEqual(stored);

    await operator.patch(`/api/programmes/${CODE}/budget-lines/${line.id}`).send({ version: line.version, amountCents: 500_012 }).expect(200);
    const after = (await operator.get(`/api/programmes/${CODE}/budget-lines?year=${YEAR}`).expect(200)).body as EditableRowsPage<EditableBudgetLineView>;
    expect(after.rows[0]).toMatchObject({ id: line.id, version: line.version + 1, amountCents: 500_012 });
    const stale = await operator.patch(`/api/programmes/${CODE}/budget-lines/${line.id}`).send({ version: line.version, amountCents: 1 }).expect(409);
    expect(stale.body.message).toMatch(/entre-temps/);
  });

  it('lists the actual staff lines of the year', async () => {
    const page = (await operator.get(`/api/programmes/${CODE}/staff-lines?year=${YEAR}`).expect(200)).body as EditableRowsPage<EditableStaffLineView>;
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.jobTitle, r.quantity, r.unit, r.posts])).toEqual([
      ['Chef de service', 1, 'fte', 1],
      ['Éducateur spécialisé', 2.5, 'fte', 3],
    ]);
    expect(page.rows.every((r) => /^\d+$/.test(r.id) && r.version >= 1)).toBe(true);
  });

  it('pages the episodes active during the year in entry-date order, with a short pseudonymous key and the hand-over choices', async () => {
    const expected: { id: string }[] = await ds.query(
      `SELECT e.id::text FROM support_episode e JOIN programme p ON p.id = e.programme_id
        WHERE p.code = $1 AND e.entry_date <= $3::date AND (e.exit_date IS NULL OR e.exit_date >= $2::date) ORDER BY e.entry_date, e.id`,
      [CODE, `${YEAR}-01-01`, `${YEAR}-12-31`],
    );
    expect(expected.length).toBeGreaterThanOrEqual(60);
    const page = (await operator.get(`/api/programmes/${CODE}/episodes?year=${YEAR}&offset=50&limit=25`).expect(200)).body as EditableEpisodesPage;
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(50, 75).map((r) => r.id));
    const imported = page.rows.find((r) => !r.demo);
    expect(imported?.keyPrefix).toMatch(/^[0-9a-f]{8}$/);
    expect(imported?.kindLabel).toBe('Suivi');
    expect(page.handovers).toEqual(expect.arrayContaining([{ code: 'siao', label: 'SIAO' }]));
    expect(JSON.stringify(page)).not.toContain('COR-2025');
  });

  it('refuses a limit above 200 and a negative offset with French messages', async () => {
    const res = await operator.get(`/api/programmes/${CODE}/episodes?year=${YEAR}&limit=500&offset=-1`).expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining(['le rang de départ (offset) ne peut être négatif', 'le nombre de lignes (limit) doit être compris entre 1 et 200']),
    );
  });

  it('opens the lists to the operators of the programme only', async () => {
    const pilot = await signIn(t, 'pilot', 'dijon-metropole');
    const otherOperator = await signIn(t, 'operator', 'acodege');
    for (const list of ['budget-lines', 'staff-lines', 'episodes']) {
      const url = `/api/programmes/${CODE}/${list}?year=${YEAR}`;
      expect([url, (await pilot.get(url)).status]).toEqual([url, 403]);
      expect([url, (await otherOperator.get(url)).status]).toEqual([url, 403]);
      expect([url, (await request(t.app.getHttpServer()).get(url)).status]).toEqual([url, 401]);
      const unknown = `/api/programmes/dispositif-inexistant/${list}?year=${YEAR}`;
      expect([unknown, (await operator.get(unknown)).status]).toEqual([unknown, 404]);
    }
  });

  it('async import: 202 with a job id, then the job shows the rows validated and written and the outcome', async () => {
    const months: Cells[] = Array.from({ length: 12 }, (_, i) => ({ month: `${String(i + 1).padStart(2, '0')}/${YEAR}`, openingDays: '20', waitingListEnd: String(i) }));
    const res = await upload('monthly_activity', months, true).expect(202);
    const started = res.body as ImportJobView;
    expect(started.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['queued', 'validation', 'writing', 'done']).toContain(started.phase);
    const job = await waitForJob(operator, started.id);
    expect(job).toMatchObject({ phase: 'done', rowsValidated: 12, rowsWritten: 12, result: { status: 'imported', rows: 12, dataset: 'monthly_activity', year: YEAR } });
    // Another user cannot follow it.
    const pilot = await signIn(t, 'pilot', 'dijon-metropole');
    await pilot.get(`/api/import-jobs/${started.id}`).expect(403);
    const otherOperator = await signIn(t, 'operator', 'acodege');
    await otherOperator.get(`/api/import-jobs/${started.id}`).expect(404);
  });

  it('async import of a wrong file: the job fails with the 422 body (every error), nothing written', async () => {
    const rows: Cells[] = [{ month: `13/${YEAR}` }, { month: `02/${YEAR}`, openingDays: '31' }];
    const started = (await upload('monthly_activity', rows, true).expect(202)).body as ImportJobView;
    const job = await waitForJob(operator, started.id);
    expect(job.phase).toBe('failed');
    expect(job.rowsWritten).toBe(0);
    expect(job.result).toMatchObject({ statusCode: 422, errorCount: 2, message: "Le fichier contient 2 erreurs : rien n'a été importé." });
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM monthly_activity m JOIN programme p ON p.id = m.programme_id WHERE p.code = $1 AND m.month BETWEEN $2::date AND $3::date AND m.opening_days = 31`,
      [CODE, `${YEAR}-01-01`, `${YEAR}-12-31`],
    );
    expect(n).toBe(0);
  });
});
