import { Inject, Injectable } from '@nestjs/common';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { itemColumns } from './item-response';
import type { MarketplaceItem } from './item.entity';

/**
 * An item's JSON in the unpaged list, cut around what changes without an edit. `head` runs from
 * `{"id"` to the protocol's value, `tail` from `"status"` to the `updatedAt` value. The counters
 * between them, and the links and permissions after them, are written fresh for every response.
 */
export interface ItemJson {
  readonly head: Buffer;
  readonly tail: Buffer;
}

/** Identifies one state of an item: every edit moves `updatedAt`, in PostgreSQL's exact text. */
export interface ItemVersion {
  readonly id: string;
  readonly version: string;
}

/**
 * Keeps the serialised JSON of recently listed items, by id and `updatedAt`. The unpaged list
 * sends every item's protocol and description on every call, and reading and serialising those
 * was most of its cost. With this, a repeated list reads only the short columns from PostgreSQL.
 *
 * An edit changes `updatedAt`, so a stale entry is never used, whichever replica made the edit:
 * it ages out of the byte budget instead. Star and launch counters, links and permissions are not
 * cached. NOTE: a write that changes an item's columns without moving `updatedAt` (only a direct
 * SQL update or `restserver import` of a changed row with its old timestamp) is not seen until
 * the entry ages out or the server restarts.
 */
@Injectable()
export class ItemJsonCache {
  private readonly entries = new Map<string, ItemJson>();
  private readonly budgetBytes: number;
  private bytes = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.budgetBytes = config.listJsonCacheMegabytes * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.budgetBytes > 0;
  }

  get(item: ItemVersion): ItemJson | undefined {
    const key = cacheKey(item);
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last, so that eviction takes the oldest first.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(item: ItemVersion, json: ItemJson): void {
    const size = json.head.length + json.tail.length;
    if (!this.enabled || size > this.budgetBytes) {
      return;
    }
    const key = cacheKey(item);
    this.remove(key);
    this.entries.set(key, json);
    this.bytes += size;
    while (this.bytes > this.budgetBytes) {
      this.remove(this.entries.keys().next().value as string);
    }
  }

  private remove(key: string): void {
    const json = this.entries.get(key);
    if (json) {
      this.entries.delete(key);
      this.bytes -= json.head.length + json.tail.length;
    }
  }
}

function cacheKey(item: ItemVersion): string {
  return `${item.id}\u0000${item.version}`;
}

/** The SQL text of an item's version (alias `item`): `updatedAt` to the microsecond. */
export const ITEM_VERSION_SQL = 'CAST(item.updatedAt AS text)';

/**
 * Serialises the cached parts of an item, in the field order of the list response. The cuts are
 * found by key: inside a JSON string a quote is always escaped, so `,"useNumber":` can only be
 * the key itself.
 */
export function serialiseItemJson(item: MarketplaceItem): ItemJson {
  const text = JSON.stringify(itemColumns(item));
  const head = text.slice(0, text.indexOf(',"useNumber":'));
  const tail = text.slice(text.indexOf(',"status":') + 1, -1);
  return { head: Buffer.from(head), tail: Buffer.from(tail) };
}
