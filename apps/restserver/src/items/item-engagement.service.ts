import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { OFFICIAL_EXAMPLE_CATEGORY, type Caller, type Created } from '@openpai-marketplace/shared-types';

import { sqlStateOf } from '../common/errors/database-errors';
import { ItemNotFoundError } from './items.errors';
import { ItemsService } from './items.service';

/** PostgreSQL's foreign key violation: here, the item was deleted after it was found. */
const FOREIGN_KEY_VIOLATION = '23503';

/** A launch by the same user of the same item is counted at most once in this many minutes. */
export const USE_WINDOW_MINUTES = 60;

/**
 * Stars, launches and copies: what users do with items besides editing them. Each counter query
 * ends in a SELECT, because TypeORM returns a top-level UPDATE's rows wrapped with a row count. Counters change in
 * single SQL statements, so concurrent requests, from any number of replicas, never lose an
 * increment and one user's repeated request never counts twice.
 */
@Injectable()
export class ItemEngagementService {
  constructor(
    private readonly itemsService: ItemsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async star(caller: Caller, itemId: string): Promise<{ starred: true; starNumber: number }> {
    await this.itemsService.findVisible(caller, itemId);
    await this.dataSource.query(`INSERT INTO "Users" (name, "createdAt", "updatedAt") VALUES ($1, now(), now()) ON CONFLICT DO NOTHING`, [caller.username]);
    const row = await this.counterRow(
      itemId,
      `WITH added AS (
         INSERT INTO "StarRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "UserName") VALUES (now(), now(), $1, $2)
         ON CONFLICT DO NOTHING RETURNING 1)
       , updated AS (UPDATE "MarketplaceItems" SET "starNumber" = "starNumber" + (SELECT count(*) FROM added) WHERE id = $1 RETURNING "starNumber")
       SELECT "starNumber" FROM updated`,
      [itemId, caller.username],
    );
    return { starred: true, starNumber: row.starNumber as number };
  }

  async unstar(caller: Caller, itemId: string): Promise<{ starred: false; starNumber: number }> {
    await this.itemsService.findVisible(caller, itemId);
    const row = await this.counterRow(
      itemId,
      `WITH removed AS (
         DELETE FROM "StarRelation" WHERE "MarketplaceItemId" = $1 AND "UserName" = $2 RETURNING 1)
       , updated AS (UPDATE "MarketplaceItems" SET "starNumber" = GREATEST("starNumber" - (SELECT count(*) FROM removed), 0) WHERE id = $1 RETURNING "starNumber")
       SELECT "starNumber" FROM updated`,
      [itemId, caller.username],
    );
    return { starred: false, starNumber: row.starNumber as number };
  }

  /** Counts a launch unless the same user's last counted launch of this item is within the window. */
  async use(caller: Caller, itemId: string): Promise<{ counted: boolean; useNumber: number }> {
    await this.itemsService.findVisible(caller, itemId);
    const row = await this.counterRow(
      itemId,
      `WITH counted AS (
         INSERT INTO "ItemUses" ("MarketplaceItemId", "UserName", "countedAt") VALUES ($1, $2, now())
         ON CONFLICT ("MarketplaceItemId", "UserName") DO UPDATE SET "countedAt" = now()
           WHERE "ItemUses"."countedAt" < now() - make_interval(mins => $3)
         RETURNING 1)
       , updated AS (UPDATE "MarketplaceItems" SET "useNumber" = "useNumber" + (SELECT count(*) FROM counted) WHERE id = $1 RETURNING "useNumber")
       SELECT "useNumber", (SELECT count(*) FROM counted) > 0 AS counted FROM updated`,
      [itemId, caller.username, USE_WINDOW_MINUTES],
    );
    return { counted: row.counted as boolean, useNumber: row.useNumber as number };
  }

  /**
   * Runs a counter statement and returns its row. An item deleted between the visibility check
   * and the statement leaves no row, or breaks a foreign key: either way the item is not found.
   */
  private async counterRow(itemId: string, sql: string, parameters: unknown[]): Promise<Record<string, unknown>> {
    let rows: Record<string, unknown>[];
    try {
      rows = await this.dataSource.query(sql, parameters);
    } catch (error) {
      if (sqlStateOf(error) === FOREIGN_KEY_VIOLATION) {
        throw new ItemNotFoundError(itemId);
      }
      throw error;
    }
    if (rows.length === 0) {
      throw new ItemNotFoundError(itemId);
    }
    return rows[0];
  }

  /**
   * Copies an item the caller may see into a private item of theirs, remembering the source. Tags
   * come along; categories do not, since `official example` and other categories are an admin's choice.
   */
  async copy(caller: Caller, itemId: string): Promise<Created> {
    const source = await this.itemsService.findVisible(caller, itemId);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const copied: unknown[] = await manager.query(
        `INSERT INTO "MarketplaceItems" (id, name, author, type, source, "isPublic", "isPrivate", "groupList", "dataType", "dataUrl", "useBlob",
           categories, tags, summary, description, protocol, "useNumber", "starNumber", status, "copiedFrom", "createdAt", "updatedAt")
         SELECT $1, name, $2, type, 'marketplace', false, true, '{}', "dataType", "dataUrl", "useBlob",
           array_remove(categories, $3), tags, summary, description, protocol, 0, 0, NULL, id, now(), now()
         FROM "MarketplaceItems" WHERE id = $4
         RETURNING id`,
        [id, caller.username, OFFICIAL_EXAMPLE_CATEGORY, source.id],
      );
      // The source may have been deleted since it was found; then nothing was copied.
      if (copied.length === 0) {
        throw new ItemNotFoundError(itemId);
      }
      await manager.query(
        `INSERT INTO "ItemTagRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "ItemTagId")
         SELECT now(), now(), $1, "ItemTagId" FROM "ItemTagRelation" WHERE "MarketplaceItemId" = $2`,
        [id, source.id],
      );
    });
    return { id };
  }

  /** Items the caller starred and may still see, newest star first. */
  async starredIds(caller: Caller): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT "MarketplaceItemId" AS id FROM "StarRelation" WHERE "UserName" = $1 ORDER BY "createdAt" DESC`,
      [caller.username],
    );
    return rows.map((row) => row.id);
  }
}
