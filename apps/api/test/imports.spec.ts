import { gunzipSync } from 'node:zlib';
import { datasetSpec } from '@sdat/imports';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { csvFile, episodes, xlsxFile, type Cells } from './support/import-files';
import { binary } from './support/pdf';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Operators load a year (EMAS, 2024 — a year no other spec touches): real XLSX files built from the
 * platform's own template with exceljs, and CSV files as a spreadsheet saves them.
 */
const CODE = 'emas';
const YEAR = 2024;
const url = (dataset: string, year = YEAR) => `/api/programmes/${CODE}/imports/${dataset}?year=${year}`;

describe('imports: validated, transactional, idempotent, versioned', () => {
  let t: TestApp;
  let ds: DataSource;
  let operator: SignedIn;

  const episodeCount = async () =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM support_episode e JOIN programme p ON p.id = e.programme_id WHERE p.code = $1 AND e.entry_date <= $3::date AND (e.exit_date IS NULL OR e.exit_date >= $2::date)`,
        [CODE, `${YEAR}-01-01`, `${YEAR}-12-31`],
      )
    )[0].n as number;
  const tableCounts = async () =>
    (await ds.query(`SELECT (SELECT count(*) FROM support_episode) + (SELECT count(*) FROM budget_line) + (SELECT count(*) FROM funding)
                         + (SELECT count(*) FROM staff_line) + (SELECT count(*) FROM monthly_activity) + (SELECT count(*) FROM import_version) AS n`))[0].n as string;
  const upload = (dataset: string, bytes: Buffer, name: string) => operator.post(url(dataset)).attach('file', bytes, name);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '1000' });
    ds = t.app.get(DataSource);
    operator = await signIn(t, 'operator', 'sdat');
  }, 60_000);
  afterAll(async () => {
    // The test database is shared with other specs: remove what this spec imported.
    await ds.query(`DELETE FROM support_episode WHERE NOT demo`);
    for (const table of ['budget', 'funding', 'staff_line']) await ds.query(`DELETE FROM ${table} WHERE source = 'import'`);
    await ds.query(`DELETE FROM monthly_activity WHERE NOT demo`);
    await ds.query('DELETE FROM import_version');
    await ds.query(`DELETE FROM annual_report WHERE programme_id = (SELECT id FROM programme WHERE code = $1)`, [CODE]);
    await t.close();
  });

  it('imports a valid XLSX file of 40 episodes in one version, and never stores the identifiers', async () => {
    const rows = episodes(YEAR, 40);
    const res = await upload('episodes', await xlsxFile('episodes', CODE, YEAR, rows), 'accompagnements-2024.xlsx').expect(200);
    expect(res.body).toMatchObject({ status: 'imported', rows: 40, version: 1, format: 'xlsx' });
    expect(await episodeCount()).toBe(40);
    const keys: { participant_key: string }[] = await ds.query(`SELECT participant_key FROM support_episode e JOIN programme p ON p.id = e.programme_id WHERE p.code = $1`, [CODE]);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.participant_key))).toBe(true);
    // The version keeps its normalised rows, gzip-compressed: pseudonymous keys only.
    const versions: { rows_gzip: Buffer; row_count: number }[] = await ds.query('SELECT * FROM import_version');
    const kept = versions.map((v) => gunzipSync(v.rows_gzip).toString('utf8'));
    expect(JSON.parse(kept[0] as string)).toHaveLength(40);
    expect(JSON.parse(kept[0] as string)[0]).toMatchObject({ participantKey: expect.stringMatching(/^[0-9a-f]{64}$/), kind: 'follow_up', entryDate: '2024-03-01' });
    const dump = JSON.stringify(versions) + kept.join('') + JSON.stringify(await ds.query('SELECT details FROM audit_log'));
    expect(dump).not.toContain('DOS-2024-0001');
    // The indicators see the new year: 40 entries in 2024.
    const indicators = (await operator.get(`/api/programmes/${CODE}/indicators?year=${YEAR}&basis=actual`).expect(200)).body;
    expect(indicators.indicators.find((i: { code: string }) => i.code === 'entries').value).toBe(40);
  });

  it('re-importing the same data (here as CSV) changes nothing', async () => {
    const before = await ds.query(`SELECT id FROM support_episode ORDER BY id`);
    const res = await upload('episodes', csvFile('episodes', episodes(YEAR, 40)), 'accompagnements-2024.csv').expect(200);
    expect(res.body).toMatchObject({ status: 'unchanged', version: 1, format: 'csv' });
    expect(await ds.query(`SELECT id FROM support_episode ORDER BY id`)).toEqual(before);
  });

  it('returns exactly the 3 planted errors with sheet, row and column, and writes nothing', async () => {
    const rows = episodes(YEAR, 10, 'ERR');
    rows[1] = { ...rows[1], entryDate: '31/02/2024' }; // spreadsheet row 3: no such date
    rows[3] = { ...rows[3], ageBand: 'deux cents ans' }; // row 5: not in the list
    rows[5] = { ...rows[5], entryDate: '20/10/2024', exitDate: '01/10/2024' }; // row 7: exit before entry
    const before = await tableCounts();
    const res = await upload('episodes', await xlsxFile('episodes', CODE, YEAR, rows), 'erreurs.xlsx').expect(422);
    expect(res.body.errorCount).toBe(3);
    expect(res.body.message).toBe("Le fichier contient 3 erreurs : rien n'a été importé.");
    const errors = res.body.errors as { sheet: string; row: number; column: string; value: string; message: string }[];
    expect(errors.map((e) => [e.sheet, e.row])).toEqual([
      ['Accompagnements', 3],
      ['Accompagnements', 5],
      ['Accompagnements', 7],
    ]);
    expect(errors[0].column).toMatch(/^Date d'entrée \([A-Z]+\)$/);
    expect(errors[1].column).toMatch(/^Tranche d'âge/);
    expect(errors[1].value).toBe('deux cents ans');
    expect(errors.every((e) => e.message.length > 10)).toBe(true);
    expect(await tableCounts()).toBe(before);
  });

  it('refuses a file with a name or birth-date column, citing pseudonymisation, and writes nothing', async () => {
    const before = await tableCounts();
    const res = await upload('episodes', await xlsxFile('episodes', CODE, YEAR, episodes(YEAR, 3), ['Nom', 'Date de naissance']), 'noms.xlsx');
    expect([400, 422]).toContain(res.status);
    expect(JSON.stringify(res.body)).toMatch(/pseudonym/i);
    expect(JSON.stringify(res.body)).toMatch(/Nom/);
    expect(await tableCounts()).toBe(before);
  });

  it('a corrected file replaces the dataset, keeps version 1 in history and writes an audit row', async () => {
    const rows = episodes(YEAR, 42);
    const res = await upload('episodes', await xlsxFile('episodes', CODE, YEAR, rows), 'accompagnements-2024-v2.xlsx').expect(200);
    expect(res.body).toMatchObject({ status: 'imported', version: 2, rows: 42 });
    expect(await episodeCount()).toBe(42);
    const history = (await operator.get(`/api/programmes/${CODE}/imports?year=${YEAR}`).expect(200)).body as { dataset: string; number: number; current: boolean; rowCount: number }[];
    expect(history.filter((h) => h.dataset === 'episodes').map((h) => [h.number, h.current, h.rowCount])).toEqual([
      [2, true, 42],
      [1, false, 40],
    ]);
    const [audit] = await ds.query(`SELECT details FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1`);
    expect(audit.details).toMatchObject({ version: 2, replacedVersion: 1, rows: 42 });
    // Both versions keep their own rows.
    const kept: { number: number; rows_gzip: Buffer }[] = await ds.query(`SELECT number, rows_gzip FROM import_version WHERE dataset = 'episodes' ORDER BY number`);
    expect(kept.map((v) => [v.number, JSON.parse(gunzipSync(v.rows_gzip).toString('utf8')).length])).toEqual([
      [1, 40],
      [2, 42],
    ]);
  });

  it('exports every dataset in the template layout, and the export re-imports unchanged', async () => {
    const budget: Cells[] = datasetSpec('budget').examples.map((e) => ({ ...e }));
    await upload('budget', csvFile('budget', budget), 'budget.csv').expect(200);
    for (const dataset of ['episodes', 'budget']) {
      const exported = (await operator.get(`/api/programmes/${CODE}/exports/${dataset}?year=${YEAR}`).buffer(true).parse(binary).expect(200)).body as Buffer;
      const again = await upload(dataset, exported, `${dataset}-export.xlsx`).expect(200);
      expect([dataset, again.body.status]).toEqual([dataset, 'unchanged']);
    }
  });

  it('imports the actual budget: the API total equals the sum of the imported lines', async () => {
    const budget = datasetSpec('budget').examples;
    const expenses = budget
      .filter((r) => /^6/.test(r['accountCode'] || r['groupCode'] || ''))
      .reduce((sum, r) => sum + Math.round(Number((r['amountCents'] ?? '0').replace(/\s/g, '').replace(',', '.')) * 100), 0);
    const view = (await operator.get(`/api/programmes/${CODE}/budgets?year=${YEAR}&basis=actual`).expect(200)).body;
    const total = view.groups.filter((g: { side: string }) => g.side === 'expenses').reduce((s: number, g: { subtotal: { computedCents: number } }) => s + g.subtotal.computedCents, 0);
    expect(total).toBe(expenses);
  });

  it('two concurrent corrections of the same budget line: exactly one succeeds, the other gets 409', async () => {
    const [line] = await ds.query(
      `SELECT l.id::text, l.version FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id
        WHERE p.code = $1 AND b.year = $2 AND b.basis = 'actual' AND l.account_code = '606120'`,
      [CODE, YEAR],
    );
    const edit = (amountCents: number) => operator.patch(`/api/programmes/${CODE}/budget-lines/${line.id}`).send({ version: line.version, amountCents });
    const [a, b] = await Promise.all([edit(500_000), edit(600_000)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 500_000 : 600_000;
    const [after] = await ds.query('SELECT amount_cents::int AS amount, version FROM budget_line WHERE id = $1', [line.id]);
    expect(after).toEqual({ amount: winner, version: line.version + 1 });
    const loser = a.status === 409 ? a : b;
    expect([loser.body.reason, loser.body.message]).toEqual(['stale_version', expect.stringMatching(/a changé entre-temps/)]);
    const [audit] = await ds.query(`SELECT details FROM audit_log WHERE action = 'row_edited' AND object_id = $1`, [line.id]);
    expect(audit.details.before.amount_cents).toBe('423018');
  });

  it('refuses a pilot (403) and a locked year (409, nothing written)', async () => {
    const pilot = await signIn(t, 'pilot', 'dijon-metropole');
    await pilot.post(url('episodes')).attach('file', csvFile('episodes', episodes(YEAR, 2)), 'x.csv').expect(403);
    // a pilot exports the budget, not the episode-level rows nor the monthly counts of people (route policy, audited)
    await pilot.get(`/api/programmes/${CODE}/exports/staff?year=${YEAR}`).expect(200);
    for (const dataset of ['episodes', 'monthly_activity']) {
      const refused = await pilot.get(`/api/programmes/${CODE}/exports/${dataset}?year=${YEAR}`).expect(403);
      expect(refused.body.message).toMatch(/exportables que par l'opérateur/);
    }
    const [denied] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'authorization_denied' AND object_id = 'monthly_activity' AND actor_email = $1`,
      [pilot.email],
    );
    expect(denied.n).toBeGreaterThan(0);
    const [programme] = await ds.query('SELECT id FROM programme WHERE code = $1', [CODE]);
    await ds.query(`INSERT INTO annual_report (programme_id, year, status) VALUES ($1, 2019, 'validated')`, [programme.id]);
    const before = await tableCounts();
    const res = await operator.post(url('monthly_activity', 2019)).attach('file', csvFile('monthly_activity', datasetSpec('monthly_activity').examples.map((e) => ({ ...e }))), 'mois.csv').expect(409);
    expect([res.body.reason, res.body.message]).toEqual(['year_locked', expect.stringMatching(/verrouillées/)]);
    expect(await tableCounts()).toBe(before);
    // A correction of a row of the locked year is refused too.
    const [episode] = await ds.query(`SELECT id::text, version FROM support_episode WHERE programme_id = $1 AND entry_date >= '2024-01-01' LIMIT 1`, [programme.id]);
    await ds.query(`UPDATE annual_report SET status = 'validated' WHERE programme_id = $1 AND year = 2019`, [programme.id]);
    await ds.query(`INSERT INTO annual_report (programme_id, year, status) VALUES ($1, ${YEAR}, 'validated')`, [programme.id]);
    await operator.patch(`/api/programmes/${CODE}/episodes/${episode.id}`).send({ version: episode.version, leaseTransfer: true }).expect(409);
    await upload('episodes', csvFile('episodes', episodes(YEAR, 3)), 'x.csv').expect(409);
    await ds.query(`DELETE FROM annual_report WHERE programme_id = $1 AND year = ${YEAR}`, [programme.id]);
  });

  it('answers 400 to a file that is not a spreadsheet and 413 to a file above 20 MB', async () => {
    await upload('episodes', Buffer.from('PK\u0003\u0004 pas vraiment un zip'), 'faux.xlsx').expect(400);
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const res = await upload('episodes', big, 'enorme.csv').expect(413);
    expect(res.body.message).toBe('Le fichier dépasse la taille autorisée (20 Mo).');
  });

  it('never answers 5xx nor writes part of a malformed file (property)', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '31/13/2024', '=1+1', '-3', 'Suivi', '01/03/2024', 'Oui', '12,5'));
    const headers = datasetSpec('episodes').columns.map((c) => c.key);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { minLength: 1, maxLength: 6 }), async (matrix) => {
        const rows = matrix.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]])));
        const before = await tableCounts();
        const res = await upload('episodes', csvFile('episodes', rows), 'genere.csv');
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200) expect(await tableCounts()).toBe(before);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
