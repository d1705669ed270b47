/**
 * DDL of the original v1.8 server's schema, statement for statement, as Sequelize created it.
 * The first migration and the adoption of older databases both use these statements, so the
 * two paths produce the same tables. Like a landed migration, this file is never edited: a
 * later schema change gets a migration of its own.
 */

export const CREATE_SOURCE_ENUM = `CREATE TYPE "enum_MarketplaceItems_source" AS ENUM ('marketplace', 'pai')`;
export const CREATE_STATUS_ENUM = `CREATE TYPE "enum_MarketplaceItems_status" AS ENUM ('pending', 'approved', 'rejected')`;

export const CREATE_MARKETPLACE_ITEMS = `
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
  )`;

export const CREATE_ITEM_TAGS = `
  CREATE TABLE "ItemTags" (
    "id" varchar(255) NOT NULL,
    "name" varchar(255) NOT NULL,
    "color" varchar(255),
    "description" varchar(255),
    "extras" text,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    CONSTRAINT "ItemTags_pkey" PRIMARY KEY ("id")
  )`;

export const CREATE_ITEM_CATEGORIES = `
  CREATE TABLE "ItemCategories" (
    "id" varchar(255) NOT NULL,
    "name" varchar(255) NOT NULL,
    "description" varchar(255),
    "extras" text,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    CONSTRAINT "ItemCategories_pkey" PRIMARY KEY ("id")
  )`;

export const CREATE_ITEM_TAG_RELATION = `
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
  )`;

export const CREATE_ITEM_CATEGORY_RELATION = `
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
  )`;

export const CREATE_BLOBS = `
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
  )`;

export const CREATE_USERS = `
  CREATE TABLE "Users" (
    "name" varchar(255) NOT NULL,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    CONSTRAINT "Users_pkey" PRIMARY KEY ("name")
  )`;

export const CREATE_STAR_RELATION = `
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
  )`;

/** Every statement above, in an order that satisfies the foreign keys. */
export const ORIGINAL_V18_SCHEMA = [
  CREATE_SOURCE_ENUM,
  CREATE_STATUS_ENUM,
  CREATE_MARKETPLACE_ITEMS,
  CREATE_ITEM_TAGS,
  CREATE_ITEM_CATEGORIES,
  CREATE_ITEM_TAG_RELATION,
  CREATE_ITEM_CATEGORY_RELATION,
  CREATE_BLOBS,
  CREATE_USERS,
  CREATE_STAR_RELATION,
];
