import { randomUUID } from 'node:crypto';

import type { QueryRunner } from 'typeorm';

import { OFFICIAL_EXAMPLE_CATEGORY } from '@openpai-marketplace/shared-types';

import * as ddl from '../schema/original-v1.8-ddl';

/**
 * One step that brings a database of an older original server closer to the v1.8 schema. Steps
 * run inside the adoption's single transaction; `down` undoes the step's schema change.
 */
export interface LegacyUpgradeStep {
  readonly name: string;
  readonly description: string;
  up(queryRunner: QueryRunner): Promise<void>;
  down(queryRunner: QueryRunner): Promise<void>;
}

/**
 * v1.5 had no access control, so every item was visible to everyone: the new columns default
 * to public, exactly as the original v1.8 created them, and every existing row becomes public.
 */
export const addAccessControlColumns: LegacyUpgradeStep = {
  name: 'AddAccessControlColumns',
  description: 'add source, isPublic, isPrivate and groupList to "MarketplaceItems"; existing items stay visible to everyone',
  async up(queryRunner) {
    await createSourceEnumIfMissing(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "MarketplaceItems"
        ADD COLUMN "source" "enum_MarketplaceItems_source" NOT NULL DEFAULT 'marketplace',
        ADD COLUMN "isPublic" boolean NOT NULL DEFAULT true,
        ADD COLUMN "isPrivate" boolean NOT NULL DEFAULT false,
        ADD COLUMN "groupList" varchar(255)[] NOT NULL DEFAULT (ARRAY[]::varchar[])::varchar(255)[]`);
  },
  async down(queryRunner) {
    await queryRunner.query(`ALTER TABLE "MarketplaceItems" DROP COLUMN "source", DROP COLUMN "isPublic", DROP COLUMN "isPrivate", DROP COLUMN "groupList"`);
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_source"`);
  },
};

/**
 * The original's own v1.5-to-v1.6 command added `source` as text and defaulted new items to
 * private. This step gives the columns v1.8's types and defaults; stored values are kept, so an
 * item that was private stays private.
 */
export const normaliseAccessControlColumns: LegacyUpgradeStep = {
  name: 'NormaliseAccessControlColumns',
  description: 'turn the text column "source" into the v1.8 enum and give isPublic, isPrivate and groupList the v1.8 defaults',
  async up(queryRunner) {
    const unknown: { source: string }[] = await queryRunner.query(
      `SELECT DISTINCT "source" FROM "MarketplaceItems" WHERE "source" IS NOT NULL AND "source" NOT IN ('marketplace', 'pai')`,
    );
    if (unknown.length > 0) {
      throw new Error(
        `"MarketplaceItems"."source" contains ${unknown.map((row) => JSON.stringify(row.source)).join(', ')}, but only "marketplace" and "pai" are known; correct those rows and start again`,
      );
    }

    await createSourceEnumIfMissing(queryRunner);
    // NULLs mean what the original's queries made of them: not public, not shared, so hidden.
    await queryRunner.query(`
      UPDATE "MarketplaceItems" SET
        "source" = COALESCE("source", 'marketplace'),
        "isPublic" = COALESCE("isPublic", false),
        "isPrivate" = COALESCE("isPrivate", true),
        "groupList" = COALESCE("groupList", ARRAY[]::varchar[])
      WHERE "source" IS NULL OR "isPublic" IS NULL OR "isPrivate" IS NULL OR "groupList" IS NULL`);
    await queryRunner.query(`
      ALTER TABLE "MarketplaceItems"
        ALTER COLUMN "source" DROP DEFAULT,
        ALTER COLUMN "source" TYPE "enum_MarketplaceItems_source" USING "source"::"enum_MarketplaceItems_source",
        ALTER COLUMN "source" SET DEFAULT 'marketplace',
        ALTER COLUMN "source" SET NOT NULL,
        ALTER COLUMN "isPublic" SET DEFAULT true,
        ALTER COLUMN "isPublic" SET NOT NULL,
        ALTER COLUMN "isPrivate" SET DEFAULT false,
        ALTER COLUMN "isPrivate" SET NOT NULL,
        ALTER COLUMN "groupList" TYPE varchar(255)[],
        ALTER COLUMN "groupList" SET DEFAULT (ARRAY[]::varchar[])::varchar(255)[],
        ALTER COLUMN "groupList" SET NOT NULL`);
  },
  async down(queryRunner) {
    await queryRunner.query(`
      ALTER TABLE "MarketplaceItems"
        ALTER COLUMN "source" DROP DEFAULT,
        ALTER COLUMN "source" TYPE varchar(255) USING "source"::text,
        ALTER COLUMN "isPublic" SET DEFAULT false,
        ALTER COLUMN "isPrivate" SET DEFAULT true`);
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_source"`);
  },
};

export const createTagAndCategoryTables: LegacyUpgradeStep = {
  name: 'CreateTagAndCategoryTables',
  description: 'create ItemTags, ItemCategories and their link tables as v1.8 has them',
  async up(queryRunner) {
    for (const statement of [ddl.CREATE_ITEM_TAGS, ddl.CREATE_ITEM_CATEGORIES, ddl.CREATE_ITEM_TAG_RELATION, ddl.CREATE_ITEM_CATEGORY_RELATION]) {
      await queryRunner.query(statement);
    }
  },
  async down(queryRunner) {
    for (const table of ['ItemCategoryRelation', 'ItemTagRelation', 'ItemCategories', 'ItemTags']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  },
};

/**
 * Before v1.8, tags and categories lived only in each item's `tags` and `categories` arrays.
 * This step creates a tag or category per distinct name and links the items, so that the v1.8
 * filters find them. The arrays themselves stay as they are. v1.5 marked its examples with the
 * tag `official example`, which v1.8 made a category, so that name becomes a category link
 * wherever it appears, and the examples get v1.8's admin-only protection.
 */
export const linkLegacyLabels: LegacyUpgradeStep = {
  name: 'LinkLegacyTagsAndCategories',
  description: `link each item to tags and categories named in its "tags" and "categories" arrays ("${OFFICIAL_EXAMPLE_CATEGORY}" as a category)`,
  async up(queryRunner) {
    const labels: { itemId: string; name: string; kind: 'tag' | 'category' }[] = await queryRunner.query(
      `SELECT DISTINCT id AS "itemId", btrim(label) AS name,
              CASE WHEN source_array = 'categories' OR btrim(label) = $1 THEN 'category' ELSE 'tag' END AS kind
       FROM (
         SELECT id, unnest(tags) AS label, 'tags' AS source_array FROM "MarketplaceItems"
         UNION ALL
         SELECT id, unnest(categories) AS label, 'categories' AS source_array FROM "MarketplaceItems"
       ) AS labels
       WHERE btrim(coalesce(label, '')) <> ''`,
      [OFFICIAL_EXAMPLE_CATEGORY],
    );

    const idsByName = { tag: new Map<string, string>(), category: new Map<string, string>() };
    for (const label of labels) {
      if (!idsByName[label.kind].has(label.name)) {
        const id = randomUUID();
        idsByName[label.kind].set(label.name, id);
        const table = label.kind === 'tag' ? 'ItemTags' : 'ItemCategories';
        await queryRunner.query(`INSERT INTO "${table}" (id, name, "createdAt", "updatedAt") VALUES ($1, $2, now(), now())`, [id, label.name]);
      }
      const [table, column] = label.kind === 'tag' ? ['ItemTagRelation', 'ItemTagId'] : ['ItemCategoryRelation', 'ItemCategoryId'];
      await queryRunner.query(
        `INSERT INTO "${table}" ("createdAt", "updatedAt", "MarketplaceItemId", "${column}") VALUES (now(), now(), $1, $2) ON CONFLICT DO NOTHING`,
        [label.itemId, idsByName[label.kind].get(label.name)],
      );
    }
  },
  async down(queryRunner) {
    for (const table of ['ItemCategoryRelation', 'ItemTagRelation', 'ItemCategories', 'ItemTags']) {
      await queryRunner.query(`DELETE FROM "${table}"`);
    }
  },
};

async function createSourceEnumIfMissing(queryRunner: QueryRunner): Promise<void> {
  const existing = await queryRunner.query(`SELECT 1 FROM pg_type WHERE typname = 'enum_MarketplaceItems_source'`);
  if (existing.length === 0) {
    await queryRunner.query(ddl.CREATE_SOURCE_ENUM);
  }
}
