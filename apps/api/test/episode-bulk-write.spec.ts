import type { EpisodeRow } from '@sdat/imports';
import { DataSource } from 'typeorm';
import { DATASET_STORE } from '../src/imports/dataset-store';
import { episodeBatch, type EpisodeBatchFormat } from '../src/imports/episode-table';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The episodes of an import are written in one statement: COPY into a temporary table then
 * INSERT … SELECT on a PostgreSQL server, INSERT … SELECT … FROM unnest(arrays) on the embedded
 * PGlite (its socket does not speak COPY). Both must store exactly the rows given — texts that
 * need escaping in either format included — replace the year's episodes, update an episode of
 * another year with the same person and entry date (version + 1), and leave nothing on a rollback.
 * A programme-year no other spec touches: ACOR Dijon Métropole, 2031.
 */
const CODE = 'acor-dijon-metropole';
const YEAR = 2031;
const key = (n: number) => n.toString(16).padStart(64, 'c');

const AWKWARD = ['a "quoted" text', 'back\\slash', 'comma, {braces}', 'NULL', '\\N', 'tab\there', 'line\nbreak\r\nend', 'accents éàœ – « »', ''];

function rows(count: number, offset = 0): EpisodeRow[] {
  return Array.from({ length: count }, (_, i) => ({
    participantKey: key(offset + i + 1),
    kind: i % 2 ? 'follow_up' : 'co_evaluation',
    entryDate: `${YEAR}-0${(i % 9) + 1}-1${i % 10}`,
    exitDate: i % 3 === 0 ? null : `${YEAR}-12-2${i % 10}`,
    ageBand: AWKWARD[i % AWKWARD.length] ?? null,
    householdSituation: i % 4 === 0 ? null : 'single',
    referrer: AWKWARD[(i + 3) % AWKWARD.length] ?? null,
    referralDecision: i % 5 === 0 ? null : 'accepted',
    handover: i % 3 === 0 ? null : 'supported_housing',
    leaseTransfer: i % 7 === 0,
    commune: AWKWARD[(i + 5) % AWKWARD.length] ?? null,
  }));
}

const byKey = (list: EpisodeRow[]) => [...list].sort((a, b) => (a.participantKey + a.entryDate < b.participantKey + b.entryDate ? -1 : 1));

describe('episodes written in bulk (COPY on a server, unnest arrays on PGlite)', () => {
  let t: TestApp;
  let ds: DataSource;
  let programmeId: number;
  const formats: EpisodeBatchFormat[] = process.env['TEST_DB_MODE'] === 'server' ? ['copy', 'arrays'] : ['arrays'];
  const write = (list: EpisodeRow[], format: EpisodeBatchFormat, year = YEAR) =>
    ds.transaction((em) => DATASET_STORE.episodes.write(em, { programmeId, year }, episodeBatch(list, format)));
  const read = (year = YEAR) => DATASET_STORE.episodes.read(ds.manager, { programmeId, year });

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    [{ id: programmeId }] = await ds.query('SELECT id FROM programme WHERE code = $1', [CODE]);
  }, 60_000);
  afterAll(async () => {
    await ds.query(`DELETE FROM support_episode WHERE programme_id = $1 AND entry_date >= $2::date`, [programmeId, `${YEAR - 1}-01-01`]);
    await t.close();
  });

  it.each(formats)('%s: stores exactly the rows given, awkward texts and nulls included, and replaces the year', async (format) => {
    await write(rows(500), format);
    expect(byKey(await read())).toEqual(byKey(rows(500)));
    // A second import of the year replaces it (here with fewer, other people).
    await write(rows(30, 10_000), format);
    expect(byKey(await read())).toEqual(byKey(rows(30, 10_000)));
  });

  it.each(formats)('%s: updates the episode of another year with the same person and entry date (version + 1)', async (format) => {
    // Imported with YEAR - 1: closed before YEAR starts, so the import of YEAR does not delete it.
    const earlier: EpisodeRow = { ...(rows(1, 20_000)[0] as EpisodeRow), entryDate: `${YEAR - 1}-06-01`, exitDate: `${YEAR - 1}-11-30` };
    await write([earlier], format, YEAR - 1);
    const [before] = await ds.query(`SELECT id, version FROM support_episode WHERE programme_id = $1 AND participant_key = $2`, [programmeId, earlier.participantKey]);
    // The file of YEAR says the stay went on into YEAR.
    await write([{ ...earlier, exitDate: `${YEAR}-02-15`, commune: 'still "there"' }, ...rows(3, 30_000)], format);
    const [after] = await ds.query(`SELECT id, version, exit_date::text AS exit, commune FROM support_episode WHERE programme_id = $1 AND participant_key = $2`, [
      programmeId,
      earlier.participantKey,
    ]);
    expect(after).toEqual({ id: before.id, version: before.version + 1, exit: `${YEAR}-02-15`, commune: 'still "there"' });
    expect(await read()).toHaveLength(4);
  });

  it.each(formats)('%s: a failure later in the transaction leaves the previous episodes as they were', async (format) => {
    await write(rows(20, 40_000), format);
    const before = await read();
    await expect(
      ds.transaction(async (em) => {
        await DATASET_STORE.episodes.write(em, { programmeId, year: YEAR }, episodeBatch(rows(50, 50_000), format));
        throw new Error('échec après l’écriture');
      }),
    ).rejects.toThrow('échec après l’écriture');
    expect(await read()).toEqual(before);
  });

  it.each(formats)('%s: a row the database refuses fails the whole write, and the pool serves the next one', async (format) => {
    const before = await read();
    const broken = rows(100, 60_000);
    broken[70] = { ...(broken[70] as EpisodeRow), entryDate: `${YEAR}-02-30` };
    await expect(write(broken, format)).rejects.toThrow(/date/);
    expect(await read()).toEqual(before);
    // Every connection of the pool is still usable (4 in tests): as many writes as connections.
    for (let i = 0; i < 5; i++) await write(rows(10, 70_000 + i * 100), format);
    expect(byKey(await read())).toEqual(byKey(rows(10, 70_400)));
  });
});
