import type { AppConfig } from '../config/app-config';
import { ItemJsonCache, serialiseItemJson, type ItemJson } from './item-json-cache';
import { itemColumns } from './item-response';
import type { MarketplaceItem } from './item.entity';

function item(overrides: Partial<MarketplaceItem> = {}): MarketplaceItem {
  return {
    id: 'item-1',
    name: 'name',
    author: 'alice',
    type: 'template',
    source: 'marketplace',
    isPublic: true,
    isPrivate: false,
    groupList: [],
    dataType: null,
    dataUrl: null,
    useBlob: false,
    categories: null,
    tags: null,
    summary: 'summary',
    description: 'description',
    protocol: 'protocolVersion: 2',
    useNumber: 3,
    starNumber: 4,
    status: null,
    createdAt: new Date('2026-01-01T00:00:00.001Z'),
    updatedAt: new Date('2026-01-02T00:00:00.002Z'),
    copiedFrom: null,
    ...overrides,
  } as MarketplaceItem;
}

function cacheOf(megabytes: number): ItemJsonCache {
  return new ItemJsonCache({ listJsonCacheMegabytes: megabytes } as AppConfig);
}

/** Joins the cached parts with the counters, as the unpaged list does. */
function reassemble(json: ItemJson, row: MarketplaceItem): unknown {
  return JSON.parse(`${json.head},"useNumber":${row.useNumber},"starNumber":${row.starNumber},${json.tail}}`);
}

describe('serialiseItemJson', () => {
  it('reassembles into the item columns', () => {
    const row = item();
    expect(reassemble(serialiseItemJson(row), row)).toEqual(JSON.parse(JSON.stringify(itemColumns(row))));
  });

  it('cuts at the keys, not at look-alike text', () => {
    const row = item({ protocol: 'a ,"useNumber":1, b', description: '"status": x ,"status":', name: '{"}' });
    expect(reassemble(serialiseItemJson(row), row)).toEqual(JSON.parse(JSON.stringify(itemColumns(row))));
  });
});

describe('ItemJsonCache', () => {
  const json = (bytes: number): ItemJson => ({ head: Buffer.alloc(bytes), tail: Buffer.alloc(0) });

  it('finds an entry by id and version only', () => {
    const cache = cacheOf(1);
    cache.set({ id: 'a', version: 'v1' }, json(10));
    expect(cache.get({ id: 'a', version: 'v1' })).toBeDefined();
    expect(cache.get({ id: 'a', version: 'v2' })).toBeUndefined();
    expect(cache.get({ id: 'b', version: 'v1' })).toBeUndefined();
  });

  it('evicts the least recently used past its budget', () => {
    const cache = cacheOf(1);
    const halfMegabyte = 512 * 1024;
    cache.set({ id: 'a', version: 'v' }, json(halfMegabyte));
    cache.set({ id: 'b', version: 'v' }, json(halfMegabyte));
    cache.get({ id: 'a', version: 'v' });
    cache.set({ id: 'c', version: 'v' }, json(halfMegabyte));
    expect(cache.get({ id: 'a', version: 'v' })).toBeDefined();
    expect(cache.get({ id: 'b', version: 'v' })).toBeUndefined();
    expect(cache.get({ id: 'c', version: 'v' })).toBeDefined();
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = cacheOf(0);
    cache.set({ id: 'a', version: 'v' }, json(10));
    expect(cache.get({ id: 'a', version: 'v' })).toBeUndefined();
  });
});
