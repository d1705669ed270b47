import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates, on an empty database, exactly the schema that the original v1.8 server's Sequelize
 * `sync()` created: same tables, quoted camel-case columns, enum types, primary keys and
 * cascading foreign keys under Sequelize's constraint names. Keeping the two identical lets a
 * cluster's existing database be adopted as it is.
 */
export class CreateMarketplaceSchema1796418000000 implements MigrationInterface {
  name = 'CreateMarketplaceSchema1796418000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "enum_MarketplaceItems_source" AS ENUM ('marketplace', 'pai')`);
    await queryRunner.query(`CREATE TYPE "enum_MarketplaceItems_status" AS ENUM ('pending', 'approved', 'rejected')`);

    await queryRunner.query(`
      CREATE TABLE "MarketplaceItems" (
        "id" varchar(255) NOT NULL,
        "name" varchar(255),
        "author" varchar(255),
        "type" varchar(255),
        "source" "enum_MarketplaceItems_source" NOT NULL DEFAULT 'marketplace',
        "isPublic" boolean NOT NULL DEFAULT true,
        "isPrivate" boolean NOT NULL DEFAULT false,
        "groupList" varchar(255)[] NOT NULL DEFAULT (ARRAY[]::varchar[])::varchar(255)[],
        "dataType" varchar(255),
        "dataUrl" varchar(255),
        "useBlob" boolean DEFAULT false,
        "categories" varchar(255)[],
        "tags" varchar(255)[],
        "summary" varchar(255),
        "description" text,
        "protocol" text NOT NULL,
        "useNumber" integer NOT NULL DEFAULT 0,
        "starNumber" integer NOT NULL DEFAULT 0,
        "status" "enum_MarketplaceItems_status",
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        CONSTRAINT "MarketplaceItems_pkey" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ItemTags" (
        "id" varchar(255) NOT NULL,
        "name" varchar(255) NOT NULL,
        "color" varchar(255),
        "description" varchar(255),
        "extras" text,
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        CONSTRAINT "ItemTags_pkey" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ItemCategories" (
        "id" varchar(255) NOT NULL,
        "name" varchar(255) NOT NULL,
        "description" varchar(255),
        "extras" text,
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        CONSTRAINT "ItemCategories_pkey" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ItemTagRelation" (
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        "MarketplaceItemId" varchar(255) NOT NULL,
        "ItemTagId" varchar(255) NOT NULL,
        CONSTRAINT "ItemTagRelation_pkey" PRIMARY KEY ("MarketplaceItemId", "ItemTagId"),
        CONSTRAINT "ItemTagRelation_MarketplaceItemId_fkey" FOREIGN KEY ("MarketplaceItemId")
          REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
        CONSTRAINT "ItemTagRelation_ItemTagId_fkey" FOREIGN KEY ("ItemTagId")
          REFERENCES "ItemTags" ("id") ON UPDATE CASCADE ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "ItemCategoryRelation" (
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        "MarketplaceItemId" varchar(255) NOT NULL,
        "ItemCategoryId" varchar(255) NOT NULL,
        CONSTRAINT "ItemCategoryRelation_pkey" PRIMARY KEY ("MarketplaceItemId", "ItemCategoryId"),
        CONSTRAINT "ItemCategoryRelation_MarketplaceItemId_fkey" FOREIGN KEY ("MarketplaceItemId")
          REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
        CONSTRAINT "ItemCategoryRelation_ItemCategoryId_fkey" FOREIGN KEY ("ItemCategoryId")
          REFERENCES "ItemCategories" ("id") ON UPDATE CASCADE ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "Blobs" (
        "id" varchar(255) NOT NULL,
        "type" varchar(255) NOT NULL,
        "storageAccount" varchar(255) NOT NULL,
        "containerName" varchar(255) NOT NULL,
        "connectionStrings" text[] NOT NULL,
        "tokens" text[],
        "users" varchar(255)[],
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        CONSTRAINT "Blobs_pkey" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "Users" (
        "name" varchar(255) NOT NULL,
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        CONSTRAINT "Users_pkey" PRIMARY KEY ("name")
      )`);

    await queryRunner.query(`
      CREATE TABLE "StarRelation" (
        "createdAt" timestamptz NOT NULL,
        "updatedAt" timestamptz NOT NULL,
        "MarketplaceItemId" varchar(255) NOT NULL,
        "UserName" varchar(255) NOT NULL,
        CONSTRAINT "StarRelation_pkey" PRIMARY KEY ("MarketplaceItemId", "UserName"),
        CONSTRAINT "StarRelation_MarketplaceItemId_fkey" FOREIGN KEY ("MarketplaceItemId")
          REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
        CONSTRAINT "StarRelation_UserName_fkey" FOREIGN KEY ("UserName")
          REFERENCES "Users" ("name") ON UPDATE CASCADE ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'StarRelation',
      'Users',
      'Blobs',
      'ItemCategoryRelation',
      'ItemTagRelation',
      'ItemCategories',
      'ItemTags',
      'MarketplaceItems',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_status"`);
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_source"`);
  }
}
