// A fresh database with the API's schema (its migrations, run by starting the built API once) and
// the generated dataset.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BENCH_PSEUDONYM_SECRET, log, startApi } from './common.mjs';
import { createFreshDatabase, generateDataset, pgliteSink, serverSink } from './dataset.mjs';

/**
 * mode 'server': a new database `sdat_bench_<ts>` on the server of `serverUrl`;
 * mode 'embedded': a new PGlite directory (the API opens it with EMBEDDED_DB_DIR).
 * Returns { database, apiEnv, dataset } where apiEnv starts the API on that database.
 */
export async function prepareDatabase({ mode, serverUrl, scale, seed, prefix = 'sdat_bench' }) {
  let database;
  let apiEnv;
  if (mode === 'server') {
    const db = await createFreshDatabase(serverUrl, prefix);
    database = { mode: 'server', name: db.name, url: db.url, engine: `PostgreSQL ${db.version}` };
    apiEnv = { DATABASE_URL: db.url, DEMO_DATA: 'false', PSEUDONYM_SECRET: BENCH_PSEUDONYM_SECRET };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sdat-bench-pglite-'));
    database = { mode: 'embedded', name: dir, url: null, engine: 'PGlite 0.5.14 (PostgreSQL 17, WebAssembly, in the API process)' };
    apiEnv = { EMBEDDED_DB_DIR: dir, DEMO_DATA: 'false', PSEUDONYM_SECRET: BENCH_PSEUDONYM_SECRET };
  }
  log(`Base ${database.mode} : ${database.name} — migrations (démarrage de l'API une fois)…`);
  const api = await startApi(apiEnv);
  await api.stop();

  log(`Génération du jeu de données (échelle ${scale})…`);
  let dataset;
  if (mode === 'server') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      dataset = await generateDataset(serverSink(client), { scale, seed });
    } finally {
      await client.end();
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(database.name);
    try {
      const [{ server_version: v }] = (await db.query('SHOW server_version')).rows;
      database.engine = `PGlite (PostgreSQL ${v}, WebAssembly, in the API process)`;
      dataset = await generateDataset(pgliteSink(db), { scale, seed });
      await db.query('CHECKPOINT');
    } finally {
      await db.close();
    }
  }
  if (mode === 'server') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    database.sizeMB = Math.round(Number((await client.query('SELECT pg_database_size(current_database()) AS s')).rows[0].s) / 1048576);
    await client.end();
  }
  return { database, apiEnv, dataset };
}
