import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import {
  checkJobProtocol,
  EXACT_TOTAL_LIMIT,
  OFFICIAL_EXAMPLE_CATEGORY,
  type Caller,
  type CreateItemRequest,
  type Item,
  type ItemListQuery,
  type ItemPage,
  type ListedItem,
  type UpdateItemRequest,
} from '@openpai-marketplace/shared-types';

import { ItemCategory } from '../categories/category.entity';
import { ItemCategoryRelation } from '../categories/item-category-relation.entity';
import { hasTrigramExtension } from '../database/migrations/1796424300000-AddItemSearchDocument';
import { StarRelation } from '../stars/star-relation.entity';
import { canEditItem, canViewItem, itemPermissions, resolveVisibility } from './item-access';
import { ITEM_UPDATED_AT_SQL, lockAndCheckIfMatch } from './item-etag';
import { countFacets } from './item-facets';
import { applyItemFilters } from './item-list.query';
import { loadItemLinks } from './item-links-loader';
import { countSearchUpTo, countUpTo, ITEM_COLUMNS, LIST_ROWS, readNewestInBatches, readRankedPage, readRows, type ListRow } from './item-listing';
import { applySearch, applySort } from './item-search';
import { ListCountCache } from './list-count-cache';
import { UnpagedListJson } from './unpaged-list-json';
import { toItemResponse, toListedItemResponse } from './item-response';
import { recordRevision } from './item-revision-record';
import { MarketplaceItem } from './item.entity';
import {
  AuthorChangeForbiddenError,
  AuthorMismatchError,
  GroupListIgnoredError,
  InvalidProtocolError,
  ItemEditForbiddenError,
  ItemNotFoundError,
  StatusChangeForbiddenError,
} from './items.errors';

/** Every column an item response needs, on alias `item`: the search document stays in the database. */
const ITEM_COLUMNS_SQL = ITEM_COLUMNS.map((column) => `item."${column}"`).join(', ');

/** Page size of `GET /items` when `offset` is given without `limit`. */
const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class ItemsService {
  private trigramCheck?: Promise<boolean>;

  constructor(
    @InjectRepository(MarketplaceItem) private readonly items: Repository<MarketplaceItem>,
    private readonly listCounts: ListCountCache,
    private readonly unpagedListJson: UnpagedListJson,
  ) {}

  /** Lists one page for a request with `limit` or `offset`: the items, the total and, when requested, facet counts. */
  async listPage(caller: Caller, filters: ItemListQuery): Promise<ItemPage> {
    const trigrams = await this.trigramsAvailable();
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const offset = filters.offset ?? 0;
    const sort = filters.sort ?? (filters.q ? 'relevance' : 'newest');
    const filtered = applyItemFilters(this.items.createQueryBuilder('item'), caller, filters);
    const matching = filtered.clone();
    if (filters.q) {
      applySearch(matching, filters.q, trigrams);
    }

    const { total, exact, facets } = await this.listCounts.countsFor(caller, filters, async () => ({
      ...(filters.q ? await countSearchUpTo(filtered, filters.q, trigrams, EXACT_TOTAL_LIMIT) : await countUpTo(filtered, EXACT_TOTAL_LIMIT)),
      ...(filters.facets === 'true' ? { facets: await countFacets(matching) } : {}),
    }));

    let rows: MarketplaceItem[];
    if (filters.q && sort === 'relevance') {
      rows = await readRankedPage(filtered, filters.q, trigrams, offset, limit);
    } else {
      applySort(matching, sort === 'relevance' ? 'newest' : sort);
      rows = await readRows(matching.offset(offset).limit(limit));
    }

    const end = offset + rows.length;
    const more = exact ? end < total : rows.length === limit;
    return {
      items: await this.withLinks(caller, rows),
      total,
      totalExact: exact,
      limit,
      offset,
      nextOffset: more ? end : null,
      ...(facets ? { facets } : {}),
    };
  }

  /**
   * Lists every matching item for the original's unpaged request, as the bytes of one JSON array
   * produced batch by batch, so that a list of 100,000 items never sits in memory at once. The
   * first batch is written before this returns; see UnpagedListJson.arrayBytes for why.
   */
  async listUnpaged(caller: Caller, filters: ItemListQuery): Promise<AsyncIterable<Buffer>> {
    const trigrams = await this.trigramsAvailable();
    const filtered = applyItemFilters(this.items.createQueryBuilder('item'), caller, filters);
    const sort = filters.sort ?? (filters.q ? 'relevance' : 'newest');

    let batches: AsyncIterator<ListRow[]>;
    if (filters.q && sort === 'relevance') {
      batches = inOneBatch(await readRankedPage<ListRow>(filtered, filters.q, trigrams, 0, undefined, LIST_ROWS));
    } else if (sort === 'newest' || sort === 'relevance') {
      if (filters.q) {
        applySearch(filtered, filters.q, trigrams);
      }
      batches = readNewestInBatches<ListRow>(filtered, LIST_ROWS);
    } else {
      if (filters.q) {
        applySearch(filtered, filters.q, trigrams);
      }
      applySort(filtered, sort);
      batches = inOneBatch(await readRows<ListRow>(filtered, LIST_ROWS));
    }

    return this.unpagedListJson.arrayBytes(caller, batches);
  }

  /** Checks once whether pg_trgm is installed, which decides whether typo tolerance is on. */
  private trigramsAvailable(): Promise<boolean> {
    this.trigramCheck ??= hasTrigramExtension(this.items.manager).catch(() => false);
    return this.trigramCheck;
  }

  /** Items the caller starred and may still see, most recently starred first. */
  async listStarred(caller: Caller): Promise<ListedItem[]> {
    const builder = applyItemFilters(this.items.createQueryBuilder('item'), caller, {})
      .innerJoin(StarRelation, 'star', 'star.MarketplaceItemId = item.id AND star.UserName = :starredBy', { starredBy: caller.username })
      .orderBy('star.createdAt', 'DESC')
      .addOrderBy('item.id', 'ASC');
    return this.withLinks(caller, await builder.getMany());
  }

  private async withLinks(caller: Caller, rows: MarketplaceItem[]): Promise<ListedItem[]> {
    const links = await loadItemLinks(this.items.manager, rows.map((row) => row.id));

    return rows.map((row) => {
      const itemLinks = links.get(row.id) ?? { ItemTags: [], ItemCategories: [] };
      const official = itemLinks.ItemCategories.some((category) => category.name === OFFICIAL_EXAMPLE_CATEGORY);
      return toListedItemResponse(row, itemPermissions(caller, row, official), itemLinks);
    });
  }

  /** Reads one item with its official flag and the caller's star in one query, since this is the most frequent request. */
  async get(caller: Caller, itemId: string): Promise<Item> {
    const rows: (MarketplaceItem & { official: boolean; starred: boolean })[] = await this.items.query(
      `SELECT ${ITEM_COLUMNS_SQL},
         EXISTS (SELECT 1 FROM "ItemCategoryRelation" link JOIN "ItemCategories" category ON category.id = link."ItemCategoryId"
                 WHERE link."MarketplaceItemId" = item.id AND category.name = $3) AS official,
         EXISTS (SELECT 1 FROM "StarRelation" star WHERE star."MarketplaceItemId" = item.id AND star."UserName" = $2) AS starred
       FROM "MarketplaceItems" item WHERE item.id = $1`,
      [itemId, caller.username, OFFICIAL_EXAMPLE_CATEGORY],
    );
    const item = rows[0];
    if (!item || !canViewItem(caller, item)) {
      throw new ItemNotFoundError(itemId);
    }
    return { ...toItemResponse(item, itemPermissions(caller, item, item.official)), starred: item.starred };
  }

  async create(caller: Caller, request: CreateItemRequest): Promise<{ id: string }> {
    if (request.author !== caller.username) {
      throw new AuthorMismatchError(request.author, caller.username);
    }
    assertValidProtocol(request.protocol);

    const now = new Date();
    const item = this.items.create({
      id: randomUUID(),
      name: request.name,
      author: request.author,
      type: request.type,
      source: request.source ?? 'marketplace',
      ...resolveVisibility(undefined, request),
      dataType: request.dataType ?? null,
      dataUrl: request.dataUrl ?? null,
      useBlob: request.useBlob ?? false,
      categories: request.categories ?? null,
      tags: request.tags ?? null,
      summary: request.summary ?? null,
      description: request.description ?? null,
      protocol: request.protocol,
      useNumber: 0,
      starNumber: 0,
      status: request.status ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.items.insert(item);
    return { id: item.id };
  }

  /** Changes the fields the request names; with `ifMatch`, only while the item's ETag matches it (412 otherwise). */
  async update(caller: Caller, itemId: string, request: UpdateItemRequest, ifMatch?: string): Promise<void> {
    const item = await this.findEditable(caller, itemId);

    if (request.author !== undefined && request.author !== item.author && !caller.admin) {
      throw new AuthorChangeForbiddenError();
    }
    if (request.status !== undefined && request.status !== item.status && !caller.admin) {
      throw new StatusChangeForbiddenError();
    }
    if (request.protocol !== undefined) {
      assertValidProtocol(request.protocol);
    }

    const { isPublic, isPrivate, groupList, ...columns } = request;
    const visibilityChanged = isPublic !== undefined || isPrivate !== undefined || groupList !== undefined;
    const visibility = visibilityChanged ? resolveVisibility(item, { isPublic, isPrivate, groupList }) : undefined;
    // Unlike a create, which keeps the original's silent behaviour, an edit must not drop a share.
    if (visibility && groupList && groupList.length > 0 && (visibility.isPublic || visibility.isPrivate)) {
      throw new GroupListIgnoredError();
    }

    // The previous state becomes a revision in the same transaction as the change. Only the
    // columns the request names are written, so concurrent edits of different fields both survive.
    // An edit that changes nothing keeps the item, its version and its history as they are.
    const changes: Partial<MarketplaceItem> = { ...columns, ...(visibility ?? {}) };
    const changesSomething = Object.entries(changes).some(
      ([column, value]) => value !== undefined && JSON.stringify(item[column as keyof MarketplaceItem] ?? null) !== JSON.stringify(value),
    );
    await this.items.manager.transaction(async (manager) => {
      if (ifMatch !== undefined) {
        await lockAndCheckIfMatch(manager, itemId, ifMatch);
      }
      if (!changesSomething) {
        return;
      }
      await recordRevision(manager, itemId, caller.username);
      await manager.update(MarketplaceItem, { id: itemId }, { ...changes, updatedAt: () => ITEM_UPDATED_AT_SQL });
    });
  }

  /** Deletes the item; with `ifMatch`, only while the item's ETag matches it (412 otherwise). */
  async delete(caller: Caller, itemId: string, ifMatch?: string): Promise<void> {
    await this.findEditable(caller, itemId);
    if (ifMatch === undefined) {
      await this.items.delete({ id: itemId });
      return;
    }
    await this.items.manager.transaction(async (manager) => {
      await lockAndCheckIfMatch(manager, itemId, ifMatch);
      await manager.delete(MarketplaceItem, { id: itemId });
    });
  }

  /** Loads an item the caller may see; throws 404 when it is missing or hidden alike. */
  async findVisible(caller: Caller, itemId: string): Promise<MarketplaceItem> {
    const item = await this.items.findOneBy({ id: itemId });
    if (!item || !canViewItem(caller, item)) {
      throw new ItemNotFoundError(itemId);
    }
    return item;
  }

  /** Loads an item the caller may change; throws 404 when they cannot see it, 403 when they only see it. */
  async findEditable(caller: Caller, itemId: string): Promise<MarketplaceItem> {
    const item = await this.findVisible(caller, itemId);
    const official = await this.isOfficialExample(itemId);
    if (!canEditItem(caller, item, official)) {
      throw new ItemEditForbiddenError(itemId, official);
    }
    return item;
  }

  async isOfficialExample(itemId: string): Promise<boolean> {
    const count = await this.items.manager
      .createQueryBuilder(ItemCategoryRelation, 'link')
      .innerJoin(ItemCategory, 'category', 'category.id = link.ItemCategoryId')
      .where('link.MarketplaceItemId = :itemId', { itemId })
      .andWhere('category.name = :name', { name: OFFICIAL_EXAMPLE_CATEGORY })
      .getCount();
    return count > 0;
  }
}

function assertValidProtocol(protocol: string): void {
  const check = checkJobProtocol(protocol);
  if (!check.valid) {
    throw new InvalidProtocolError(check.problems);
  }
}

/** Wraps rows read in one go as a sequence of one batch. */
async function* inOneBatch<Row>(rows: Row[]): AsyncGenerator<Row[]> {
  yield rows;
}
