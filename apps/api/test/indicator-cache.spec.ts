import type { ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { DataSource } from 'typeorm';
import { IndicatorsService } from '../src/indicators/indicators.service';
import { signIn, signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Computed indicators and scopes are kept in memory under a data version the database raises on
 * every committed write (migration DataVersions). Scenario: what another process writes straight
 * into PostgreSQL is seen on the very next request — a cached result is never stale.
 */
describe('indicator and scope caches follow the data version', () => {
  let t: TestApp;
  let operator: SignedIn;
  let ds: DataSource;
  let service: IndicatorsService;
  const CODE = 'emas';
  const URL = `/api/programmes/${CODE}/indicators?year=2022&basis=actual`;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    operator = await signInOperator(t);
    ds = t.app.get(DataSource);
    service = t.app.get(IndicatorsService);
  });
  afterAll(async () => t?.close());

  const entries = (r: ProgrammeIndicatorsResponse) => r.indicators.find((i) => i.code === 'entries')?.value;
  const versionOf = async (code: string) =>
    Number((await ds.query(`SELECT coalesce(v.version, 0) AS v FROM programme p LEFT JOIN programme_data_version v ON v.programme_id = p.id WHERE p.code = $1`, [code]))[0].v);

  it('answers a second identical request from the cache, with the same body', async () => {
    const first = (await operator.get(URL).expect(200)).body;
    const hits = service.cacheStats().responses.hits;
    const second = (await operator.get(URL).expect(200)).body;
    expect(service.cacheStats().responses.hits).toBe(hits + 1);
    expect(second).toEqual(first);
  });

  it('sends the cached answer as the same JSON, with the JSON content type, for the programme view and the comparison too', async () => {
    for (const path of [URL, `/api/programmes/${CODE}`, '/api/comparisons?agreement=convention-cadre-sdat-2022&years=2022&basis=actual']) {
      const first = await operator.get(path).expect(200);
      const second = await operator.get(path).expect(200);
      expect([path, second.headers['content-type']]).toEqual([path, 'application/json; charset=utf-8']);
      expect(second.text).toBe(first.text);
      expect(JSON.parse(second.text)).toEqual(first.body);
    }
  });

  it('sees an episode written by another process at once (no stale hit), and again when it is removed', async () => {
    const before = entries((await operator.get(URL).expect(200)).body);
    const comparison = '/api/comparisons?agreement=convention-cadre-sdat-2022&years=2022&basis=actual';
    const entriesCompared = async () =>
      (await operator.get(comparison).expect(200)).body.cells.find((c: { programmeCode: string }) => c.programmeCode === CODE).indicators.find((i: { code: string }) => i.code === 'entries').value;
    expect(await entriesCompared()).toBe(before);
    const [episode] = await ds.query(
      `INSERT INTO support_episode (programme_id, participant_key, entry_date, demo)
       SELECT id, 'cache-test', '2022-06-15', true FROM programme WHERE code = $1 RETURNING id`,
      [CODE],
    );
    try {
      expect(entries((await operator.get(URL).expect(200)).body)).toBe((before as number) + 1);
      expect(await entriesCompared()).toBe((before as number) + 1);
    } finally {
      await ds.query('DELETE FROM support_episode WHERE id = $1', [episode.id]);
    }
    expect(entries((await operator.get(URL).expect(200)).body)).toBe(before);
    expect(await entriesCompared()).toBe(before);
  });

  it('every table the indicators read raises the version of its programme, on insert, update and delete', async () => {
    // an UPDATE that changes nothing still runs the statement triggers; rolled back, the data stay as they were
    const tables: [string, string][] = [
      ['budget', 'SELECT id FROM budget WHERE programme_id = $1'],
      ['budget_line', 'SELECT l.id FROM budget_line l JOIN budget b ON b.id = l.budget_id WHERE b.programme_id = $1'],
      ['budget_group', 'SELECT g.id FROM budget_group g JOIN budget b ON b.id = g.budget_id WHERE b.programme_id = $1'],
      ['funding', 'SELECT id FROM funding WHERE programme_id = $1'],
      ['earmark', 'SELECT e.id FROM earmark e JOIN funding f ON f.id = e.funding_id WHERE f.programme_id = $1'],
      ['staff_line', 'SELECT id FROM staff_line WHERE programme_id = $1'],
      ['capacity_target', 'SELECT id FROM capacity_target WHERE programme_id = $1'],
      ['support_episode', 'SELECT id FROM support_episode WHERE programme_id = $1'],
      ['referral', 'SELECT id FROM referral WHERE programme_id = $1'],
      ['monthly_activity', 'SELECT id FROM monthly_activity WHERE programme_id = $1'],
      // what the programme view shows
      ['programme', 'SELECT id FROM programme WHERE id = $1'],
      ['agreement', 'SELECT agreement_id AS id FROM programme WHERE id = $1'],
      ['programme_pilot', 'SELECT id FROM programme_pilot WHERE programme_id = $1'],
      ['indicator_requirement', 'SELECT id FROM indicator_requirement WHERE programme_id = $1'],
      ['obligation_rule', 'SELECT id FROM obligation_rule WHERE programme_id = $1'],
    ];
    const covered: string[] = [];
    for (const code of ['emas', 'acor-dijon-metropole', 'acor-centre-ville']) {
      const [{ id: pid }] = await ds.query('SELECT id FROM programme WHERE code = $1', [code]);
      for (const [table, pick] of tables) {
        if (covered.includes(table)) continue;
        const runner = ds.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          const [row] = await runner.query(`${pick} ORDER BY 1 LIMIT 1`, [pid]);
          if (!row) continue;
          const version = async () => Number((await runner.query('SELECT coalesce((SELECT version FROM programme_data_version WHERE programme_id = $1), 0) AS v', [pid]))[0].v);
          const v0 = await version();
          await runner.query(`UPDATE "${table}" SET id = id WHERE id = $1`, [row.id]);
          const v1 = await version();
          expect([table, v1 > v0]).toEqual([table, true]);
          covered.push(table);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      }
    }
    // the demo and reference data hold rows of each of these tables
    expect(covered.sort()).toEqual(tables.map(([table]) => table).sort());
    // insert and delete were seen above (support_episode); the version never goes back
    const v = await versionOf(CODE);
    await ds.query(`UPDATE organisation SET name = name WHERE code = 'sdat'`);
    expect(await versionOf(CODE)).toBeGreaterThan(v);
  });

  it('a pilot sees a programme as soon as its organisation is linked to it, and loses it when unlinked', async () => {
    const pilot = await signIn(t, 'pilot', 'ccas-dijon');
    const path = `/api/programmes/emas/indicators?year=2022&basis=forecast`;
    await pilot.get(path).expect(403);
    const pilotsOnView = async () => ((await operator.get('/api/programmes/emas').expect(200)).body.pilots as { code: string }[]).map((x) => x.code);
    expect(await pilotsOnView()).not.toContain('ccas-dijon');
    await ds.query(
      `INSERT INTO programme_pilot (programme_id, organisation_id, role)
       SELECT p.id, o.id, 'co_pilot' FROM programme p, organisation o WHERE p.code = 'emas' AND o.code = 'ccas-dijon'`,
    );
    try {
      await pilot.get(path).expect(200);
      // the programme view (cached by data version) lists the new pilot at once
      expect(await pilotsOnView()).toContain('ccas-dijon');
    } finally {
      await ds.query(`DELETE FROM programme_pilot WHERE programme_id = (SELECT id FROM programme WHERE code = 'emas') AND organisation_id = (SELECT id FROM organisation WHERE code = 'ccas-dijon')`);
    }
    await pilot.get(path).expect(403);
    expect(await pilotsOnView()).not.toContain('ccas-dijon');
  });
});
