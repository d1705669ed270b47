import { DataSource } from 'typeorm';

import { createOriginalV15, createOriginalV16, createOriginalV16ByCommand, createOriginalV18 } from '../../../test/legacy/original-schemas';
import { snapshotDatabase, type DatabaseSnapshot } from '../../../test/legacy/snapshot';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { configureLogging } from '../../common/logging/logger';
import { buildDataSourceOptions } from '../data-source-options';
import { MIGRATIONS } from '../migrations';
import { runMigrations } from '../run-migrations';
import { addAccessControlColumns, createTagAndCategoryTables, linkLegacyLabels } from './legacy-upgrade-steps';

configureLogging('silent');

interface Listed {
  id: string;
  isPublic: boolean;
  isPrivate: boolean;
  ItemTags: { name: string }[];
  ItemCategories: { name: string }[];
}

async function withDatabase<T>(prepare: (dataSource: DataSource) => Promise<void>, work: (dataSource: DataSource, database: TestDatabase) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  const dataSource = await new DataSource(buildDataSourceOptions({ url: database.url })).initialize();
  try {
    await prepare(dataSource);
    return await work(dataSource, database);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

describe('adopting a v1.5 database', () => {
  let t: TestApp;
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    t = await startTestApp({}, {
      beforeStart: async (dataSource) => {
        await createOriginalV15(dataSource);
        before = await snapshotDatabase(dataSource);
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps every row of the v1.5 tables', async () => {
    const after = await snapshotDatabase(t.dataSource);
    for (const table of ['Blobs', 'StarRelation', 'Users']) {
      expect(after.rows[table]).toEqual(before.rows[table]);
    }
    const v15Columns = (row: unknown) => Object.fromEntries(Object.entries(row as object).filter(([key]) => !['source', 'isPublic', 'isPrivate', 'groupList', 'copiedFrom', 'searchDocument'].includes(key)));
    expect(after.rows.MarketplaceItems.map(v15Columns)).toEqual(before.rows.MarketplaceItems);
  });

  it('makes every existing item public', async () => {
    const items: Listed[] = (await t.as('bob').get('/items').expect(200)).body;
    expect(items.map((item) => item.id).sort()).toEqual(['1', 'alice-item', 'bob-item']);
    expect(items.every((item) => item.isPublic && !item.isPrivate)).toBe(true);
  });

  it('links the tags and categories of the arrays', async () => {
    const items: Listed[] = (await t.as('bob').get('/items').expect(200)).body;
    const alice = items.find((item) => item.id === 'alice-item')!;
    expect(alice.ItemTags.map((tag) => tag.name).sort()).toEqual(['cv', 'images']);
    expect(alice.ItemCategories.map((category) => category.name)).toEqual(['vision']);
    expect((await t.as('bob').get('/items').query({ tag: 'cv,images' }).expect(200)).body.map((item: Listed) => item.id)).toEqual(['alice-item']);
  });

  it('turns the official example tag into the category', async () => {
    const item: Listed = (await t.as('bob').get('/items').query({ category: 'official example' }).expect(200)).body[0];
    expect(item.id).toBe('1');
    expect(item.ItemTags.map((tag) => tag.name)).toEqual(['mnist']);
    expect(item.ItemCategories.map((category) => category.name).sort()).toEqual(['official example', 'vision']);
  });

  it('locks official examples against their authors', async () => {
    const response = await t.as('admin').get('/items/1').expect(200);
    expect(response.body.permissions.edit).toBe(true);
    await t.dataSource.query(`UPDATE "MarketplaceItems" SET author = 'alice' WHERE id = '1'`);
    await t.as('alice').put('/items/1').send({ summary: 'mine' }).expect(403);
  });

  it('keeps stars for the stars feature', async () => {
    const stars = await t.dataSource.query(`SELECT "UserName" FROM "StarRelation" ORDER BY 1`);
    expect(stars).toEqual([{ UserName: 'alice' }, { UserName: 'bob' }]);
  });

  it('changes nothing on the next start', async () => {
    const first = await snapshotDatabase(t.dataSource);
    const report = await runMigrations(t.dataSource);
    expect(report.state.kind).toBe('managed');
    expect(report.applied).toEqual([]);
    expect(await snapshotDatabase(t.dataSource)).toEqual(first);
  });
});

describe('adopting a v1.6 database', () => {
  it('keeps the stored visibility of items', async () => {
    const t = await startTestApp({}, { beforeStart: createOriginalV16 });
    try {
      await t.as('alice').get('/items/alice-item').expect(200);
      await t.as('carol').get('/items/alice-item').expect(200);
      await t.as('bob').get('/items/alice-item').expect(404);
      await t.as('bob').get('/items/bob-item').expect(200);
    } finally {
      await t.close();
    }
  });

  it('converts a text source column to the enum and keeps private items private', async () => {
    const t = await startTestApp({}, { beforeStart: createOriginalV16ByCommand });
    try {
      const column = await t.dataSource.query(
        `SELECT udt_name, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'MarketplaceItems' AND column_name = 'source'`,
      );
      expect(column).toEqual([{ udt_name: 'enum_MarketplaceItems_source', column_default: `'marketplace'::"enum_MarketplaceItems_source"`, is_nullable: 'NO' }]);
      await t.as('bob').get('/items/alice-item').expect(404);
      const bobItem = await t.as('alice').get('/items/bob-item').expect(200);
      expect(bobItem.body.source).toBe('pai');

      const created = await t.as('alice').post('/items').send({ name: 'new', author: 'alice', type: 'data', protocol: (await t.as('alice').get('/items/alice-item')).body.protocol }).expect(201);
      const fresh = await t.as('bob').get(`/items/${created.body.id}`).expect(200);
      expect(fresh.body).toMatchObject({ isPublic: true, isPrivate: false });
    } finally {
      await t.close();
    }
  });
});

describe('adopting a v1.8 database', () => {
  it('keeps every row, recording the first migration as applied', async () => {
    let before: DatabaseSnapshot | undefined;
    const t = await startTestApp({}, {
      beforeStart: async (dataSource) => {
        await createOriginalV18(dataSource);
        before = await snapshotDatabase(dataSource);
      },
    });
    try {
      // Later migrations add tables and columns; every original table and column must be unchanged.
      const after = await snapshotDatabase(t.dataSource);
      const original = (rows: unknown[]) => rows.map((row) => Object.fromEntries(Object.entries(row as object).filter(([key]) => key !== 'copiedFrom' && key !== 'searchDocument')));
      const originalTables = Object.keys(before!.rows);
      expect(Object.fromEntries(originalTables.map((table) => [table, original(after.rows[table])]))).toEqual(before!.rows);
      const recorded = await t.dataSource.query('SELECT name FROM marketplace_migrations ORDER BY id');
      expect(recorded.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      await t.as('bob').get('/items/private-item').expect(404);
      await t.as('carol').get('/items/group-item').expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('databases that cannot be adopted', () => {
  it('stops with what was found and expected, changing nothing', async () => {
    await withDatabase(
      async (dataSource) => {
        await createOriginalV15(dataSource);
        await dataSource.query('CREATE TABLE "Invoices" (id int)');
      },
      async (dataSource) => {
        const before = await snapshotDatabase(dataSource);
        await expect(runMigrations(dataSource)).rejects.toThrow(/Found: .*not from the original marketplace: Invoices\. Expected: .*Nothing was changed/);
        expect(await snapshotDatabase(dataSource)).toEqual(before);
      },
    );
  });

  it('rolls back every step when one fails half-way', async () => {
    await withDatabase(
      async (dataSource) => {
        await createOriginalV15(dataSource);
        // A view named like a v1.8 table: invisible to the version check, fatal to the third step.
        await dataSource.query('CREATE VIEW "ItemTags" AS SELECT 1 AS id');
      },
      async (dataSource) => {
        const before = await snapshotDatabase(dataSource);
        await expect(runMigrations(dataSource)).rejects.toThrow(/already exists/);
        expect(await snapshotDatabase(dataSource)).toEqual(before);
      },
    );
  });

  it('rejects unknown source values, naming them', async () => {
    await withDatabase(
      async (dataSource) => {
        await createOriginalV16ByCommand(dataSource);
        await dataSource.query(`UPDATE "MarketplaceItems" SET source = 'github' WHERE id = '1'`);
      },
      async (dataSource) => {
        const before = await snapshotDatabase(dataSource);
        await expect(runMigrations(dataSource)).rejects.toThrow('contains "github"');
        expect(await snapshotDatabase(dataSource)).toEqual(before);
      },
    );
  });
});

describe('migrate --dry-run', () => {
  it('reports the plan for a v1.5 database and changes nothing', async () => {
    await withDatabase(createOriginalV15, async (dataSource) => {
      const before = await snapshotDatabase(dataSource);
      const report = await runMigrations(dataSource, { dryRun: true });
      expect(report.stateDescription).toBe('a database of the original marketplace v1.5');
      expect(report.adopted).toEqual(['AddAccessControlColumns', 'CreateTagAndCategoryTables', 'LinkLegacyTagsAndCategories']);
      expect(report.applied).toEqual(MIGRATIONS.slice(1).map((migration) => migration.name));
      expect(await snapshotDatabase(dataSource)).toEqual(before);
    });
  });

  it('lists every migration for an empty database', async () => {
    await withDatabase(async () => undefined, async (dataSource) => {
      const report = await runMigrations(dataSource, { dryRun: true });
      expect(report.state.kind).toBe('empty');
      expect(report.applied).toEqual(MIGRATIONS.map((migration) => migration.name));
    });
  });
});

describe('legacy upgrade steps', () => {
  it('undo back to the v1.5 schema with down', async () => {
    await withDatabase(createOriginalV15, async (dataSource) => {
      const before = await snapshotDatabase(dataSource);
      const runner = dataSource.createQueryRunner();
      try {
        for (const step of [addAccessControlColumns, createTagAndCategoryTables, linkLegacyLabels]) {
          await step.up(runner);
        }
        for (const step of [linkLegacyLabels, createTagAndCategoryTables, addAccessControlColumns]) {
          await step.down(runner);
        }
      } finally {
        await runner.release();
      }
      expect(await snapshotDatabase(dataSource)).toEqual(before);
    });
  });
});

describe('two servers starting at once', () => {
  it('create one schema without an error', async () => {
    const database = await createTestDatabase();
    try {
      const servers = await Promise.all([startTestApp({}, { database }), startTestApp({}, { database })]);
      try {
        const recorded = await servers[0].dataSource.query('SELECT name FROM marketplace_migrations');
        expect(recorded).toHaveLength(MIGRATIONS.length);
        await servers[1].as('alice').get('/items').expect(200);
      } finally {
        await Promise.all(servers.map((server) => server.close()));
      }
    } finally {
      await database.drop();
    }
  });
});

describe('first start on an empty database', () => {
  it('stores the official examples once', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ SEED_EXAMPLES: 'true' }, { database });
      const examples = (await first.as('bob').get('/items').query({ category: 'official example' }).expect(200)).body as { author: string }[];
      expect(examples.length).toBeGreaterThanOrEqual(8);
      expect(examples.every((example) => example.author === 'OpenPAI')).toBe(true);
      await first.close();

      const second = await startTestApp({ SEED_EXAMPLES: 'true' }, { database });
      const again = (await second.as('bob').get('/items').expect(200)).body as unknown[];
      expect(again).toHaveLength(examples.length);
      await second.close();
    } finally {
      await database.drop();
    }
  });
});
