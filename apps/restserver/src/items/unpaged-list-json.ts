import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { OFFICIAL_EXAMPLE_CATEGORY, type Caller } from '@openpai-marketplace/shared-types';

import { itemPermissions } from './item-access';
import { ITEM_VERSION_SQL, ItemJsonCache, serialiseItemJson, type ItemJson } from './item-json-cache';
import { applyItemFilters } from './item-list.query';
import { loadItemLinks, type ItemLinks } from './item-links-loader';
import { ITEM_COLUMNS, readRows, type ListRow } from './item-listing';
import { MarketplaceItem } from './item.entity';

const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const COMMA = Buffer.from(',');
const NO_LINKS: ItemLinks = { ItemTags: [], ItemCategories: [] };

/**
 * Writes the unpaged list, the original's bare array of every item, as JSON bytes batch by batch.
 * Each item's protocol, description and other edited columns come from ItemJsonCache when it has
 * the item's current version, so PostgreSQL sends them only for the others. Counters, links and
 * permissions are always read fresh.
 */
@Injectable()
export class UnpagedListJson {
  constructor(
    @InjectRepository(MarketplaceItem) private readonly items: Repository<MarketplaceItem>,
    private readonly cache: ItemJsonCache,
  ) {}

  /**
   * Writes the first batch completely, every query included, and returns the array's bytes. A
   * database failure in the first batch, which is the whole list of most clusters, therefore
   * rejects this promise and gets a proper error response. A failure in a later batch can only
   * cut the response short, since its status is already sent.
   */
  async arrayBytes(caller: Caller, batches: AsyncIterator<ListRow[]>): Promise<AsyncIterable<Buffer>> {
    const first = await batches.next();
    if (first.done) {
      return inSequence([OPEN, CLOSE]);
    }
    const firstBatch = await this.batchBytes(caller, first.value, false);
    return this.remainingBytes(caller, firstBatch, batches);
  }

  private async *remainingBytes(caller: Caller, first: { bytes: Buffer; count: number }, rest: AsyncIterator<ListRow[]>): AsyncGenerator<Buffer> {
    yield OPEN;
    yield first.bytes;
    let written = first.count;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const batch = await this.batchBytes(caller, next.value, written > 0);
      written += batch.count;
      yield batch.bytes;
    }
    yield CLOSE;
  }

  private async batchBytes(caller: Caller, rows: ListRow[], afterAnItem: boolean): Promise<{ bytes: Buffer; count: number }> {
    const json = await this.itemJson(caller, rows);
    const links = await loadItemLinks(this.items.manager, rows.map((row) => row.id));

    const parts: Buffer[] = [];
    let count = 0;
    for (const row of rows) {
      const cached = json.get(row.id);
      if (!cached) {
        // Deleted, or hidden from this caller, since the batch was read.
        continue;
      }
      const itemLinks = links.get(row.id) ?? NO_LINKS;
      const official = itemLinks.ItemCategories.some((category) => category.name === OFFICIAL_EXAMPLE_CATEGORY);
      const counters = `,"useNumber":${row.useNumber},"starNumber":${row.starNumber},`;
      const rest =
        `,"ItemTags":${JSON.stringify(itemLinks.ItemTags)},"ItemCategories":${JSON.stringify(itemLinks.ItemCategories)}` +
        `,"copiedFrom":${JSON.stringify(row.copiedFrom)},"permissions":${JSON.stringify(itemPermissions(caller, row, official))}}`;
      if (afterAnItem || count > 0) {
        parts.push(COMMA);
      }
      parts.push(cached.head, Buffer.from(counters), cached.tail, Buffer.from(rest));
      count += 1;
    }
    return { bytes: Buffer.concat(parts), count };
  }

  /**
   * Finds the cached JSON of each row's version, reading the items missing from the cache in one
   * query. That query applies the caller's visibility again, so an item hidden since the batch was
   * read is left out rather than sent in its newer state.
   */
  private async itemJson(caller: Caller, rows: ListRow[]): Promise<Map<string, ItemJson>> {
    const found = new Map<string, ItemJson>();
    const missing: string[] = [];
    for (const row of rows) {
      const cached = this.cache.get({ id: row.id, version: row.version });
      if (cached) {
        found.set(row.id, cached);
      } else {
        missing.push(row.id);
      }
    }
    if (missing.length === 0) {
      return found;
    }

    const visible = applyItemFilters(this.items.createQueryBuilder('item'), caller, {}).andWhere('item.id = ANY(:missing)', { missing });
    const fullRows = await readRows<MarketplaceItem & { version: string }>(visible, { columns: ITEM_COLUMNS, expressions: { version: ITEM_VERSION_SQL } });
    for (const row of fullRows) {
      const json = serialiseItemJson(row);
      this.cache.set({ id: row.id, version: row.version }, json);
      found.set(row.id, json);
    }
    return found;
  }
}

async function* inSequence(parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}
