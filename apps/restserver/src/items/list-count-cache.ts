import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { finalize, type Observable } from 'rxjs';

import type { Caller, ItemListQuery, ItemPage } from '@openpai-marketplace/shared-types';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Counts of a paged list besides its page: the total and, when requested, the facets. */
export interface ListCounts {
  total: number;
  exact: boolean;
  facets?: ItemPage['facets'];
}

/** Most queries whose counts are kept; the oldest go first. */
const MAX_ENTRIES = 1000;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reuses the total and facet counts of a list query for a few seconds. Counting is most of the
 * cost of a page, and someone paging through results or a portal re-rendering sends the same
 * query again and again, while the page itself is always read fresh.
 *
 * The key contains the caller's name, groups and admin flag, so counts are never shared between
 * callers who may see different items. Any write through this process clears every entry. A
 * write through another replica is not seen here, so a count can lag by up to
 * LIST_COUNT_CACHE_SECONDS. Concurrent identical queries share one computation.
 */
@Injectable()
export class ListCountCache {
  private readonly entries = new Map<string, { expiresAt: number; counts: Promise<ListCounts> }>();
  private readonly lifetimeMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.lifetimeMs = config.listCountCacheSeconds * 1000;
  }

  countsFor(caller: Caller, filters: ItemListQuery, compute: () => Promise<ListCounts>): Promise<ListCounts> {
    const key = cacheKey(caller, filters);
    const now = Date.now();
    if (this.lifetimeMs === 0) {
      return compute();
    }
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.counts;
    }

    const counts = compute();
    this.entries.delete(key);
    this.entries.set(key, { expiresAt: now + this.lifetimeMs, counts });
    counts.catch(() => this.entries.get(key)?.counts === counts && this.entries.delete(key));
    while (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return counts;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Builds the key from the caller and the query, leaving out paging and order, which do not change the counts. */
function cacheKey(caller: Caller, filters: ItemListQuery): string {
  const { limit: _limit, offset: _offset, sort: _sort, ...counted } = filters;
  const sortedFilters = Object.fromEntries(Object.entries(counted).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([caller.username, caller.admin, [...caller.groups].sort(), sortedFilters]);
}

/**
 * Clears the counts when a write request starts and again when it ends, so that a count taken
 * while the write was in flight does not outlive it.
 */
@Injectable()
export class ClearListCountsOnWrite implements NestInterceptor {
  constructor(private readonly cache: ListCountCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!WRITE_METHODS.has(context.switchToHttp().getRequest<Request>().method)) {
      return next.handle();
    }
    this.cache.clear();
    return next.handle().pipe(finalize(() => this.cache.clear()));
  }
}
