import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApp } from './support/app-server';

/** `npm start`, stop, `npm start` again: the data is still there and nothing is loaded twice. */
describe('restart: the database keeps the data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sdat-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the same figures after a restart, without reloading the reference or demo data', async () => {
    const url = '/api/programmes/emas/indicators?year=2022&basis=actual';
    const first = await startBuiltApp({ dataDir });
    const before = await (await fetch(first.url + url)).json();
    const findingsBefore = await (await fetch(first.url + '/api/reconciliation')).json();
    await first.stop();

    const second = await startBuiltApp({ dataDir });
    try {
      const after = await (await fetch(second.url + url)).json();
      expect(after).toEqual(before);
      expect(await (await fetch(second.url + '/api/reconciliation')).json()).toEqual(findingsBefore);
      expect(before.demo).toBe(true);
      if (second.mode === 'embedded') {
        // Same database files: migrations and loads found everything in place.
        expect(second.output()).toContain('Données de référence : à jour');
        expect(second.output()).toContain('Données de démonstration : déjà présentes');
      }
    } finally {
      await second.stop();
    }
  });
});
