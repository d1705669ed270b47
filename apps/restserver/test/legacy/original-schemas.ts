import type { DataSource } from 'typeorm';

import * as v18 from '../../src/database/schema/original-v1.8-ddl';

/*
 * Databases as the original marketplace's versions left them, written for these tests from the
 * documented schema of each version (table by table, column by column), with a few rows each.
 */

const V15_SCHEMA = `
  CREATE TYPE "enum_MarketplaceItems_status" AS ENUM ('pending', 'approved', 'rejected');
  CREATE TABLE "MarketplaceItems" (
    "id" varchar(255) NOT NULL PRIMARY KEY,
    "name" varchar(255), "author" varchar(255), "type" varchar(255),
    "dataType" varchar(255), "dataUrl" varchar(255), "useBlob" boolean DEFAULT false,
    "categories" varchar(255)[], "tags" varchar(255)[],
    "summary" varchar(255), "description" text, "protocol" text NOT NULL,
    "useNumber" integer NOT NULL DEFAULT 0, "starNumber" integer NOT NULL DEFAULT 0,
    "status" "enum_MarketplaceItems_status",
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL
  );
  CREATE TABLE "Users" ("name" varchar(255) NOT NULL PRIMARY KEY, "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL);
  CREATE TABLE "StarRelation" (
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL,
    "MarketplaceItemId" varchar(255) NOT NULL REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
    "UserName" varchar(255) NOT NULL REFERENCES "Users" ("name") ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY ("MarketplaceItemId", "UserName")
  );
  CREATE TABLE "Blobs" (
    "id" varchar(255) NOT NULL PRIMARY KEY, "type" varchar(255) NOT NULL,
    "storageAccount" varchar(255) NOT NULL, "containerName" varchar(255) NOT NULL,
    "connectionStrings" text[] NOT NULL, "tokens" text[], "users" varchar(255)[],
    "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL
  );`;

const PROTOCOL = 'protocolVersion: 2\nname: legacy_job\ntype: job\ntaskRoles:\n  main:\n    dockerImage: img\n    resourcePerInstance: {cpu: 1, memoryMB: 512, gpu: 0}\n    commands: [echo hi]\nprerequisites:\n  - {name: img, type: dockerimage, uri: busybox}\n';

const V15_ROWS = `
  INSERT INTO "MarketplaceItems" ("id", "name", "author", "type", "categories", "tags", "summary", "protocol", "starNumber", "status", "createdAt", "updatedAt") VALUES
    ('1', 'Legacy MNIST', 'OpenPAI', 'old', '{vision}', '{"official example", mnist}', 'An official example', $$${PROTOCOL}$$, 1, 'approved', '2020-07-28T04:52:48.289Z', '2020-07-28T04:52:48.289Z'),
    ('alice-item', 'Alice data', 'alice', 'data', '{vision, " "}', '{cv, images, cv}', 'Alice''s dataset', $$${PROTOCOL}$$, 1, 'pending', now(), now()),
    ('bob-item', 'Bob template', 'bob', 'template', NULL, NULL, 'Bob''s template', $$${PROTOCOL}$$, 0, NULL, now(), now());
  INSERT INTO "Users" ("name", "createdAt", "updatedAt") VALUES ('alice', now(), now()), ('bob', now(), now());
  INSERT INTO "StarRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "UserName") VALUES (now(), now(), '1', 'alice'), (now(), now(), 'alice-item', 'bob');
  INSERT INTO "Blobs" ("id", "type", "storageAccount", "containerName", "connectionStrings", "tokens", "users", "createdAt", "updatedAt")
    VALUES ('blob-1', 'azureBlob', 'acct', 'marketplace', '{conn}', '{""}', '{""}', now(), now());`;

/** v1.5: no access control, tags and categories only as arrays on each item. */
export async function createOriginalV15(dataSource: DataSource): Promise<void> {
  await dataSource.query(V15_SCHEMA);
  await dataSource.query(V15_ROWS);
}

/** v1.6 or v1.7 as the server created it: v1.5 plus the access-control columns typed as in v1.8. */
export async function createOriginalV16(dataSource: DataSource): Promise<void> {
  await createOriginalV15(dataSource);
  await dataSource.query(v18.CREATE_SOURCE_ENUM);
  await dataSource.query(`
    ALTER TABLE "MarketplaceItems"
      ADD COLUMN "source" "enum_MarketplaceItems_source" NOT NULL DEFAULT 'marketplace',
      ADD COLUMN "isPublic" boolean NOT NULL DEFAULT true,
      ADD COLUMN "isPrivate" boolean NOT NULL DEFAULT false,
      ADD COLUMN "groupList" varchar(255)[] NOT NULL DEFAULT (ARRAY[]::varchar[])::varchar(255)[]`);
  await dataSource.query(`UPDATE "MarketplaceItems" SET "isPublic" = false, "isPrivate" = false, "groupList" = '{vision}' WHERE id = 'alice-item'`);
}

/**
 * v1.5 upgraded by the original's own command: `source` as plain text, and new columns that
 * default to private, so every item that existed then became private.
 */
export async function createOriginalV16ByCommand(dataSource: DataSource): Promise<void> {
  await createOriginalV15(dataSource);
  await dataSource.query(`
    ALTER TABLE "MarketplaceItems"
      ADD COLUMN "source" varchar(255) DEFAULT 'marketplace',
      ADD COLUMN "isPublic" boolean DEFAULT false,
      ADD COLUMN "isPrivate" boolean DEFAULT true,
      ADD COLUMN "groupList" varchar(255)[] DEFAULT '{}'`);
  await dataSource.query(`UPDATE "MarketplaceItems" SET "source" = 'pai', "isPublic" = true, "isPrivate" = false WHERE id = 'bob-item'`);
}

/** v1.8: exactly what its Sequelize `sync()` created, with an item, a tag and a category linked. */
export async function createOriginalV18(dataSource: DataSource): Promise<void> {
  for (const statement of v18.ORIGINAL_V18_SCHEMA) {
    await dataSource.query(statement);
  }
  await dataSource.query(`
    INSERT INTO "MarketplaceItems" ("id", "name", "author", "type", "isPublic", "isPrivate", "groupList", "protocol", "createdAt", "updatedAt") VALUES
      ('public-item', 'Public', 'bob', 'template', true, false, '{}', $$${PROTOCOL}$$, now(), now()),
      ('private-item', 'Private', 'alice', 'template', false, true, '{}', $$${PROTOCOL}$$, now(), now()),
      ('group-item', 'Shared', 'admin', 'template', false, false, '{vision}', $$${PROTOCOL}$$, now(), now());
    INSERT INTO "ItemTags" ("id", "name", "createdAt", "updatedAt") VALUES ('tag-1', 'cv', now(), now());
    INSERT INTO "ItemCategories" ("id", "name", "createdAt", "updatedAt") VALUES ('category-1', 'official example', now(), now());
    INSERT INTO "ItemTagRelation" VALUES (now(), now(), 'public-item', 'tag-1');
    INSERT INTO "ItemCategoryRelation" VALUES (now(), now(), 'public-item', 'category-1');
    CREATE TABLE "SequelizeMeta" ("name" varchar(255) NOT NULL PRIMARY KEY);
    INSERT INTO "SequelizeMeta" VALUES ('v1_5_to_v1_6_marketplace_item_update.js');`);
}
