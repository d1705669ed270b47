import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

import type { DataSource } from 'typeorm';

import { MIGRATIONS } from '../database/migrations';

export const EXPORT_FORMAT = 'openpai-marketplace-export';
export const EXPORT_VERSION = 1;

/** Every table of the catalogue with its primary key, parents before children. */
const TABLES: { name: string; key: string[] }[] = [
  { name: 'MarketplaceItems', key: ['id'] },
  { name: 'ItemTags', key: ['id'] },
  { name: 'ItemCategories', key: ['id'] },
  { name: 'ItemTagRelation', key: ['MarketplaceItemId', 'ItemTagId'] },
  { name: 'ItemCategoryRelation', key: ['MarketplaceItemId', 'ItemCategoryId'] },
  { name: 'Blobs', key: ['id'] },
  { name: 'Users', key: ['name'] },
  { name: 'StarRelation', key: ['MarketplaceItemId', 'UserName'] },
];

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** Latest migration of the exporting server: an import needs a schema at least this new. */
  schema: string;
}

/**
 * Writes every row of every catalogue table as JSON Lines: a header line, then one
 * `{"table", "row"}` line per row, tables in a fixed order and rows by primary key, so the same
 * data always gives the same file. Blob records carry their connection secrets: keep the file safe.
 */
export async function exportCatalogue(dataSource: DataSource, output: Writable): Promise<Record<string, number>> {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, schema: MIGRATIONS[MIGRATIONS.length - 1].name };
  await writeLine(output, header);

  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const order = table.key.map((column) => `"${column}"`).join(', ');
    // The search document is derived from the other columns and rebuilt on import.
    const rows: { row: unknown }[] = await dataSource.query(`SELECT to_jsonb(t) - 'searchDocument' AS row FROM "${table.name}" t ORDER BY ${order}`);
    for (const { row } of rows) {
      await writeLine(output, { table: table.name, row });
    }
    counts[table.name] = rows.length;
  }
  return counts;
}

/** Raised for an export file that cannot be imported; nothing was written to the database. */
export class ImportError extends Error {}

/**
 * Loads an export into a database whose catalogue tables are all empty, in one transaction:
 * either every row is stored or none is.
 */
export async function importCatalogue(dataSource: DataSource, path: string): Promise<Record<string, number>> {
  const nonEmpty: string[] = [];
  for (const table of TABLES) {
    const [{ present }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${table.name}") AS present`);
    if (present) {
      nonEmpty.push(table.name);
    }
  }
  if (nonEmpty.length > 0) {
    throw new ImportError(`import needs an empty database, but ${nonEmpty.join(', ')} already contain rows; nothing was imported`);
  }

  const known = new Set(TABLES.map((table) => table.name));
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table.name, 0]));
  await dataSource.transaction(async (manager) => {
    let lineNumber = 0;
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') {
        continue;
      }
      const record = parseLine(line, lineNumber);
      if (lineNumber === 1) {
        assertHeader(record);
        continue;
      }
      const { table, row } = record as { table?: unknown; row?: unknown };
      if (typeof table !== 'string' || !known.has(table) || !row || typeof row !== 'object') {
        throw new ImportError(`line ${lineNumber}: expected {"table": <one of ${[...known].join(', ')}>, "row": {...}}`);
      }
      // jsonb_populate_record converts each JSON value to its column's type, arrays and enums included.
      await manager.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", $1)`, [JSON.stringify(row)]);
      counts[table]++;
    }
    if (lineNumber === 0) {
      throw new ImportError('the file is empty');
    }
  });
  return counts;
}

export function openOutput(path: string | undefined): Writable {
  return path ? createWriteStream(path, { mode: 0o600 }) : process.stdout;
}

function parseLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new ImportError(`line ${lineNumber} is not valid JSON: ${(error as Error).message}`);
  }
}

function assertHeader(record: unknown): void {
  const header = record as Partial<ExportHeader>;
  if (header?.format !== EXPORT_FORMAT) {
    throw new ImportError(`line 1 must be the header of a marketplace export ({"format": "${EXPORT_FORMAT}", ...})`);
  }
  if (header.version !== EXPORT_VERSION) {
    throw new ImportError(`the export has format version ${JSON.stringify(header.version)}, but this server reads version ${EXPORT_VERSION}`);
  }
  const known = MIGRATIONS.map((migration) => migration.name);
  if (typeof header.schema !== 'string' || !known.includes(header.schema)) {
    throw new ImportError(`the export comes from a newer schema (${JSON.stringify(header.schema)}); upgrade this server first`);
  }
}

async function writeLine(output: Writable, value: unknown): Promise<void> {
  if (!output.write(`${JSON.stringify(value)}\n`)) {
    await once(output, 'drain');
  }
}
