import type { QueryRunner } from 'typeorm';

import { MIGRATIONS_TABLE } from '../data-source-options';

/** Tables every version of the original server created. */
export const V15_TABLES = ['Blobs', 'MarketplaceItems', 'StarRelation', 'Users'] as const;
/** Tables the original v1.8 added for tags and categories. */
export const TAG_TABLES = ['ItemCategories', 'ItemCategoryRelation', 'ItemTagRelation', 'ItemTags'] as const;
/** Columns of "MarketplaceItems" that v1.6 added for access control. */
export const ACCESS_COLUMNS = ['groupList', 'isPrivate', 'isPublic', 'source'] as const;

/**
 * Version of a database, as far as its tables and columns tell:
 * - `empty`: no tables of ours or the original's;
 * - `managed`: created by this project, migrations recorded in marketplace_migrations;
 * - `original-v1.8`: the original v1.8 schema (also a v1.6/v1.7 database that a v1.8 server created its tag tables in);
 * - `original-v1.6`: v1.5's tables with the access-control columns, without tag and category tables (v1.6 and v1.7);
 * - `original-v1.5`: v1.5's tables, without access control;
 * - `unknown`: anything else, with `found` and `expected` saying why.
 */
export type DatabaseState =
  | { kind: 'empty' }
  | { kind: 'managed' }
  | { kind: 'original-v1.8'; sourceIsText: boolean }
  | { kind: 'original-v1.6'; sourceIsText: boolean }
  | { kind: 'original-v1.5' }
  | { kind: 'unknown'; found: string; expected: string };

/** Tables of the public schema that the original's tooling may leave and that tell nothing about the version. */
const IGNORED_TABLES = new Set(['SequelizeMeta']);

export async function classifyDatabase(queryRunner: QueryRunner): Promise<DatabaseState> {
  const tables = new Set<string>(
    (await queryRunner.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).map(
      (row: { table_name: string }) => row.table_name,
    ),
  );

  if (tables.has(MIGRATIONS_TABLE)) {
    return { kind: 'managed' };
  }
  const relevant = [...tables].filter((table) => !IGNORED_TABLES.has(table));
  if (relevant.length === 0) {
    return { kind: 'empty' };
  }

  const missingV15 = V15_TABLES.filter((table) => !tables.has(table));
  const presentTagTables = TAG_TABLES.filter((table) => tables.has(table));
  const unexpected = relevant.filter((table) => !(V15_TABLES as readonly string[]).includes(table) && !(TAG_TABLES as readonly string[]).includes(table));
  const expected = `the tables of the original marketplace (${[...V15_TABLES, ...TAG_TABLES].join(', ')}), or an empty database`;

  if (missingV15.length > 0 || unexpected.length > 0 || (presentTagTables.length > 0 && presentTagTables.length < TAG_TABLES.length)) {
    return {
      kind: 'unknown',
      found: describeTables(relevant, missingV15, unexpected),
      expected,
    };
  }

  const columns = new Map<string, string>(
    (
      await queryRunner.query(
        `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'MarketplaceItems'`,
      )
    ).map((row: { column_name: string; udt_name: string }) => [row.column_name, row.udt_name]),
  );
  const presentAccess = ACCESS_COLUMNS.filter((column) => columns.has(column));
  const hasTagTables = presentTagTables.length === TAG_TABLES.length;

  if (presentAccess.length === 0) {
    return hasTagTables
      ? { kind: 'unknown', found: 'tag and category tables, but "MarketplaceItems" without the access-control columns', expected }
      : { kind: 'original-v1.5' };
  }
  if (presentAccess.length < ACCESS_COLUMNS.length) {
    return {
      kind: 'unknown',
      found: `"MarketplaceItems" with only some access-control columns (${presentAccess.join(', ')})`,
      expected: `all of ${ACCESS_COLUMNS.join(', ')} or none`,
    };
  }

  const sourceIsText = columns.get('source') === 'varchar' || columns.get('source') === 'text';
  return hasTagTables ? { kind: 'original-v1.8', sourceIsText } : { kind: 'original-v1.6', sourceIsText };
}

function describeTables(present: string[], missing: readonly string[], unexpected: string[]): string {
  const parts = [`tables ${present.sort().join(', ')}`];
  if (missing.length > 0) {
    parts.push(`missing ${missing.join(', ')}`);
  }
  if (unexpected.length > 0) {
    parts.push(`not from the original marketplace: ${unexpected.join(', ')}`);
  }
  return parts.join('; ');
}
