import type { CommitteePackData } from '@sdat/reports';
import { RenderedPdfCache, renderKey } from '../src/reports/rendered-pdf-cache';
import type { PdfDocument } from '../src/reports/report-worker.protocol';

const pdf = (bytes: number, tag = 0) => ({ pdf: Buffer.alloc(bytes, tag) });

describe('RenderedPdfCache', () => {
  it('renders a key once, then answers from memory', async () => {
    const cache = new RenderedPdfCache<{ pdf: Buffer }>(1000);
    const render = jest.fn(async () => pdf(10));
    const first = await cache.get('a', render);
    const second = await cache.get('a', render);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.value).toBe(first.value);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders two identical requests at the same time once', async () => {
    const cache = new RenderedPdfCache<{ pdf: Buffer }>(1000);
    let finish: (value: { pdf: Buffer }) => void = () => undefined;
    const render = jest.fn(() => new Promise<{ pdf: Buffer }>((resolve) => (finish = resolve)));
    const both = Promise.all([cache.get('a', render), cache.get('a', render)]);
    finish(pdf(10));
    const [one, two] = await both;
    expect(render).toHaveBeenCalledTimes(1);
    expect(two.value).toBe(one.value);
  });

  it('does not keep a failure', async () => {
    const cache = new RenderedPdfCache<{ pdf: Buffer }>(1000);
    await expect(cache.get('a', () => Promise.reject(new Error('boum')))).rejects.toThrow('boum');
    expect((await cache.get('a', async () => pdf(10))).cached).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used documents beyond its size', async () => {
    const cache = new RenderedPdfCache<{ pdf: Buffer }>(25);
    await cache.get('a', async () => pdf(10, 1));
    await cache.get('b', async () => pdf(10, 2));
    await cache.get('a', async () => pdf(10, 9)); // a used again: b is now the oldest
    await cache.get('c', async () => pdf(10, 3)); // 30 bytes > 25: b goes
    expect(cache.size).toBe(2);
    expect((await cache.get('a', async () => pdf(10, 9))).cached).toBe(true);
    expect((await cache.get('b', async () => pdf(10, 2))).cached).toBe(false);
    // A document larger than the whole cache is returned, never kept.
    expect((await cache.get('big', async () => pdf(100))).cached).toBe(false);
    expect((await cache.get('big', async () => pdf(100))).cached).toBe(false);
  });
});

describe('renderKey', () => {
  const doc = (year: number): PdfDocument => ({ kind: 'committee_pack', data: { year } as unknown as CommitteePackData });

  it('is the same for the same data on the same day, whatever the time', () => {
    expect(renderKey(doc(2022), '2026-03-02T10:00:00.000Z')).toBe(renderKey(doc(2022), '2026-03-02T10:45:12.345Z'));
  });

  it('changes with the data and with the day printed on the document', () => {
    const key = renderKey(doc(2022), '2026-03-02T10:00:00.000Z');
    expect(renderKey(doc(2023), '2026-03-02T10:00:00.000Z')).not.toBe(key);
    expect(renderKey(doc(2022), '2026-03-03T10:00:00.000Z')).not.toBe(key);
  });
});
