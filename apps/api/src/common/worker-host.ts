import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';

export type WorkerLog = (level: 'log' | 'warn' | 'error', message: string) => void;

/** A worker bundle webpack emits next to main.js (extra entries, see apps/api/webpack.config.js), or null from the TS sources. */
export function bundledWorker(name: string, dir: string): string | null {
  const file = join(dir, name);
  return existsSync(file) ? file : null;
}

export interface WorkerHostEvents<Reply> {
  /** A message from a worker (replies carry the id of their request). */
  onReply(reply: Reply): void;
  /** The worker failed, exited or was stopped: every request in flight must be rejected with `error`. */
  onLost(error: Error): void;
}

/**
 * The life of one long-lived worker thread, shared by the report renderer and the import preparer:
 * started on first use, never keeping the process alive, replaced after it fails, exits or is
 * stopped. Only the **current** worker's error or exit fails the requests in flight: a worker that
 * was stopped may err or exit later, when the requests in flight belong to its successor.
 */
export class WorkerHost<Reply> {
  private worker: Worker | null = null;

  constructor(
    /** « de rendu PDF », « des imports »: completes « Worker … démarré ». */
    private readonly what: string,
    private readonly launch: () => Worker,
    private readonly log: WorkerLog,
    private readonly events: WorkerHostEvents<Reply>,
  ) {}

  /** The current worker, started now when there is none. */
  current(): Worker {
    if (this.worker) return this.worker;
    const worker = this.launch();
    // The worker never keeps the process alive; requests in flight do (their promises are awaited).
    worker.unref();
    worker.on('message', (reply: Reply) => this.events.onReply(reply));
    worker.on('error', (error) => {
      this.log('error', `Worker ${this.what} en erreur : ${error.stack ?? error.message}`);
      if (this.worker === worker) this.stop(error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.events.onLost(new Error(`Le worker ${this.what} s'est arrêté (code ${code}).`));
    });
    this.worker = worker;
    this.log('log', `Worker ${this.what} démarré.`);
    return worker;
  }

  /** Fails every request in flight with `error` and stops the worker (a new one starts on the next request). */
  stop(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.events.onLost(error);
    void worker?.terminate();
  }

  /** Stops the worker for good (the caller has failed its requests). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
