import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The pre-initialised embedded database (docs/performance.md § 7): an empty EMBEDDED_DB_DIR is filled
 * from the build's template instead of running initdb; a directory that holds a database is opened as
 * it is; a template PGlite cannot read is ignored. PGlite does not load inside jest's VM (see
 * global-setup.ts): the scenario runs in a worker thread, from the TypeScript sources through ts-node.
 */
const ROOT = resolve(__dirname, '../../..');
const SOURCE = resolve(__dirname, '../src/database/embedded-postgres.ts');

interface Outcome {
  origins: string[];
  markers: (number | null)[];
}

function scenario(work: string): Promise<Outcome> {
  const code = `
    require('ts-node').register({
      transpileOnly: true,
      project: ${JSON.stringify(join(ROOT, 'tsconfig.base.json'))},
      compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', esModuleInterop: true },
    });
    const { parentPort } = require('node:worker_threads');
    const { writeFileSync } = require('node:fs');
    const { join } = require('node:path');
    const pg = require('pg');
    const { startEmbeddedPostgres } = require(${JSON.stringify(SOURCE)});
    const work = ${JSON.stringify(work)};
    const query = async (db, sql) => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try { return (await client.query(sql)).rows; } finally { await client.end(); }
    };
    const marker = async (db) => {
      const [row] = await query(db, "SELECT to_regclass('marker') IS NOT NULL AS present");
      return row.present ? Number((await query(db, 'SELECT x FROM marker'))[0].x) : null;
    };
    (async () => {
      const origins = [];
      const markers = [];
      const source = await startEmbeddedPostgres(join(work, 'source'), 0, 4, { template: null });
      origins.push(source.origin);
      await query(source, 'CREATE TABLE marker (x int); INSERT INTO marker VALUES (42)');
      const template = join(work, 'template.tar.gz');
      writeFileSync(template, await source.dump());
      await source.stop();
      for (const [dir, file] of [['copy', template], ['copy', template], ['broken', join(work, 'broken.tar.gz')]]) {
        if (dir === 'broken') writeFileSync(file, 'pas une archive');
        const db = await startEmbeddedPostgres(join(work, dir), 0, 4, { template: file });
        origins.push(db.origin);
        markers.push(await marker(db));
        await db.stop();
      }
      parentPort.postMessage({ origins, markers });
    })().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));`;
  return new Promise((ok, fail) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (m: Outcome & { error?: string }) => {
      void worker.terminate();
      if (m.error) fail(new Error(m.error));
      else ok(m);
    });
    worker.once('error', fail);
  });
}

describe('embedded database template', () => {
  it('fills an empty directory from the template, opens an existing one as it is, ignores an unreadable template', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sdat-template-test-'));
    try {
      const outcome = await scenario(work);
      expect(outcome.origins).toEqual(['initdb', 'template', 'existing', 'initdb']);
      // The template's rows are there; the broken template left an ordinary empty database.
      expect(outcome.markers).toEqual([42, 42, null]);
      expect(readFileSync(join(work, 'copy', 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);
});
