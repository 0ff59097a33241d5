import { INTERNAL_VIEWER } from '../src/auth/viewer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnnualReportData } from '@sdat/reports';
import { bundledWorkerFile, ReportRenderer, WORKER_BUNDLE } from '../src/reports/report-renderer';
import { ReportsService } from '../src/reports/reports.service';
import { startTestApp, type TestApp } from './support/test-app';
import { maxEventLoopGap, workerFromSources } from './support/worker-threads';

/**
 * The report worker thread. The built app runs dist/apps/api/report-worker.js (an extra webpack
 * entry); here the same entry runs from its TypeScript sources through ts-node, so the protocol,
 * the error handling and the non-blocking of the event loop are tested without a build.
 */
const WORKER_SOURCE = resolve(__dirname, '../src/reports/report-worker.ts');

const launchFromSources = (): Worker => workerFromSources(WORKER_SOURCE);

describe('report worker thread', () => {
  let t: TestApp;
  let data: AnnualReportData;
  let worker: ReportRenderer;
  const renderers: ReportRenderer[] = [];
  const renderer = (options: ConstructorParameters<typeof ReportRenderer>[0]) => {
    const r = new ReportRenderer(options);
    renderers.push(r);
    return r;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    data = await t.app.get(ReportsService).annualReportData('emas', 2022, 'actual', INTERNAL_VIEWER);
    worker = renderer({ launchWorker: launchFromSources });
  });
  afterAll(async () => {
    await Promise.all(renderers.map((r) => r.close()));
    await t?.close();
  });

  it('finds the worker bundle next to the code only when it exists (else the API renders in-process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdat-worker-'));
    try {
      expect(bundledWorkerFile(dir)).toBeNull();
      writeFileSync(join(dir, WORKER_BUNDLE), '');
      expect(bundledWorkerFile(dir)).toBe(join(dir, WORKER_BUNDLE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Under ts-jest the sources run: no bundle beside them, so the API renders in-process.
    expect(renderer({}).mode).toBe('in-process');
  });

  it('renders the PDF in the worker without blocking the event loop (in-process rendering does)', async () => {
    const first = await worker.render(data, new Date().toISOString());
    expect(first.mode).toBe('worker');
    expect(first.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.pdf.length).toBeGreaterThan(50_000);

    const logs: string[] = [];
    const inProcess = renderer({ launchWorker: null, log: (level, message) => logs.push(`${level}: ${message}`) });
    await inProcess.render(data, new Date().toISOString()); // warm-up
    expect(logs).toEqual([expect.stringMatching(/^warn: Fichier report-worker\.js introuvable .* rendus dans le processus principal\.$/)]);
    let workerMs = 0;
    let inProcessMs = 0;
    const workerGap = await maxEventLoopGap(async () => {
      workerMs = (await worker.render(data, new Date().toISOString())).renderMs;
    });
    const inProcessGap = await maxEventLoopGap(async () => {
      inProcessMs = (await inProcess.render(data, new Date().toISOString())).renderMs;
    });
    process.stdout.write(
      `[rendu emas 2022] worker : ${workerMs} ms, boucle d'événements bloquée au plus ${Math.round(workerGap)} ms ; ` +
        `processus principal : ${inProcessMs} ms, bloquée ${Math.round(inProcessGap)} ms\n`,
    );
    expect(workerGap).toBeLessThan(inProcessGap);
    expect(workerGap).toBeLessThan(Math.max(150, inProcessGap / 2));
  });

  it('renders concurrent requests, one after the other in the same worker', async () => {
    const results = await Promise.all([2022, 2021, 2023].map((year) => worker.render({ ...data, year }, new Date().toISOString())));
    expect(results.map((r) => r.mode)).toEqual(['worker', 'worker', 'worker']);
    expect(new Set(results.map((r) => r.pdf.length)).size).toBeGreaterThan(1);
  });

  it('reports a rendering error in French and keeps serving; restarts a worker that died', async () => {
    await expect(worker.render({} as AnnualReportData, new Date().toISOString())).rejects.toThrow(/Échec du rendu du PDF/);
    expect((await worker.render(data, new Date().toISOString())).mode).toBe('worker');

    // A worker that dies at once, then a minimal one that answers with a stub document.
    const stub = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (r) => parentPort.postMessage({ id: r.id, ok: true, pdf: new Uint8Array([37, 80, 68, 70, 45]), renderMs: 1 }));`;
    let launches = 0;
    const dying = renderer({
      launchWorker: () => {
        launches += 1;
        return new Worker(launches === 1 ? 'process.exit(3)' : stub, { eval: true });
      },
    });
    await expect(dying.render(data, new Date().toISOString())).rejects.toThrow("Le worker de rendu PDF s'est arrêté (code 3).");
    expect((await dying.render(data, new Date().toISOString())).mode).toBe('worker');
    expect(launches).toBe(2);
  });

  it('a failed worker that exits late does not fail the request its successor is rendering', async () => {
    // first worker: throws on the first request (error event; failAll stops it, its exit comes later);
    // the successor answers after 300 ms, while the old worker's exit arrives
    const failing = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => { setTimeout(() => { throw new Error('panne'); }, 0); });`;
    const slow = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (r) => setTimeout(() => parentPort.postMessage({ id: r.id, ok: true, pdf: new Uint8Array([37, 80, 68, 70, 45]), renderMs: 300 }), 300));`;
    let launches = 0;
    const flaky = renderer({
      launchWorker: () => {
        launches += 1;
        return new Worker(launches === 1 ? failing : slow, { eval: true });
      },
    });
    await expect(flaky.render(data, new Date().toISOString())).rejects.toThrow('panne');
    const next = await flaky.render(data, new Date().toISOString());
    expect([next.mode, next.pdf.toString('latin1'), launches]).toEqual(['worker', '%PDF-', 2]);
  });
});
