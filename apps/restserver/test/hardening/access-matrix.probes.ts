import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { EDIT, outcomeOf, type EndpointName, type HistoryEndpointName, type Role } from './access-matrix';
import { isLinked, recreateItem, removeStar, setLinked, storeStar, type EarlierStateItem, type MatrixItem, type MatrixWorld } from './access-matrix.fixtures';

/** The cell a probe runs: the items, the caller and the item under test. */
export interface Cell {
  world: MatrixWorld;
  role: Role;
  /** The fake OpenPAI user playing the role; none for anonymous and invalid-token callers. */
  username?: string;
  agent: TestAgent;
  item: MatrixItem;
}

/** An endpoint that lists items: a hidden item is left out of a 200 response. */
export interface ListProbe {
  kind: 'list';
  /** Sends the cell's list requests; each response is checked. */
  send(cell: Cell): Promise<Response[]>;
  expectShown(responses: Response[], cell: Cell): void;
  expectAbsent(responses: Response[], cell: Cell): void;
  prepare?(cell: Cell): Promise<void>;
  cleanUp?(cell: Cell): Promise<void>;
}

/** An endpoint about one item: a hidden item gets the same response as an unknown id. */
export interface ItemProbe {
  kind: 'item';
  /** Sends the cell's request about `itemId`: the cell's item, or an unknown id to compare with. */
  send(cell: Cell, itemId: string): Promise<Response>;
  /** Checks the response and the change made when the cell expects `shown` or `done`. */
  expectAllowed(response: Response, cell: Cell): Promise<void>;
  prepare?(cell: Cell): Promise<void>;
  /** Undoes whatever the cell changed, whatever its outcome, so the next cell starts alike. */
  cleanUp?(cell: Cell): Promise<void>;
}

export type Probe = ListProbe | ItemProbe;

const ids = (items: { id: string }[]) => items.map((item) => item.id);

/** A list probe of one request whose bare array must hold the item (or not). */
function bareListProbe(path: (item: MatrixItem) => string): ListProbe {
  return {
    kind: 'list',
    send: async ({ agent, item }) => [await agent.get(path(item))],
    expectShown: ([response], { item }) => {
      expect(ids(response.body).filter((id) => id === item.id)).toHaveLength(1);
    },
    expectAbsent: ([response], { item }) => {
      expect(ids(response.body)).not.toContain(item.id);
    },
  };
}

/** Builds a probe of one read about the item, checking a 200 response. */
function itemReadProbe(path: (itemId: string) => string, expectBody: (body: unknown, cell: Cell) => void): ItemProbe {
  return {
    kind: 'item',
    send: ({ agent }, itemId) => agent.get(path(itemId)),
    expectAllowed: async (response, cell) => {
      expect(response.status).toBe(200);
      expectBody(response.body, cell);
    },
  };
}

/**
 * Builds a probe of linking (or unlinking) a tag or category: `done` leaves the link as requested, and
 * the clean-up puts it back as the matrix item had it.
 */
function linkProbe(kind: 'tag' | 'category', action: 'link' | 'unlink', label: (cell: Cell) => string): ItemProbe {
  const linkedBefore = action === 'unlink';
  return {
    kind: 'item',
    send: (cell, itemId) => {
      const path = `/items/${itemId}/${kind}/${label(cell)}`;
      return action === 'link' ? cell.agent.post(path) : cell.agent.delete(path);
    },
    expectAllowed: async (response, cell) => {
      expect(response.status).toBe(200);
      if (action === 'link') {
        expect(response.text).toBe('added');
      } else {
        expect(response.body).toBe('deleted');
      }
      expect(await isLinked(cell.world, kind, cell.item.id, label(cell))).toBe(!linkedBefore);
    },
    cleanUp: (cell) => setLinked(cell.world, kind, cell.item.id, label(cell), linkedBefore),
  };
}

/** Stores a star of the caller's on the item, as if given while the item was visible to them. */
async function storeCallerStar({ world, item, username }: Cell): Promise<void> {
  if (username) {
    await storeStar(world, item.id, username);
  }
}

async function removeCallerStar({ world, item, username }: Cell): Promise<void> {
  if (username) {
    await removeStar(world, item.id, username);
  }
}

/** Builds a probe of starring, or of removing a star stored beforehand; `done` leaves the star as requested. */
function starProbe(action: 'star' | 'unstar'): ItemProbe {
  const starred = action === 'star';
  return {
    kind: 'item',
    send: ({ agent }, itemId) => (starred ? agent.put(`/items/${itemId}/star`) : agent.delete(`/items/${itemId}/star`)),
    prepare: starred ? undefined : storeCallerStar,
    expectAllowed: async (response, { world, item, username }) => {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ starred, starNumber: starred ? 1 : 0 });
      const stars = await world.t.dataSource.query(`SELECT 1 FROM "StarRelation" WHERE "MarketplaceItemId" = $1 AND "UserName" = $2`, [item.id, username]);
      expect(stars).toHaveLength(starred ? 1 : 0);
    },
    cleanUp: removeCallerStar,
  };
}

/** How each endpoint of the matrix is called and what its allowed response must contain. */
export const PROBES: Record<EndpointName, Probe> = {
  list: bareListProbe(() => '/items'),

  'list filters': {
    kind: 'list',
    send: async ({ agent, item }) => [
      await agent.get('/items').query({ name: item.name }),
      await agent.get('/items').query({ author: 'alice' }),
      await agent.get('/items').query({ tag: item.tag.name }),
      await agent.get('/items').query({ category: item.category.name }),
    ],
    expectShown: (responses, { item }) => {
      for (const response of responses) {
        expect(ids(response.body)).toContain(item.id);
      }
    },
    expectAbsent: (responses, { item }) => {
      for (const response of responses) {
        expect(ids(response.body)).not.toContain(item.id);
      }
    },
  },

  'paged search': {
    kind: 'list',
    send: async ({ agent, item }) => [await agent.get('/items').query({ q: item.word, limit: 5 })],
    expectShown: ([response], { item }) => {
      expect(response.body.total).toBe(1);
      expect(ids(response.body.items)).toEqual([item.id]);
      expect(response.body.nextOffset).toBeNull();
    },
    expectAbsent: ([response]) => {
      expect(response.body.total).toBe(0);
      expect(response.body.items).toEqual([]);
      expect(response.body.nextOffset).toBeNull();
    },
  },

  facets: {
    kind: 'list',
    send: async ({ agent, item }) => [
      await agent.get('/items').query({ q: item.word, limit: 1, facets: 'true' }),
      await agent.get('/items').query({ limit: 1, facets: 'true' }),
    ],
    expectShown: ([filtered, everything], { item, world }) => {
      const official = item.visibility === 'official example' ? { [world.officialCategory.name]: 1 } : {};
      expect(filtered.body.total).toBe(1);
      expect(filtered.body.facets).toEqual({
        type: { template: 1 },
        source: { marketplace: 1 },
        tag: { [item.tag.name]: 1 },
        category: { [item.category.name]: 1, ...official },
      });
      expect(everything.body.facets.tag[item.tag.name]).toBe(1);
      expect(everything.body.facets.category[item.category.name]).toBe(1);
    },
    expectAbsent: ([filtered, everything], { item }) => {
      expect(filtered.body.total).toBe(0);
      expect(filtered.body.facets).toEqual({ type: {}, source: {}, tag: {}, category: {} });
      expect(everything.body.facets.tag).not.toHaveProperty([item.tag.name]);
      expect(everything.body.facets.category).not.toHaveProperty([item.category.name]);
    },
  },

  keyword: {
    kind: 'list',
    send: async ({ agent, item }) => [await agent.get('/items').query({ keyword: item.word.toUpperCase() })],
    expectShown: ([response], { item }) => {
      expect(ids(response.body)).toEqual([item.id]);
    },
    expectAbsent: ([response]) => {
      expect(response.body).toEqual([]);
    },
  },

  'starred list': { ...bareListProbe(() => '/stars'), prepare: storeCallerStar, cleanUp: removeCallerStar },

  get: itemReadProbe(
    (itemId) => `/items/${itemId}`,
    (body, { item, role }) => {
      const editable = outcomeOf(EDIT, role, item.visibility) === 'done';
      expect(body).toMatchObject({ id: item.id, name: item.name, author: 'alice', description: item.description });
      expect(body).toHaveProperty('permissions', { edit: editable, delete: editable, share: editable });
    },
  ),

  'item tags': itemReadProbe(
    (itemId) => `/items/${itemId}/tag`,
    (body, { item }) => {
      expect((body as { name: string }[]).map((tag) => tag.name)).toEqual([item.tag.name]);
    },
  ),

  'item categories': itemReadProbe(
    (itemId) => `/items/${itemId}/category`,
    (body, { item, world }) => {
      const official = item.visibility === 'official example' ? [world.officialCategory.name] : [];
      expect((body as { name: string }[]).map((category) => category.name)).toEqual([item.category.name, ...official]);
    },
  ),

  revisions: itemReadProbe(
    (itemId) => `/items/${itemId}/revisions`,
    (body) => {
      expect(body).toContainEqual(expect.objectContaining({ revision: 1, changedBy: 'alice' }));
    },
  ),

  revision: itemReadProbe(
    (itemId) => `/items/${itemId}/revisions/1`,
    (body, { item }) => {
      expect(body).toHaveProperty('item.name', item.name);
      expect(body).toHaveProperty('item.description', item.firstDescription);
    },
  ),

  diff: itemReadProbe(
    (itemId) => `/items/${itemId}/diff?from=1&to=current`,
    (body, { item }) => {
      expect(body).toHaveProperty('description', [
        { op: '-', line: item.firstDescription },
        { op: '+', line: item.description },
      ]);
    },
  ),

  copy: {
    kind: 'item',
    send: ({ agent }, itemId) => agent.post(`/items/${itemId}/copy`),
    expectAllowed: async (response, { world, item, username }) => {
      expect(response.status).toBe(201);
      const copyId = response.body.id as string;
      const [copy] = await world.t.dataSource.query(`SELECT author, "isPublic", "isPrivate", "groupList", "copiedFrom" FROM "MarketplaceItems" WHERE id = $1`, [copyId]);
      expect(copy).toEqual({ author: username, isPublic: false, isPrivate: true, groupList: [], copiedFrom: item.id });
      // Categories, `official example` among them, are an admin's choice and stay with the source.
      expect(await world.t.dataSource.query(`SELECT 1 FROM "ItemCategoryRelation" WHERE "MarketplaceItemId" = $1`, [copyId])).toEqual([]);
    },
    // The copy carries the item's word and tag, so it must not stay to be counted by later cells.
    cleanUp: async ({ world, item }) => {
      await world.t.dataSource.query(`DELETE FROM "MarketplaceItems" WHERE "copiedFrom" = $1`, [item.id]);
    },
  },

  star: starProbe('star'),
  unstar: starProbe('unstar'),

  use: {
    kind: 'item',
    send: ({ agent }, itemId) => agent.post(`/items/${itemId}/use`),
    expectAllowed: async (response, { world, item, username }) => {
      expect(response.status).toBe(200);
      const [row] = await world.t.dataSource.query(`SELECT "useNumber" FROM "MarketplaceItems" WHERE id = $1`, [item.id]);
      expect(response.body).toEqual({ counted: true, useNumber: row.useNumber });
      const uses = await world.t.dataSource.query(`SELECT 1 FROM "ItemUses" WHERE "MarketplaceItemId" = $1 AND "UserName" = $2`, [item.id, username]);
      expect(uses).toHaveLength(1);
    },
    // A launch is counted once per user and hour, so forget it to keep the next run of a cell alike.
    cleanUp: async ({ world, item, username }) => {
      await world.t.dataSource.query(`DELETE FROM "ItemUses" WHERE "MarketplaceItemId" = $1 AND "UserName" = $2`, [item.id, username ?? '']);
    },
  },

  update: {
    kind: 'item',
    send: ({ agent, role }, itemId) => agent.put(`/items/${itemId}`).send({ description: `Changed by the ${role}` }),
    expectAllowed: async (response, { world, item, role }) => {
      expect(response.status).toBe(200);
      expect(response.text).toBe('updated');
      const reread = await world.t.as('alice').get(`/items/${item.id}`).expect(200);
      expect(reread.body.description).toBe(`Changed by the ${role}`);
    },
    cleanUp: async ({ world, item }) => {
      await world.t.dataSource.query(`UPDATE "MarketplaceItems" SET description = $2 WHERE id = $1`, [item.id, item.description]);
    },
  },

  'link tag': linkProbe('tag', 'link', ({ world }) => world.spareTag.id),
  'unlink tag': linkProbe('tag', 'unlink', ({ item }) => item.tag.id),
  'link category': linkProbe('category', 'link', ({ world }) => world.spareCategory.id),
  'unlink category': linkProbe('category', 'unlink', ({ item }) => item.category.id),

  delete: {
    kind: 'item',
    send: ({ agent }, itemId) => agent.delete(`/items/${itemId}`),
    expectAllowed: async (response, { world, item }) => {
      expect(response.status).toBe(200);
      expect(response.text).toBe('deleted');
      await world.t.as('alice').get(`/items/${item.id}`).expect(404);
    },
    cleanUp: async ({ world, item }) => {
      const rows = await world.t.dataSource.query(`SELECT 1 FROM "MarketplaceItems" WHERE id = $1`, [item.id]);
      if (rows.length === 0) {
        await recreateItem(world, item.visibility);
      }
    },
  },
};

/** A history endpoint asked about one revision of an item that is public now. */
export interface HistoryProbe {
  send(agent: TestAgent, itemId: string, revision: number): Promise<Response>;
  /** Whether the endpoint lists revisions, so that a hidden one is left out of a 200 response. */
  list: boolean;
  expectShown(response: Response, item: EarlierStateItem): void;
  expectAbsent?(response: Response): void;
}

export const HISTORY_PROBES: Record<HistoryEndpointName, HistoryProbe> = {
  revisions: {
    list: true,
    send: (agent, itemId) => agent.get(`/items/${itemId}/revisions`),
    expectShown: (response) => {
      expect(response.body).toContainEqual(expect.objectContaining({ revision: 1, changedBy: 'alice' }));
    },
    expectAbsent: (response) => {
      expect(response.body.map((summary: { revision: number }) => summary.revision)).not.toContain(1);
    },
  },
  revision: {
    list: false,
    send: (agent, itemId, revision) => agent.get(`/items/${itemId}/revisions/${revision}`),
    expectShown: (response, item) => {
      expect(response.body).toHaveProperty('item.description', item.firstDescription);
    },
  },
  diff: {
    list: false,
    send: (agent, itemId, revision) => agent.get(`/items/${itemId}/diff`).query({ from: String(revision), to: 'current' }),
    expectShown: (response, item) => {
      expect(response.body.description).toContainEqual({ op: '-', line: item.firstDescription });
    },
  },
};
