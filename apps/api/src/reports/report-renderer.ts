import { Worker } from 'node:worker_threads';
import type { AnnualReportData } from '@sdat/reports';
import { bundledWorker, WorkerHost, type WorkerLog } from '../common/worker-host';
import type { PdfDocument, RenderReply, RenderRequest } from './report-worker.protocol';

/** Name of the worker bundle webpack emits next to main.js (extra entry, see apps/api/webpack.config.js). */
export const WORKER_BUNDLE = 'report-worker.js';

/** A render that takes longer than this is abandoned and its worker restarted. */
const RENDER_TIMEOUT_MS = 120_000;

export interface RenderedPdf {
  pdf: Buffer;
  renderMs: number;
  /** Where it was rendered: in the worker thread, or in the main thread (fallback). */
  mode: 'worker' | 'in-process';
}

export interface ReportRendererOptions {
  /** Starts a report worker; null = render in-process. Default: the bundle next to this file, when present. */
  launchWorker?: (() => Worker) | null;
  log?: WorkerLog;
}

/** The worker bundle next to the running code (dist/apps/api/report-worker.js), or null from the TS sources. */
export function bundledWorkerFile(dir: string = __dirname): string | null {
  return bundledWorker(WORKER_BUNDLE, dir);
}

/** A worker started before the app was built (see prestartReportWorker), until a renderer takes it. */
let prestarted: Worker | null = null;

/**
 * Starts the bundled report worker at once — main.ts calls it first thing, so that the worker loads
 * pdfmake, the fonts and ECharts and warms itself up (report-worker.ts) on the other core while the
 * database starts and migrates; the first ReportRenderer then takes it instead of starting its own.
 * Nothing happens without the bundle (TypeScript sources). A worker that fails meanwhile is dropped.
 */
export function prestartReportWorker(dir: string = __dirname): void {
  const file = bundledWorkerFile(dir);
  if (!file || prestarted) return;
  const worker = new Worker(file);
  worker.unref();
  const drop = () => {
    if (prestarted === worker) prestarted = null;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  prestarted = worker;
}

function takePrestarted(): Worker | null {
  const worker = prestarted;
  prestarted = null;
  worker?.removeAllListeners('error').removeAllListeners('exit');
  return worker;
}

interface Pending {
  resolve: (result: RenderedPdf) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Renders annual-report PDFs in one long-lived worker thread (started as the server boots, see
 * prestartReportWorker, else on first use; restarted after a crash or a timeout), so that the event
 * loop of the API stays free. Without a worker (TS sources under ts-jest, where there is no compiled
 * worker file), renders in-process and says so once.
 */
export class ReportRenderer {
  private readonly host: WorkerHost<RenderReply> | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly log: WorkerLog;
  private fallbackLogged = false;

  constructor(options: ReportRendererOptions = {}) {
    this.log = options.log ?? (() => undefined);
    let launch: (() => Worker) | null;
    if (options.launchWorker !== undefined) {
      launch = options.launchWorker;
    } else {
      const file = bundledWorkerFile();
      launch = file ? () => takePrestarted() ?? new Worker(file) : null;
    }
    this.host = launch
      ? new WorkerHost<RenderReply>('de rendu PDF', launch, this.log, { onReply: (reply) => this.onReply(reply), onLost: (error) => this.rejectAll(error) })
      : null;
  }

  get mode(): RenderedPdf['mode'] {
    return this.host ? 'worker' : 'in-process';
  }

  /** Starts the worker now rather than on the first request; nothing to do when rendering in-process. */
  start(): void {
    this.host?.current();
  }

  render(data: AnnualReportData, generatedAt: string): Promise<RenderedPdf> {
    return this.renderDocument({ kind: 'annual_report', data }, generatedAt);
  }

  async renderDocument(document: PdfDocument, generatedAt: string): Promise<RenderedPdf> {
    if (!this.host) {
      if (!this.fallbackLogged) {
        this.fallbackLogged = true;
        this.log('warn', `Fichier ${WORKER_BUNDLE} introuvable à côté du code (exécution depuis les sources TypeScript) : les PDF sont rendus dans le processus principal.`);
      }
      // Loaded here, not at start-up: with the worker, the API's own thread never needs pdfmake nor ECharts.
      const { renderPdfDocument } = await import('./render-annual-report');
      const { pdf, renderMs } = await renderPdfDocument(document, generatedAt);
      return { pdf, renderMs, mode: 'in-process' };
    }
    const host = this.host;
    const worker = host.current();
    const id = this.nextId++;
    return new Promise<RenderedPdf>((resolve, reject) => {
      const timer = setTimeout(() => {
        host.stop(new Error(`Rendu du PDF interrompu après ${RENDER_TIMEOUT_MS / 1000} s.`));
      }, RENDER_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      const request: RenderRequest = { id, document, generatedAt };
      worker.postMessage(request);
    });
  }

  private onReply(reply: RenderReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) {
      pending.resolve({ pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), renderMs: reply.renderMs, mode: 'worker' });
    } else {
      pending.reject(new Error(`Échec du rendu du PDF : ${reply.message}`));
    }
  }

  /** Rejects every request in flight. */
  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.rejectAll(new Error("Arrêt de l'application : rendu du PDF annulé."));
    await this.host?.close();
  }
}
