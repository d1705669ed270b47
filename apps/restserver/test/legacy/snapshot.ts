import type { DataSource } from 'typeorm';

export interface DatabaseSnapshot {
  columns: unknown[];
  constraints: unknown[];
  types: unknown[];
  rows: Record<string, unknown[]>;
}

/** Captures the schema and every row of every table, in a form two snapshots can be compared in. */
export async function snapshotDatabase(dataSource: DataSource, options: { except?: string[] } = {}): Promise<DatabaseSnapshot> {
  const except = new Set(options.except ?? []);
  const tables: string[] = (
    await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`)
  )
    .map((row: { table_name: string }) => row.table_name)
    .filter((table: string) => !except.has(table));

  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = (await dataSource.query(`SELECT to_jsonb(t) AS row FROM "${table}" t`)).map((row: { row: unknown }) => row.row)
      .sort((a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }

  return {
    columns: (
      await dataSource.query(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
         FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`,
      )
    ).filter((column: { table_name: string }) => !except.has(column.table_name)),
    constraints: (
      await dataSource.query(
        `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`,
      )
    ).filter((constraint: { table_name: string }) => !except.has(constraint.table_name.replace(/"/g, ''))),
    types: await dataSource.query(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`,
    ),
    rows,
  };
}
