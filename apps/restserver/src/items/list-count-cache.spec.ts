import type { Caller } from '@openpai-marketplace/shared-types';

import type { AppConfig } from '../config/app-config';
import { ListCountCache, type ListCounts } from './list-count-cache';

const alice: Caller = { username: 'alice', admin: false, groups: ['default'] };
const bob: Caller = { username: 'bob', admin: false, groups: ['default'] };

function cacheFor(seconds: number): ListCountCache {
  return new ListCountCache({ listCountCacheSeconds: seconds } as AppConfig);
}

function counter(): { compute: () => Promise<ListCounts>; calls: () => number } {
  let calls = 0;
  return { compute: async () => ({ total: ++calls, exact: true }), calls: () => calls };
}

describe('ListCountCache', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reuses counts of the same query', async () => {
    const cache = cacheFor(5);
    const { compute, calls } = counter();
    await cache.countsFor(alice, { q: 'x', limit: 10 }, compute);
    const again = await cache.countsFor(alice, { q: 'x', limit: 20, offset: 40, sort: 'newest' }, compute);
    expect(again.total).toBe(1);
    expect(calls()).toBe(1);
  });

  it('keeps callers apart', async () => {
    const cache = cacheFor(5);
    const { compute, calls } = counter();
    await cache.countsFor(alice, { q: 'x' }, compute);
    await cache.countsFor(bob, { q: 'x' }, compute);
    await cache.countsFor({ ...alice, groups: ['vision'] }, { q: 'x' }, compute);
    expect(calls()).toBe(3);
  });

  it('separates queries that count differently', async () => {
    const cache = cacheFor(5);
    const { compute, calls } = counter();
    await cache.countsFor(alice, { q: 'x' }, compute);
    await cache.countsFor(alice, { q: 'x', facets: 'true' }, compute);
    await cache.countsFor(alice, { q: 'y' }, compute);
    expect(calls()).toBe(3);
  });

  it('expires after its lifetime', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = cacheFor(5);
    const { compute, calls } = counter();
    await cache.countsFor(alice, {}, compute);
    jest.setSystemTime(5001);
    await cache.countsFor(alice, {}, compute);
    expect(calls()).toBe(2);
  });

  it('computes every time with a lifetime of 0', async () => {
    const cache = cacheFor(0);
    const { compute, calls } = counter();
    await cache.countsFor(alice, {}, compute);
    await cache.countsFor(alice, {}, compute);
    expect(calls()).toBe(2);
  });

  it('forgets everything on clear', async () => {
    const cache = cacheFor(5);
    const { compute, calls } = counter();
    await cache.countsFor(alice, {}, compute);
    cache.clear();
    await cache.countsFor(alice, {}, compute);
    expect(calls()).toBe(2);
  });

  it('does not keep a failed count', async () => {
    const cache = cacheFor(5);
    await expect(cache.countsFor(alice, {}, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    const { compute } = counter();
    await expect(cache.countsFor(alice, {}, compute)).resolves.toEqual({ total: 1, exact: true });
  });
});
