// A fresh database with the API's schema (its migrations, run by starting the built API once) and
// the generated dataset.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
export async function prepareDatabase({ mode, serverUrl, scale, seed, prefix = 'sdat_bench', reuse = null }) {
  if (reuse) return reuseDatabase({ mode, serverUrl, name: reuse });
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

/** Where a kept database's dataset description is written (`--keep-db`), for `--reuse-db`. */
const keptDatasetFile = (name) => join(tmpdir(), 'sdat-bench-datasets', `${name.replace(/[^\w.-]/g, '_')}.json`);

/** Remembers the dataset of a kept database, so that a later run can measure it again without generating it. */
export function rememberKeptDatabase(prepared) {
  mkdirSync(join(tmpdir(), 'sdat-bench-datasets'), { recursive: true });
  const file = keptDatasetFile(prepared.database.name);
  writeFileSync(file, JSON.stringify(prepared));
  return file;
}

/**
 * A database kept by an earlier run (`--reuse-db=<name>`, server mode): its dataset description is read
 * back and the API is started once so that migrations added since are applied. For iterating on one
 * measure; the results say so (`database.reused`), and earlier imports of the bench are still in it.
 */
async function reuseDatabase({ mode, name }) {
  if (mode !== 'server') throw new Error('--reuse-db : base serveur seulement');
  const file = keptDatasetFile(name);
  if (!existsSync(file)) throw new Error(`--reuse-db=${name} : ${file} introuvable (lancer d'abord avec --keep-db)`);
  const prepared = JSON.parse(readFileSync(file, 'utf8'));
  log(`Base réutilisée : ${name} — migrations éventuelles (démarrage de l'API une fois)…`);
  const api = await startApi(prepared.apiEnv);
  await api.stop();
  prepared.database.reused = true;
  return prepared;
}
