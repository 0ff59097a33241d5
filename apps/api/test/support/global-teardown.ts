import type { EmbeddedPostgres } from '../../src/database/embedded-postgres';

export default async function globalTeardown() {
  const embedded = (globalThis as Record<string, unknown>)['__SDAT_EMBEDDED__'] as EmbeddedPostgres | undefined;
  await embedded?.stop();
}
