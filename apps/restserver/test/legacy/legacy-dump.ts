import { readFileSync } from 'node:fs';

import type { DataSource } from 'typeorm';

/** Rows of one table from a plain-SQL pg_dump, in its COPY text format. */
export interface DumpedTable {
  table: string;
  columns: string[];
  rows: (string | null)[][];
}

const COPY_START = /^COPY public\."?(\w+)"? \((.+)\) FROM stdin;$/;

/** Reads every COPY block of a pg_dump file. Schema statements are ignored. */
export function readDumpData(path: string): DumpedTable[] {
  const tables: DumpedTable[] = [];
  let current: DumpedTable | undefined;

  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (current) {
      if (line === '\\.') {
        tables.push(current);
        current = undefined;
      } else {
        current.rows.push(line.split('\t').map(decodeCopyField));
      }
      continue;
    }
    const start = COPY_START.exec(line);
    if (start) {
      current = { table: start[1], columns: start[2].split(', ').map((column) => column.replace(/"/g, '')), rows: [] };
    }
  }
  return tables;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function decodeCopyField(field: string): string | null {
  if (field === '\\N') {
    return null;
  }
  return field.replace(/\\(.)/g, (_match, character: string) => ESCAPES[character] ?? character);
}

/** Parents before children, so foreign keys hold while loading. */
const LOAD_ORDER = ['MarketplaceItems', 'ItemTags', 'ItemCategories', 'Users', 'Blobs', 'ItemTagRelation', 'ItemCategoryRelation', 'StarRelation'];

/**
 * Inserts dumped rows into tables that already exist. Values go as text and PostgreSQL casts
 * them to each column's type, arrays and enums included.
 */
export async function loadDumpData(dataSource: DataSource, tables: DumpedTable[]): Promise<void> {
  const ordered = [...tables].sort((a, b) => LOAD_ORDER.indexOf(a.table) - LOAD_ORDER.indexOf(b.table));
  for (const { table, columns, rows } of ordered) {
    const columnList = columns.map((column) => `"${column}"`).join(', ');
    const placeholders = columns.map((_column, index) => `$${index + 1}`).join(', ');
    for (const row of rows) {
      await dataSource.query(`INSERT INTO "${table}" (${columnList}) VALUES (${placeholders})`, row);
    }
  }
}

/** Extracts a dump's schema statements, dropping data blocks and the psql meta-commands only psql understands. */
export function readDumpSchema(path: string): string {
  const statements: string[] = [];
  let inCopy = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('COPY ')) {
      inCopy = true;
    } else if (inCopy) {
      inCopy = line !== '\\.';
    } else if (!line.startsWith('\\')) {
      statements.push(line);
    }
  }
  // The dump empties search_path; restore it so later statements on this connection work.
  return `${statements.join('\n')}\nSET search_path = public;`;
}

/** Restores a plain-SQL pg_dump, schema and rows, into an empty database. */
export async function restoreDump(dataSource: DataSource, path: string): Promise<void> {
  await dataSource.query(readDumpSchema(path));
  await loadDumpData(dataSource, readDumpData(path));
}
