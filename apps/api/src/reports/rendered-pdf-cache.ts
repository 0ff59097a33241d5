import { createHash } from 'node:crypto';
import { format } from 'date-fns';
import type { PdfDocument } from './report-worker.protocol';

/**
 * What a rendered PDF depends on: the document's data, and the DAY of its generation time — the
 * documents print it as a date only (« Généré le 01/12/2026 », local time) and the committee pack
 * compares ISO days for « en retard ». Same key → the same pages, text for text.
 */
export function renderKey(document: PdfDocument, generatedAt: string): string {
  const day = `${generatedAt.slice(0, 10)}|${format(new Date(generatedAt), 'yyyy-MM-dd')}`;
  return createHash('sha256').update(day).update('\n').update(JSON.stringify(document)).digest('hex');
}

/**
 * PDFs already rendered from unchanged data, by `renderKey`, least recently used dropped first
 * beyond `maxBytes`; two identical requests at the same time render once. A key is a digest of
 * the whole data the reader was given (already masked for their role), so a cached document never
 * shows one reader what another saw. In memory, per process (see docs/performance.md).
 */
export class RenderedPdfCache<T extends { pdf: Buffer }> {
  private readonly done = new Map<string, T>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.done.size;
  }

  /** The cached result of `key` (marked recently used), else `render()`'s, stored when it succeeds. */
  async get(key: string, render: () => Promise<T>): Promise<{ value: T; cached: boolean }> {
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit);
      return { value: hit, cached: true };
    }
    const pending = this.inFlight.get(key);
    if (pending) return { value: await pending, cached: true };
    const promise = render();
    this.inFlight.set(key, promise);
    try {
      const value = await promise;
      this.store(key, value);
      return { value, cached: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private store(key: string, value: T): void {
    const size = value.pdf.length;
    if (size > this.maxBytes || this.done.has(key)) return;
    this.done.set(key, value);
    this.bytes += size;
    for (const [oldest, entry] of this.done) {
      if (this.bytes <= this.maxBytes) break;
      this.done.delete(oldest);
      this.bytes -= entry.pdf.length;
    }
  }
}
