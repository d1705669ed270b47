import { join } from 'node:path';

import { runMigrations } from '../../src/database/run-migrations';
import { FIXTURES_DIR, fixturesPresent } from '../golden/golden-corpus';
import { startTestApp, type TestApp } from '../test-app';
import { restoreDump } from './legacy-dump';
import { snapshotDatabase, type DatabaseSnapshot } from './snapshot';

/*
 * Starts the server on real databases of the original v1.5 and v1.8 servers, restored from
 * their dumps, as an upgraded cluster would: the start-up must be the whole upgrade.
 */

const describeWithDumps = fixturesPresent ? describe : describe.skip;
const ACCESS_COLUMNS = ['source', 'isPublic', 'isPrivate', 'groupList'];
/** Columns this server adds to every version's items. */
const ADDED_COLUMNS = ['copiedFrom', 'searchDocument'];

function withoutColumns(rows: unknown[], columns: string[]): unknown[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row as object).filter(([key]) => !columns.includes(key))));
}

describeWithDumps(`upgrading real databases of the original${fixturesPresent ? '' : ' (skipped: ../shared/fixtures is not present)'}`, () => {
  describe.each([
    ['v1.5.0', { items: 32, stars: 3, users: 2, blobs: 2 }],
    ['v1.8.0', { items: 34, stars: 0, users: 0, blobs: 2 }],
  ])('%s', (version, counts) => {
    let t: TestApp;
    let before: DatabaseSnapshot;

    beforeAll(async () => {
      t = await startTestApp({}, {
        beforeStart: async (dataSource) => {
          await restoreDump(dataSource, join(FIXTURES_DIR, 'legacy-db', `${version}.sql`));
          before = await snapshotDatabase(dataSource);
        },
      });
    });

    afterAll(async () => {
      await t.close();
    });

    it('restores the documented row counts', () => {
      expect(before.rows.MarketplaceItems).toHaveLength(counts.items);
      expect(before.rows.StarRelation).toHaveLength(counts.stars);
      expect(before.rows.Users).toHaveLength(counts.users);
      expect(before.rows.Blobs).toHaveLength(counts.blobs);
    });

    it('keeps every row of every original table', async () => {
      const after = await snapshotDatabase(t.dataSource);
      for (const [table, rows] of Object.entries(before.rows)) {
        const added = table === 'MarketplaceItems' ? [...ADDED_COLUMNS, ...(version === 'v1.5.0' ? ACCESS_COLUMNS : [])] : [];
        expect({ table, rows: withoutColumns(after.rows[table], added) }).toEqual({ table, rows });
      }
    });

    it('serves every old item to its readers', async () => {
      const adminList = (await t.as('admin').get('/items').expect(200)).body as { id: string }[];
      expect(adminList).toHaveLength(counts.items);
      for (const row of before.rows.MarketplaceItems as { id: string }[]) {
        await t.as('admin').get(`/items/${row.id}`).expect(200);
      }
    });

    it('shows each item only to those allowed', async () => {
      const bobList = (await t.as('bob').get('/items').expect(200)).body as { id: string }[];
      const visibleToBob = (before.rows.MarketplaceItems as { id: string; author: string; isPublic?: boolean; isPrivate?: boolean; groupList?: string[] }[]).filter(
        (row) => version === 'v1.5.0' || row.author === 'bob' || (!row.isPrivate && (row.isPublic || row.groupList!.includes('nlp'))),
      );
      expect(bobList.map((item) => item.id).sort()).toEqual(visibleToBob.map((row) => row.id).sort());
    });

    it('changes nothing on a second start', async () => {
      const first = await snapshotDatabase(t.dataSource);
      const report = await runMigrations(t.dataSource);
      expect(report.applied).toEqual([]);
      expect(await snapshotDatabase(t.dataSource)).toEqual(first);
    });
  });

  it('links the v1.5 examples to the official example category', async () => {
    let marked: string[] = [];
    const t = await startTestApp({}, {
      beforeStart: async (dataSource) => {
        await restoreDump(dataSource, join(FIXTURES_DIR, 'legacy-db', 'v1.5.0.sql'));
        const rows = await dataSource.query(`SELECT id FROM "MarketplaceItems" WHERE 'official example' = ANY(tags) OR 'official example' = ANY(categories)`);
        marked = rows.map((row: { id: string }) => row.id).sort();
      },
    });
    try {
      const official = (await t.as('bob').get('/items').query({ category: 'official example' }).expect(200)).body as { id: string }[];
      expect(marked.length).toBeGreaterThan(0);
      expect(official.map((item) => item.id).sort()).toEqual(marked);
    } finally {
      await t.close();
    }
  });
});
