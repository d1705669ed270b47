import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { FIXTURES_DIR, fixturesPresent } from '../../test/golden/golden-corpus';
import { restoreDump } from '../../test/legacy/legacy-dump';
import { createOriginalV15 } from '../../test/legacy/original-schemas';
import { snapshotDatabase } from '../../test/legacy/snapshot';
import { jobProtocol } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { loadConfig } from '../config/load-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { OFFICIAL_EXAMPLES } from '../seeds/seed-examples';
import { runCommand, SOME_FILES_REFUSED } from './run-command';

interface Run {
  status: number;
  output: string;
}

async function run(database: TestDatabase, ...argv: string[]): Promise<Run> {
  const lines: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, IDP_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' });
  const status = await runCommand(argv, config, (line) => lines.push(line));
  return { status, output: lines.join('\n') };
}

async function withDataSource<T>(database: TestDatabase, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(buildDataSourceOptions({ url: database.url })).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('restserver commands', () => {
  const databases: TestDatabase[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'marketplace-cli-'));

  async function newDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  }

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints usage for an unknown command', async () => {
    const result = await run(await newDatabase(), 'frobnicate');
    expect(result.status).toBe(2);
    expect(result.output).toContain('unknown command "frobnicate"');
    expect(result.output).toContain('Usage: restserver');
  });

  it('plans the adoption of a v1.5 database without changing it', async () => {
    const database = await newDatabase();
    await withDataSource(database, createOriginalV15);
    const before = await withDataSource(database, (dataSource) => snapshotDatabase(dataSource));

    const result = await run(database, 'migrate', '--dry-run');

    expect(result.status).toBe(0);
    expect(result.output).toContain('database: a database of the original marketplace v1.5');
    expect(result.output).toContain('  - AddAccessControlColumns');
    expect(result.output).toContain('would record the first migration as applied');
    expect(result.output).toContain('dry run: nothing was changed');
    expect(await withDataSource(database, (dataSource) => snapshotDatabase(dataSource))).toEqual(before);
  });

  it('migrates an empty database and stores the examples once', async () => {
    const database = await newDatabase();
    const first = await run(database, 'migrate');
    expect(first.output).toContain(`stored ${OFFICIAL_EXAMPLES.length} official example templates`);

    const second = await run(database, 'migrate');
    expect(second.output).toContain('migrations: none pending');
    const again = await run(database, 'seed-examples');
    expect(again.output).toContain(`stored 0 official example(s); ${OFFICIAL_EXAMPLES.length} were already there`);
  });

  it('exports, imports and exports the same bytes', async () => {
    const source = await newDatabase();
    await run(source, 'migrate');
    await withDataSource(source, (dataSource) =>
      dataSource.query(`INSERT INTO "Blobs" VALUES ('b1', 'azureBlob', 'acct', 'c', '{"conn\\"q"}', NULL, '{alice}', now(), now());
        INSERT INTO "Users" VALUES ('alice', now(), now());
        INSERT INTO "StarRelation" VALUES (now(), now(), 'example-pytorch-mnist', 'alice');`),
    );
    const firstExport = join(scratch, 'first.jsonl');
    expect((await run(source, 'export', '--out', firstExport)).status).toBe(0);

    const target = await newDatabase();
    const imported = await run(target, 'import', firstExport);
    expect(imported.status).toBe(0);
    expect(imported.output).toContain(`imported ${OFFICIAL_EXAMPLES.length} MarketplaceItems`);

    const secondExport = join(scratch, 'second.jsonl');
    await run(target, 'export', `--out=${secondExport}`);
    expect(readFileSync(secondExport, 'utf8')).toBe(readFileSync(firstExport, 'utf8'));
  });

  it('refuses to import into a database with rows', async () => {
    const database = await newDatabase();
    await run(database, 'migrate');
    const file = join(scratch, 'any.jsonl');
    await run(database, 'export', '--out', file);
    const result = await run(database, 'import', file);
    expect(result.status).toBe(1);
    expect(result.output).toContain('MarketplaceItems');
    expect(result.output).toContain('nothing was imported');
  });

  it('rejects a file that is not an export, importing nothing', async () => {
    const database = await newDatabase();
    const file = join(scratch, 'not-an-export.jsonl');
    writeFileSync(file, '{"hello": "world"}\n');
    const result = await run(database, 'import', file);
    expect(result.output).toContain('line 1 must be the header of a marketplace export');
    const rows = await withDataSource(database, (dataSource) => dataSource.query('SELECT count(*)::int AS count FROM "MarketplaceItems"'));
    expect(rows).toEqual([{ count: 0 }]);
  });

  it('imports a folder of protocols, naming each refused file', async () => {
    const database = await newDatabase();
    await run(database, 'migrate');
    const folder = join(scratch, 'protocols');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'good.yaml'), jobProtocol('good_job').replace('type: job', 'type: job\ndescription: |\n  # Good job\n  Runs well.'));
    writeFileSync(join(folder, 'nested', 'spaces.yml'), jobProtocol('bad name'));
    writeFileSync(join(folder, 'broken.yaml'), 'name: a: b\n');
    writeFileSync(join(folder, 'notes.txt'), 'not a protocol');

    const result = await run(database, 'import-protocols', folder, '--author', 'alice', '--groups', 'vision');

    expect(result.status).toBe(SOME_FILES_REFUSED);
    expect(result.output).toMatch(/created good\.yaml: [0-9a-f-]{36}/);
    expect(result.output).toMatch(/refused nested\/spaces\.yml: line 2: protocol\.name must match/);
    expect(result.output).toMatch(/refused broken\.yaml: line 1: protocol is not valid YAML/);
    expect(result.output).toContain('1 created, 2 refused, from 3 file(s)');
    const [item] = await withDataSource(database, (dataSource) => dataSource.query(`SELECT name, author, summary, "isPublic", "groupList" FROM "MarketplaceItems" WHERE author = 'alice'`));
    expect(item).toEqual({ name: 'good_job', author: 'alice', summary: 'Good job', isPublic: false, groupList: ['vision'] });
  });

  it('needs an author to import protocols', async () => {
    const result = await run(await newDatabase(), 'import-protocols', scratch);
    expect(result.status).toBe(2);
    expect(result.output).toContain('--author NAME');
  });

  (fixturesPresent ? it : it.skip)('imports the real protocol folder', async () => {
    const database = await newDatabase();
    await run(database, 'migrate');
    const result = await run(database, 'import-protocols', join(FIXTURES_DIR, 'protocols'), '--author', 'alice');
    expect(result.output).toMatch(/^refused malformed\/.*: line \d+: protocol is not valid YAML/m);
    expect(result.output).toMatch(/^refused invalid\/.*: line \d+: protocol\.name/m);
    expect(result.output).toMatch(/^50 created, 3 refused, from 53 file\(s\)/m);
  });

  (fixturesPresent ? it : it.skip)('plans the adoption of the real v1.5 dump', async () => {
    const database = await newDatabase();
    await withDataSource(database, (dataSource) => restoreDump(dataSource, join(FIXTURES_DIR, 'legacy-db', 'v1.5.0.sql')));
    const result = await run(database, 'migrate', '--dry-run');
    expect(result.output).toContain('database: a database of the original marketplace v1.5');
    expect(result.output).toContain('  - LinkLegacyTagsAndCategories');
    expect(result.output).toContain('dry run: nothing was changed');
  });

  (fixturesPresent ? it : it.skip)('plans the adoption of the real v1.8 dump', async () => {
    const database = await newDatabase();
    await withDataSource(database, (dataSource) => restoreDump(dataSource, join(FIXTURES_DIR, 'legacy-db', 'v1.8.0.sql')));
    const result = await run(database, 'migrate', '--dry-run');
    expect(result.output).toContain('database: a database of the original marketplace v1.8');
    expect(result.output).toContain('adoption steps: none');
    expect(result.output).toContain('would record the first migration as applied');
  });
});
