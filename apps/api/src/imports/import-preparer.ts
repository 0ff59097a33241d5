import { Worker } from 'node:worker_threads';
import { ImportRejectedError } from '@sdat/imports';
import { bundledWorker, WorkerHost, type WorkerLog } from '../common/worker-host';
import { archiveRows, prepareImport, type PreparedImport, type PrepareRequest } from './import-prepare';
import type { PrepareMessage, PrepareReply } from './import-worker.protocol';

/** Name of the worker bundle webpack emits next to main.js (extra entry, see apps/api/webpack.config.js). */
export const IMPORT_WORKER_BUNDLE = 'import-worker.js';

/**
 * A file still being read after this long (queue included) is refused with a 413 and the worker
 * restarted. Far above what the size limits allow (100,000 CSV rows: ≈ 1.5 s), it only stops a
 * pathological file from holding the worker for ever.
 */
const PREPARE_TIMEOUT_MS = 300_000;

export interface PreparedFile {
  prepared: PreparedImport;
  /**
   * The gzip-compressed JSON of the valid rows (for import_version), still being compressed while
   * the caller writes the rows; null when the file has errors. Never rejects unawaited.
   */
  archive: Promise<Uint8Array> | null;
  /** Where it ran: the worker thread, or the main thread (fallback). */
  mode: 'worker' | 'in-process';
}

export interface ImportPreparerOptions {
  /** Starts an import worker; null = prepare in-process. Default: the bundle next to this file, when present. */
  launchWorker?: (() => Worker) | null;
  log?: WorkerLog;
  /** Time allowed to read one file (tests shorten it). */
  timeoutMs?: number;
}

/** The worker bundle next to the running code (dist/apps/api/import-worker.js), or null from the TS sources. */
export function bundledImportWorker(dir: string = __dirname): string | null {
  return bundledWorker(IMPORT_WORKER_BUNDLE, dir);
}

interface Pending {
  prepared?: { resolve: (file: PreparedFile) => void; reject: (error: Error) => void };
  archive?: { resolve: (gz: Uint8Array) => void; reject: (error: Error) => void };
  timer: NodeJS.Timeout;
}

/** A promise that may be left unawaited without an unhandled rejection (awaiting it still throws). */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Validates uploaded files in one long-lived worker thread (started on first use, restarted after
 * a crash or a time-out), one file at a time, so that the event loop of the API stays free while a
 * 100,000-row file is parsed. Without a worker (TS sources under ts-jest, where there is no
 * compiled worker file) it runs in-process and says so once. Same protocol as the report worker.
 */
export class ImportPreparer {
  private readonly host: WorkerHost<PrepareReply> | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly log: WorkerLog;
  private readonly timeoutMs: number;
  private fallbackLogged = false;

  constructor(options: ImportPreparerOptions = {}) {
    this.log = options.log ?? (() => undefined);
    this.timeoutMs = options.timeoutMs ?? PREPARE_TIMEOUT_MS;
    let launch: (() => Worker) | null;
    if (options.launchWorker !== undefined) {
      launch = options.launchWorker;
    } else {
      const file = bundledImportWorker();
      launch = file ? () => new Worker(file) : null;
    }
    this.host = launch
      ? new WorkerHost<PrepareReply>('des imports', launch, this.log, { onReply: (reply) => this.onReply(reply), onLost: (error) => this.rejectAll(error) })
      : null;
  }

  get mode(): PreparedFile['mode'] {
    return this.host ? 'worker' : 'in-process';
  }

  async prepare(request: PrepareRequest): Promise<PreparedFile> {
    if (!this.host) {
      if (!this.fallbackLogged) {
        this.fallbackLogged = true;
        this.log('warn', `Fichier ${IMPORT_WORKER_BUNDLE} introuvable à côté du code (exécution depuis les sources TypeScript) : les fichiers importés sont lus dans le processus principal.`);
      }
      const { prepared, rows } = await prepareImport(request);
      return { prepared, archive: rows.length ? quiet(archiveRows(rows)) : null, mode: 'in-process' };
    }
    const worker = this.host.current();
    const id = this.nextId++;
    const file = await new Promise<PreparedFile>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(id), this.timeoutMs);
      timer.unref();
      this.pending.set(id, { prepared: { resolve, reject }, timer });
      const message: PrepareMessage = { id, request };
      worker.postMessage(message);
    });
    return file;
  }

  private onReply(reply: PrepareReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === 'prepared') {
      const waiting = pending.prepared;
      delete pending.prepared;
      if (!reply.ok) {
        this.settle(reply.id);
        waiting?.reject(reply.rejected ? new ImportRejectedError(reply.rejected.code, reply.rejected.status, reply.rejected.message) : new Error(`Échec de la lecture du fichier : ${reply.message}`));
        return;
      }
      const prepared = reply.prepared;
      // A transferred COPY text arrives as a plain Uint8Array: fine for the driver.
      let archive: Promise<Uint8Array> | null = null;
      if (prepared.errors.length === 0 && prepared.rowCount > 0) {
        archive = quiet(new Promise<Uint8Array>((resolve, reject) => (pending.archive = { resolve, reject })));
      } else {
        this.settle(reply.id);
      }
      waiting?.resolve({ prepared, archive, mode: 'worker' });
      return;
    }
    const waiting = pending.archive;
    this.settle(reply.id);
    if (reply.ok) waiting?.resolve(reply.gz);
    else waiting?.reject(new Error(`Échec de la compression des lignes : ${reply.message}`));
  }

  private settle(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
  }

  /** The file `id` took too long: refused (413); the others in flight fail with the worker, which restarts on the next request. */
  private timedOut(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    const limit = this.timeoutMs >= 60_000 ? `${Math.round(this.timeoutMs / 60_000)} minutes` : `${Math.round(this.timeoutMs / 1000)} secondes`;
    const refused = new ImportRejectedError('file_too_large', 413, `La lecture du fichier a duré plus de ${limit} : découpez-le en plusieurs fichiers plus petits.`);
    pending.prepared?.reject(refused);
    pending.archive?.reject(refused);
    this.host?.stop(new Error(`Le worker des imports a été redémarré : la lecture d'un autre fichier a duré plus de ${limit}.`));
  }

  /** Rejects every request in flight. */
  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.prepared?.reject(error);
      pending.archive?.reject(error);
    }
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.rejectAll(new Error("Arrêt de l'application : import annulé."));
    await this.host?.close();
  }
}
