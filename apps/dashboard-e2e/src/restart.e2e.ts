import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApp } from './support/app-server';
import { apiGet, apiSessionCookie } from './support/session';

/**
 * `npm start`, stop, `npm start` again: the data is still there and nothing is loaded twice, the
 * demo accounts included (the operator signs in through the API on each run).
 */
describe('restart: the database keeps the data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sdat-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the same figures after a restart, without reloading the reference or demo data', async () => {
    const url = '/api/programmes/emas/indicators?year=2022&basis=actual';
    const first = await startBuiltApp({ dataDir });
    const firstCookie = await apiSessionCookie(first.url, 'operateur@demo.sdat.fr');
    const before = await apiGet<{ demo: boolean }>(first.url, firstCookie, url);
    const findingsBefore = await apiGet<unknown[]>(first.url, firstCookie, '/api/reconciliation');
    await first.stop();

    const second = await startBuiltApp({ dataDir });
    try {
      const secondCookie = await apiSessionCookie(second.url, 'operateur@demo.sdat.fr');
      const after = await apiGet(second.url, secondCookie, url);
      expect(after).toEqual(before);
      expect(await apiGet(second.url, secondCookie, '/api/reconciliation')).toEqual(findingsBefore);
      expect(findingsBefore.length).toBeGreaterThan(0);
      expect(before.demo).toBe(true);
      if (second.mode === 'embedded') {
        // Same database files: migrations and loads found everything in place.
        expect(second.output()).toContain('Données de référence : à jour');
        expect(second.output()).toContain('Données de démonstration : déjà présentes');
        expect(second.output()).not.toContain('Comptes de démonstration :');
      }
    } finally {
      await second.stop();
    }
  });
});
