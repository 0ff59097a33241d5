import { VersionedCache } from '../src/common/versioned-cache';

describe('VersionedCache: a value is given back only under the version it was computed with', () => {
  it('misses on another version, then keeps the newer value', async () => {
    const cache = new VersionedCache<string>(10);
    let computed = 0;
    const compute = (text: string) => async () => {
      computed += 1;
      return text;
    };
    expect(await cache.through('emas|2022', '3', compute('v3'))).toBe('v3');
    expect(await cache.through('emas|2022', '3', compute('again'))).toBe('v3');
    expect(await cache.through('emas|2022', '4', compute('v4'))).toBe('v4');
    expect(cache.get('emas|2022', '3')).toBeUndefined();
    expect([computed, cache.hits, cache.misses]).toEqual([2, 1, 3]);
  });

  it('drops the least recently used entry beyond its size; size 0 keeps nothing', () => {
    const cache = new VersionedCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    cache.get('a', '1'); // a is now the most recently used
    cache.set('c', '1', 3);
    expect([cache.get('a', '1'), cache.get('b', '1'), cache.get('c', '1')]).toEqual([1, undefined, 3]);
    const off = new VersionedCache<number>(0);
    off.set('a', '1', 1);
    expect([off.get('a', '1'), off.size]).toEqual([undefined, 0]);
  });
});
