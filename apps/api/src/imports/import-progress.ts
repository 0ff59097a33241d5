import { randomUUID } from 'node:crypto';

import type { ImportJobView } from '@sdat/api-types';

export type { ImportJobView };

/** Progress of one import, readable while it runs (GET /api/import-jobs/:id). */
export class ImportProgress {
  readonly id = randomUUID();
  readonly view: ImportJobView;

  constructor(readonly ownerUserId: number) {
    this.view = { id: this.id, phase: 'queued', rowsValidated: 0, rowsWritten: 0, result: null, startedAt: new Date().toISOString() };
  }

  update(change: Partial<Omit<ImportJobView, 'id' | 'startedAt'>>): void {
    Object.assign(this.view, change);
  }
}

/**
 * Imports started with `?async=true`, kept in memory for 15 minutes. One API instance only: with
 * several instances the jobs would move to a shared store (see docs/performance.md).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, { progress: ImportProgress; expires: number }>();

  create(ownerUserId: number): ImportProgress {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.expires < now) this.jobs.delete(id);
    const progress = new ImportProgress(ownerUserId);
    this.jobs.set(progress.id, { progress, expires: now + 15 * 60_000 });
    return progress;
  }

  get(id: string, userId: number): ImportJobView | null {
    const job = this.jobs.get(id);
    return job && job.progress.ownerUserId === userId ? job.progress.view : null;
  }
}

/** Wall-clock milliseconds per phase of one import (logged once at the end: where the time went). */
export class PhaseTimer {
  readonly phasesMs: Record<string, number> = {};
  private readonly start = performance.now();
  private last = this.start;

  /** Ends the phase `name` (time since the previous mark). */
  mark(name: string): void {
    const now = performance.now();
    this.phasesMs[name] = Math.round((this.phasesMs[name] ?? 0) + now - this.last);
    this.last = now;
  }

  get totalMs(): number {
    return Math.round(performance.now() - this.start);
  }
}
