import type { ComparisonResponse, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IndicatorsService } from '../src/indicators/indicators.service';
import { signIn, signInOperator } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Scenario: the results of programme-years are kept in PostgreSQL (programme_year_result) under the
 * data version and the code version (engine) that computed them. Another process of the same build
 * reads them instead of recomputing; a write to the programme, or another build, recomputes. To
 * tell a stored result from a computed one, the test writes a marker into the stored row (that
 * table raises no data version): only a read of the store can return it.
 */
describe('programme-year results stored in PostgreSQL', () => {
  const CODE = 'emas';
  const YEAR = 2022;
  const URL = `/api/programmes/${CODE}/indicators?year=${YEAR}&basis=actual`;
  const COMPARISON = `/api/comparisons?agreement=convention-cadre-sdat-2022&years=${YEAR}&basis=actual`;
  const MARKER = 987654;
  const engine = `test-${randomUUID()}`;
  const apps: TestApp[] = [];
  const start = async (resultsEngine: string) => {
    const t = await startTestApp({ DEMO_DATA: 'true' }, { resultsEngine });
    apps.push(t);
    return t;
  };
  // each test closes its apps (the embedded server takes a dozen connections in all)
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
  });

  const entriesOf = (indicators: { code: string; value: unknown }[]) => indicators.find((i) => i.code === 'entries')?.value;
  const cellOf = (body: ComparisonResponse, code: string) => body.cells.find((c) => c.programmeCode === code);
  const stored = async (ds: DataSource) =>
    (
      await ds.query(
        `SELECT r.data_version::text AS version, r.engine, r.indicators, r.figures, r.figures_masked, coalesce(v.version, 0)::text AS current
           FROM programme_year_result r JOIN programme p ON p.id = r.programme_id
           LEFT JOIN programme_data_version v ON v.programme_id = p.id
          WHERE p.code = $1 AND r.year = $2 AND r.basis = 'actual'`,
        [CODE, YEAR],
      )
    )[0];
  /** Runs `check` while one more episode of the programme enters in 2022 (a write: its data version rises), then removes it. */
  const withOneMoreEpisode = async (ds: DataSource, key: string, check: () => Promise<void>) => {
    const [episode] = await ds.query(
      `INSERT INTO support_episode (programme_id, participant_key, entry_date, demo)
       SELECT id, $2, '2022-06-15', true FROM programme WHERE code = $1 RETURNING id`,
      [CODE, key],
    );
    try {
      await check();
    } finally {
      await ds.query('DELETE FROM support_episode WHERE id = $1', [episode.id]);
    }
  };
  /** Sets the value of `entries` in one JSON column of the stored row to the marker. */
  const mark = async (ds: DataSource, column: 'indicators' | 'figures' | 'figures_masked') => {
    const row = await stored(ds);
    const indicators = JSON.parse(row[column]).map((i: { code: string }) => (i.code === 'entries' ? { ...i, value: MARKER } : i));
    await ds.query(
      `UPDATE programme_year_result SET ${column} = $1 WHERE programme_id = (SELECT id FROM programme WHERE code = $2) AND year = $3 AND basis = 'actual'`,
      [JSON.stringify(indicators), CODE, YEAR],
    );
  };

  it('stores what one process computes and another process of the same build reads it back; another build recomputes', async () => {
    const first = await start(engine);
    const ds = first.app.get(DataSource);
    const computed: ProgrammeIndicatorsResponse = (await (await signInOperator(first)).get(URL).expect(200)).body;
    const row = await stored(ds);
    expect([row.version, row.engine]).toEqual([row.current, engine]);
    expect(JSON.parse(row.indicators)).toEqual(computed.indicators);

    await mark(ds, 'indicators');
    const sameBuild = await start(engine);
    expect(entriesOf((await (await signInOperator(sameBuild)).get(URL).expect(200)).body.indicators)).toBe(MARKER);
    const otherBuild = await start(`test-${randomUUID()}`);
    expect(entriesOf((await (await signInOperator(otherBuild)).get(URL).expect(200)).body.indicators)).toBe(entriesOf(computed.indicators));
  });

  it('recomputes after a write to the programme (its data version rises) and stores the new result', async () => {
    const t = await start(engine);
    const ds = t.app.get(DataSource);
    const operator = await signInOperator(t);
    const fresh = entriesOf((await operator.get(URL).expect(200)).body.indicators);
    await mark(ds, 'indicators');
    await withOneMoreEpisode(ds, 'results-test', async () => {
      const again = await start(engine);
      expect(entriesOf((await (await signInOperator(again)).get(URL).expect(200)).body.indicators)).toBe((fresh as number) + 1);
      const row = await stored(ds);
      expect(row.version).toBe(row.current);
      expect(entriesOf(JSON.parse(row.indicators))).toBe((fresh as number) + 1);
    });
  });

  it('a one-year comparison takes the current stored figures (masked ones for a masked reader) and equals one computed from scratch', async () => {
    const t = await start(engine);
    const ds = t.app.get(DataSource);
    // computed from scratch by another build, as the operator and as the préfet's committee (masked)
    const scratch = await start(`test-${randomUUID()}`);
    const fullComputed: ComparisonResponse = (await (await signInOperator(scratch)).get(COMPARISON).expect(200)).body;
    const maskedComputed: ComparisonResponse = (await (await signIn(scratch, 'monitoring_committee', 'etat')).get(COMPARISON).expect(200)).body;

    // every programme-year of the comparison is now stored for `engine` too (computed once by t)
    await (await signInOperator(t)).get(COMPARISON).expect(200);
    await (await signIn(t, 'monitoring_committee', 'etat')).get(COMPARISON).expect(200);
    const reader = await start(engine);
    expect((await (await signInOperator(reader)).get(COMPARISON).expect(200)).body).toEqual(fullComputed);
    expect((await (await signIn(reader, 'monitoring_committee', 'etat')).get(COMPARISON).expect(200)).body).toEqual(maskedComputed);

    // the stored figures are what a new process sends: the marker shows through, in the right column
    await mark(ds, 'figures');
    await mark(ds, 'figures_masked');
    const marked = await start(engine);
    const full: ComparisonResponse = (await (await signInOperator(marked)).get(COMPARISON).expect(200)).body;
    const masked: ComparisonResponse = (await (await signIn(marked, 'monitoring_committee', 'etat')).get(COMPARISON).expect(200)).body;
    expect(entriesOf(cellOf(full, CODE)?.indicators ?? [])).toBe(MARKER);
    expect(entriesOf(cellOf(masked, CODE)?.indicators ?? [])).toBe(MARKER);
    // the other programmes are unchanged
    expect(full.cells.filter((c) => c.programmeCode !== CODE)).toEqual(fullComputed.cells.filter((c) => c.programmeCode !== CODE));
  });

  it('after a write to one programme, the next comparison takes the other cells from memory and recomputes that programme only', async () => {
    const t = await start(`test-${randomUUID()}`); // its own build: nothing marked by the tests above
    const ds = t.app.get(DataSource);
    const service = t.app.get(IndicatorsService);
    const operator = await signInOperator(t);
    const before: ComparisonResponse = (await operator.get(COMPARISON).expect(200)).body;
    const hits = service.cacheStats().cells.hits;
    await withOneMoreEpisode(ds, 'results-cells', async () => {
      const after: ComparisonResponse = (await operator.get(COMPARISON).expect(200)).body;
      expect(service.cacheStats().cells.hits).toBe(hits + before.cells.length - 1);
      expect(entriesOf(cellOf(after, CODE)?.indicators ?? [])).toBe((entriesOf(cellOf(before, CODE)?.indicators ?? []) as number) + 1);
      expect(after.cells.filter((c) => c.programmeCode !== CODE)).toEqual(before.cells.filter((c) => c.programmeCode !== CODE));
    });
  });

  it('compute-results stores every programme-year with data once, and after a write recomputes that programme only', async () => {
    const own = `test-${randomUUID()}`;
    const t = await start(own);
    const ds = t.app.get(DataSource);
    const service = t.app.get(IndicatorsService);
    const first = await service.storeResults(null);
    expect(first.programmeYears).toBeGreaterThan(10);
    expect(first).toEqual({ programmeYears: first.programmeYears, computed: first.programmeYears, alreadyStored: 0 });
    const storedRows = async () =>
      (await ds.query(
        `SELECT p.code, r.year, r.basis, r.data_version::text = coalesce(v.version, 0)::text AS current, r.computed_at::text AS at
           FROM programme_year_result r JOIN programme p ON p.id = r.programme_id LEFT JOIN programme_data_version v ON v.programme_id = p.id
          WHERE r.engine = $1 ORDER BY 1, 2, 3`,
        [own],
      )) as { code: string; year: number; basis: string; current: boolean; at: string }[];
    const before = await storedRows();
    expect(before).toHaveLength(first.programmeYears);
    expect(before.every((r) => r.current)).toBe(true);
    expect(await service.storeResults(null)).toEqual({ programmeYears: first.programmeYears, computed: 0, alreadyStored: first.programmeYears });

    await withOneMoreEpisode(ds, 'results-store', async () => {
      const again = await service.storeResults([YEAR]);
      const emas2022 = before.filter((r) => r.code === CODE && r.year === YEAR);
      expect(again.computed).toBe(emas2022.length);
      const after = await storedRows();
      expect(after.filter((r) => r.year === YEAR).every((r) => r.current)).toBe(true);
      // the others were not recomputed; emas's other years are stale until asked for
      expect(after.filter((r) => r.code !== CODE)).toEqual(before.filter((r) => r.code !== CODE));
      expect(after.filter((r) => r.code === CODE && r.year !== YEAR).every((r) => !r.current)).toBe(true);
    });
  });

  it('answers with the computed result when it cannot be stored (the write is refused), and stores nothing', async () => {
    const own = `test-${randomUUID()}`;
    const t = await start(own);
    const ds = t.app.get(DataSource);
    await ds.query(`CREATE FUNCTION refuse_result() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'écriture refusée (test)'; END $$`);
    await ds.query(`CREATE TRIGGER refuse_result BEFORE INSERT OR UPDATE ON programme_year_result FOR EACH ROW EXECUTE FUNCTION refuse_result()`);
    try {
      const body: ProgrammeIndicatorsResponse = (await (await signInOperator(t)).get(URL).expect(200)).body;
      const fresh = await start(`test-${randomUUID()}`);
      await ds.query('DROP TRIGGER refuse_result ON programme_year_result');
      expect(body.indicators).toEqual((await (await signInOperator(fresh)).get(URL).expect(200)).body.indicators);
      expect((await ds.query('SELECT count(*)::int AS n FROM programme_year_result WHERE engine = $1', [own]))[0].n).toBe(0);
    } finally {
      await ds.query('DROP TRIGGER IF EXISTS refuse_result ON programme_year_result');
      await ds.query('DROP FUNCTION refuse_result()');
    }
  });
});
