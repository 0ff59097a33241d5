import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { ImportRejectedError } from '@sdat/imports';
import type { PrepareRequest } from '../src/imports/import-prepare';
import { bundledImportWorker, IMPORT_WORKER_BUNDLE, ImportPreparer } from '../src/imports/import-preparer';
import { csvFile, episodes } from './support/import-files';
import { maxEventLoopGap, workerFromSources } from './support/worker-threads';

/**
 * The import worker thread. The built app runs dist/apps/api/import-worker.js (an extra webpack
 * entry); here the same entry runs from its TypeScript sources through ts-node, so the protocol,
 * the transfer of the prepared rows, the error handling and the non-blocking of the event loop
 * are tested without a build. No database: the worker only reads files.
 */
const WORKER_SOURCE = resolve(__dirname, '../src/imports/import-worker.ts');

const launchFromSources = (): Worker => workerFromSources(WORKER_SOURCE);

const request = (bytes: Uint8Array, overrides: Partial<PrepareRequest> = {}): PrepareRequest => ({
  dataset: 'episodes',
  fileName: 'accompagnements.csv',
  bytes,
  year: 2024,
  agreementPeriod: { start: '2022-01-01', end: '2025-12-31' },
  programmeCode: 'emas',
  pseudonymSecret: 'secret-de-test-du-worker-des-imports-0001',
  episodeFormat: 'copy',
  ...overrides,
});

describe('import worker thread', () => {
  const preparers: ImportPreparer[] = [];
  const preparer = (options: ConstructorParameters<typeof ImportPreparer>[0]) => {
    const p = new ImportPreparer(options);
    preparers.push(p);
    return p;
  };
  let worker: ImportPreparer;

  beforeAll(() => {
    worker = preparer({ launchWorker: launchFromSources });
  });
  afterAll(async () => {
    await Promise.all(preparers.map((p) => p.close()));
  });

  it('finds the worker bundle next to the code only when it exists (else the API reads files in-process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdat-import-worker-'));
    try {
      expect(bundledImportWorker(dir)).toBeNull();
      writeFileSync(join(dir, IMPORT_WORKER_BUNDLE), '');
      expect(bundledImportWorker(dir)).toBe(join(dir, IMPORT_WORKER_BUNDLE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Under ts-jest the sources run: no bundle beside them, so the API prepares in-process.
    expect(preparer({}).mode).toBe('in-process');
  });

  it('gives the same result as in-process: hash, COPY text or arrays, compressed rows', async () => {
    const logs: string[] = [];
    const inProcess = preparer({ launchWorker: null, log: (level, message) => logs.push(`${level}: ${message}`) });
    const bytes = csvFile('episodes', episodes(2024, 2_000));
    for (const episodeFormat of ['copy', 'arrays'] as const) {
      const a = await worker.prepare(request(bytes, { episodeFormat }));
      const b = await inProcess.prepare(request(bytes, { episodeFormat }));
      expect([a.mode, b.mode]).toEqual(['worker', 'in-process']);
      expect(a.prepared.errors).toEqual([]);
      expect({ ...a.prepared, timingsMs: null }).toEqual({ ...b.prepared, timingsMs: null });
      expect(a.prepared).toMatchObject({ rowCount: 2_000, rows: null, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(a.prepared.episodes?.format).toBe(episodeFormat);
      const [gzA, gzB] = await Promise.all([a.archive, b.archive]);
      const kept = JSON.parse(gunzipSync(gzA as Uint8Array).toString('utf8'));
      expect(kept).toEqual(JSON.parse(gunzipSync(gzB as Uint8Array).toString('utf8')));
      expect(kept).toHaveLength(2_000);
      expect(JSON.stringify(kept)).not.toContain('DOS-2024-');
    }
    const copy = (await worker.prepare(request(bytes))).prepared.episodes;
    if (copy?.format !== 'copy') throw new Error('COPY attendu');
    const lines = Buffer.from(copy.copyText).toString('utf8').split('\n');
    expect(lines).toHaveLength(2_001); // one line per row, then the final line break
    expect(lines[0]?.split('\t')).toHaveLength(11);
    expect(logs).toEqual([expect.stringMatching(/^warn: Fichier import-worker\.js introuvable .* lus dans le processus principal\.$/)]);
  });

  it('returns the rows themselves for the other datasets', async () => {
    const text = ['Compte;Libellé;Montant (€)', '606120;Eau;4 230,18', '641100;Salaires;312000', ''].join('\r\n');
    const { prepared, archive } = await worker.prepare(request(Buffer.from(text, 'utf8'), { dataset: 'budget', fileName: 'budget.csv' }));
    expect(prepared.errors).toEqual([]);
    expect(prepared.episodes).toBeNull();
    expect(prepared.rows).toEqual([
      expect.objectContaining({ accountCode: '606120', amountCents: 423018 }),
      expect.objectContaining({ accountCode: '641100', amountCents: 31200000 }),
    ]);
    expect(JSON.parse(gunzipSync((await archive) as Uint8Array).toString('utf8'))).toEqual(prepared.rows);
  });

  it('reports row errors (no rows, no archive) and refuses a whole file with the parser’s 400/413', async () => {
    const rows = episodes(2024, 10, 'ERR');
    rows[3] = { ...rows[3], entryDate: '31/02/2024' };
    const invalid = await worker.prepare(request(csvFile('episodes', rows)));
    expect(invalid.prepared).toMatchObject({ errorCount: 1, rowCount: 9, rows: null, episodes: null });
    expect(invalid.prepared.errors[0]).toMatchObject({ row: 5, column: "Date d'entrée (D)" });
    expect(invalid.archive).toBeNull();

    const pdf = worker.prepare(request(Buffer.from('%PDF-1.7 pas un tableur'), { fileName: 'bilan.pdf' }));
    await expect(pdf).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(pdf).rejects.toMatchObject({ status: 400, code: 'unsupported_format', message: expect.stringMatching(/PDF/) });
  });

  it('reads a large file without blocking the event loop (in-process reading does)', async () => {
    const bytes = csvFile('episodes', episodes(2024, 30_000));
    const inProcess = preparer({ launchWorker: null });
    await worker.prepare(request(bytes)); // warm-up (compiles the worker's sources)
    await inProcess.prepare(request(bytes));
    let workerMs = 0;
    let inProcessMs = 0;
    const workerGap = await maxEventLoopGap(async () => {
      const file = await worker.prepare(request(bytes));
      await file.archive;
      workerMs = file.prepared.timingsMs.parse + file.prepared.timingsMs.batch;
    });
    const inProcessGap = await maxEventLoopGap(async () => {
      const file = await inProcess.prepare(request(bytes));
      await file.archive;
      inProcessMs = file.prepared.timingsMs.parse + file.prepared.timingsMs.batch;
    });
    process.stdout.write(
      `[lecture de 30 000 accompagnements] worker : ${workerMs} ms, boucle d'événements bloquée au plus ${Math.round(workerGap)} ms ; ` +
        `processus principal : ${inProcessMs} ms, bloquée ${Math.round(inProcessGap)} ms\n`,
    );
    expect(workerGap).toBeLessThan(inProcessGap);
    expect(workerGap).toBeLessThan(Math.max(150, inProcessGap / 2));
  });

  it('reads concurrent files one after the other in the same worker; restarts a worker that died', async () => {
    const files = [10, 20, 30].map((n) => csvFile('episodes', episodes(2024, n)));
    const results = await Promise.all(files.map((bytes) => worker.prepare(request(bytes))));
    expect(results.map((r) => [r.mode, r.prepared.rowCount])).toEqual([
      ['worker', 10],
      ['worker', 20],
      ['worker', 30],
    ]);
    await Promise.all(results.map((r) => r.archive));

    let launches = 0;
    const dying = preparer({
      launchWorker: () => {
        launches += 1;
        return launches === 1 ? new Worker('process.exit(3)', { eval: true }) : launchFromSources();
      },
    });
    await expect(dying.prepare(request(files[0] as Buffer))).rejects.toThrow("Le worker des imports s'est arrêté (code 3).");
    expect((await dying.prepare(request(files[0] as Buffer))).mode).toBe('worker');
    expect(launches).toBe(2);
  });

  it('refuses a file still unread after the time allowed (413), fails the others in flight and restarts the worker', async () => {
    let launches = 0;
    const silent = `require('node:worker_threads').parentPort.on('message', () => undefined);`;
    // Then a worker that answers at once (an empty result: no archive to wait for).
    const quick = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', ({ id }) => parentPort.postMessage({ id, kind: 'prepared', ok: true, prepared: { errors: [], rowCount: 0 } }));`;
    const stuck = preparer({
      timeoutMs: 2_000,
      launchWorker: () => {
        launches += 1;
        return new Worker(launches === 1 ? silent : quick, { eval: true });
      },
    });
    const bytes = csvFile('episodes', episodes(2024, 5));
    const first = stuck.prepare(request(bytes));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = stuck.prepare(request(bytes));
    await expect(first).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(first).rejects.toMatchObject({ status: 413, message: 'La lecture du fichier a duré plus de 2 secondes : découpez-le en plusieurs fichiers plus petits.' });
    await expect(second).rejects.toThrow("Le worker des imports a été redémarré : la lecture d'un autre fichier a duré plus de 2 secondes.");
    expect(await stuck.prepare(request(bytes))).toMatchObject({ mode: 'worker', archive: null });
    expect(launches).toBe(2);
  });
});
