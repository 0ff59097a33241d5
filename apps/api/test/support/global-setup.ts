/**
 * Starts the database the integration tests use, once, in plain Node (PGlite cannot load inside a
 * jest VM): the server named by TEST_DATABASE_URL (or DATABASE_URL) when set, otherwise an embedded
 * PostgreSQL in a fresh temporary directory. Migrations run when the app boots in each spec.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export default async function globalSetup() {
  const server = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (server) {
    process.env['TEST_DB_URL'] = server;
    process.env['TEST_DB_MODE'] = 'server';
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sdat-test-db-'));
    const embedded = await startEmbeddedPostgres(dir, 0, 12);
    (globalThis as Record<string, unknown>)['__SDAT_EMBEDDED__'] = embedded;
    process.env['TEST_DB_URL'] = embedded.url;
    process.env['TEST_DB_MODE'] = 'embedded';
  }
  process.stdout.write(`\n[api tests] base de données : ${process.env['TEST_DB_MODE']} (${process.env['TEST_DB_URL']})\n`);
}
