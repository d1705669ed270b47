import { randomUUID } from 'node:crypto';

import { OFFICIAL_EXAMPLE_CATEGORY } from '@openpai-marketplace/shared-types';

import { itemBody } from '../factories';
import type { TestApp } from '../test-app';
import { EARLIER_STATE_SETTINGS, VISIBILITIES, VISIBILITY_SETTINGS, type EarlierState, type Visibility } from './access-matrix';

/** A linked tag or category of a matrix item. */
export interface Label {
  id: string;
  name: string;
}

/**
 * One item of the matrix, authored by alice. Its word, tag and category belong to it alone, so a
 * search, filter or facet count that finds them has found this item.
 */
export interface MatrixItem {
  id: string;
  visibility: Visibility;
  name: string;
  /** A word of the summary that no other item has. */
  word: string;
  /** The description before the item's one edit, kept by revision 1. */
  firstDescription: string;
  description: string;
  tag: Label;
  category: Label;
}

/** The items of the matrix and the labels its write cells link and unlink. */
export interface MatrixWorld {
  t: TestApp;
  items: Record<Visibility, MatrixItem>;
  spareTag: Label;
  spareCategory: Label;
  officialCategory: Label;
}

/** Creates the tags and categories, then one item per visibility. */
export async function createWorld(t: TestApp): Promise<MatrixWorld> {
  const officialCategory = await findOrCreateCategory(t, OFFICIAL_EXAMPLE_CATEGORY);
  const world: MatrixWorld = {
    t,
    items: {} as Record<Visibility, MatrixItem>,
    spareTag: await createLabel(t, 'tags', `matrix-spare-tag-${shortId()}`),
    spareCategory: await createLabel(t, 'categories', `matrix-spare-category-${shortId()}`),
    officialCategory,
  };

  for (const visibility of VISIBILITIES) {
    const slug = visibility.replace(/[^a-z]/g, '');
    const marker = shortId();
    const template = {
      visibility,
      word: `matrix${slug}${marker}`,
      name: `Matrix ${visibility} item ${marker}`,
      firstDescription: `First description of the ${visibility} item ${marker}`,
      description: `Current description of the ${visibility} item ${marker}`,
      tag: await createLabel(t, 'tags', `matrix-tag-${slug}-${marker}`),
      category: await createLabel(t, 'categories', `matrix-category-${slug}-${marker}`),
    };
    world.items[visibility] = { ...template, id: await createItem(world, template) };
  }
  return world;
}

/** Creates the item of a visibility again, with the same name, word and labels, after a delete. */
export async function recreateItem(world: MatrixWorld, visibility: Visibility): Promise<void> {
  const item = world.items[visibility];
  world.items[visibility] = { ...item, id: await createItem(world, item) };
}

/**
 * Stores the item as alice, edits its description once (so that revision 1 exists), links its
 * tag and category, and lets an admin put the official example in its category.
 */
async function createItem(world: MatrixWorld, item: Omit<MatrixItem, 'id'>): Promise<string> {
  const { t } = world;
  const { officialExample, ...visibility } = VISIBILITY_SETTINGS[item.visibility];
  const created = await t
    .as('alice')
    .post('/items')
    .send(itemBody('alice', { name: item.name, summary: `Matrix item ${item.word}`, description: item.firstDescription, ...visibility }))
    .expect(201);
  const id = created.body.id as string;

  await t.as('alice').put(`/items/${id}`).send({ description: item.description }).expect(200);
  await t.as('alice').post(`/items/${id}/tag/${item.tag.id}`).expect(200);
  await t.as('alice').post(`/items/${id}/category/${item.category.id}`).expect(200);
  if (officialExample) {
    await t.as('admin').post(`/items/${id}/category/${world.officialCategory.id}`).expect(200);
  }
  return id;
}

/** An item of alice's that is public now but began in another state, kept by revision 1. */
export interface EarlierStateItem {
  id: string;
  state: EarlierState;
  name: string;
  firstDescription: string;
  description: string;
}

/** Creates the item in its first state, then makes it public with a new description. */
export async function createEarlierStateItem(t: TestApp, state: EarlierState): Promise<EarlierStateItem> {
  const marker = shortId();
  const item = {
    state,
    name: `Matrix item ${marker}, ${state}`,
    firstDescription: `Unpublished draft ${marker}`,
    description: `Published description ${marker}`,
  };
  const created = await t
    .as('alice')
    .post('/items')
    .send(itemBody('alice', { name: item.name, description: item.firstDescription, ...EARLIER_STATE_SETTINGS[state] }))
    .expect(201);
  const id = created.body.id as string;

  await t.as('alice').put(`/items/${id}`).send({ isPublic: true, description: item.description }).expect(200);
  return { ...item, id };
}

async function createLabel(t: TestApp, collection: 'tags' | 'categories', name: string): Promise<Label> {
  const response = await t.as('admin').post(`/${collection}`).send({ name }).expect(201);
  return { id: response.body.id as string, name };
}

async function findOrCreateCategory(t: TestApp, name: string): Promise<Label> {
  const categories: Label[] = (await t.as('admin').get('/categories').expect(200)).body;
  const existing = categories.find((category) => category.name === name);
  return existing ? { id: existing.id, name } : createLabel(t, 'categories', name);
}

function shortId(): string {
  return randomUUID().slice(0, 8);
}

/**
 * Everything about an item that a request could change, read back as its author sees it and
 * from the tables behind it: a refused request must leave all of it as it was.
 */
export async function itemState(world: MatrixWorld, itemId: string): Promise<unknown> {
  const { t } = world;
  const authorView = await t.as('alice').get(`/items/${itemId}`);
  const column = async (sql: string) => (await t.dataSource.query(sql, [itemId])).map((row: { value: unknown }) => row.value);

  return {
    authorView: { status: authorView.status, body: authorView.body },
    tags: await column(`SELECT "ItemTagId" AS value FROM "ItemTagRelation" WHERE "MarketplaceItemId" = $1 ORDER BY 1`),
    categories: await column(`SELECT "ItemCategoryId" AS value FROM "ItemCategoryRelation" WHERE "MarketplaceItemId" = $1 ORDER BY 1`),
    stars: await column(`SELECT "UserName" AS value FROM "StarRelation" WHERE "MarketplaceItemId" = $1 ORDER BY 1`),
    uses: await column(`SELECT "UserName" || ' ' || "countedAt" AS value FROM "ItemUses" WHERE "MarketplaceItemId" = $1 ORDER BY 1`),
    copies: await column(`SELECT id AS value FROM "MarketplaceItems" WHERE "copiedFrom" = $1 ORDER BY 1`),
    revisions: await column(`SELECT revision || ' ' || "changedBy" AS value FROM "ItemRevisions" WHERE "MarketplaceItemId" = $1 ORDER BY revision`),
  };
}

/** Stores a star as if the user had given it while the item was visible to them. */
export async function storeStar(world: MatrixWorld, itemId: string, username: string): Promise<void> {
  const { dataSource } = world.t;
  await dataSource.query(`INSERT INTO "Users" (name, "createdAt", "updatedAt") VALUES ($1, now(), now()) ON CONFLICT DO NOTHING`, [username]);
  const added = await dataSource.query(
    `INSERT INTO "StarRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "UserName") VALUES (now(), now(), $1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [itemId, username],
  );
  await dataSource.query(`UPDATE "MarketplaceItems" SET "starNumber" = "starNumber" + $2 WHERE id = $1`, [itemId, added.length]);
}

/** Removes a user's star, if any, keeping the item's star count consistent. */
export async function removeStar(world: MatrixWorld, itemId: string, username: string): Promise<void> {
  const { dataSource } = world.t;
  const removed = await dataSource.query(`DELETE FROM "StarRelation" WHERE "MarketplaceItemId" = $1 AND "UserName" = $2 RETURNING 1`, [itemId, username]);
  await dataSource.query(`UPDATE "MarketplaceItems" SET "starNumber" = GREATEST("starNumber" - $2, 0) WHERE id = $1`, [itemId, removed.length]);
}

/** Checks whether a link row between the item and a tag or category exists. */
export async function isLinked(world: MatrixWorld, kind: 'tag' | 'category', itemId: string, labelId: string): Promise<boolean> {
  const [table, column] = kind === 'tag' ? ['ItemTagRelation', 'ItemTagId'] : ['ItemCategoryRelation', 'ItemCategoryId'];
  const rows = await world.t.dataSource.query(`SELECT 1 FROM "${table}" WHERE "MarketplaceItemId" = $1 AND "${column}" = $2`, [itemId, labelId]);
  return rows.length > 0;
}

/** Links or unlinks a tag or category directly in the table, to restore an item after a cell. */
export async function setLinked(world: MatrixWorld, kind: 'tag' | 'category', itemId: string, labelId: string, linked: boolean): Promise<void> {
  const [table, column] = kind === 'tag' ? ['ItemTagRelation', 'ItemTagId'] : ['ItemCategoryRelation', 'ItemCategoryId'];
  if (linked) {
    await world.t.dataSource.query(
      `INSERT INTO "${table}" ("createdAt", "updatedAt", "MarketplaceItemId", "${column}") VALUES (now(), now(), $1, $2) ON CONFLICT DO NOTHING`,
      [itemId, labelId],
    );
  } else {
    await world.t.dataSource.query(`DELETE FROM "${table}" WHERE "MarketplaceItemId" = $1 AND "${column}" = $2`, [itemId, labelId]);
  }
}
