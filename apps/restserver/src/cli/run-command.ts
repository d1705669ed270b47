import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { DataSource } from 'typeorm';

import type { ItemSource } from '@openpai-marketplace/shared-types';

import { AppModule } from '../app.module';
import { configureLogging, NestPinoLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, resolvedFromConfig, type ResolvedDatabase } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { isOriginalDatabase } from '../database/adoption/adoption-plan';
import { pendingMigrations, runMigrations } from '../database/run-migrations';
import { ItemsService } from '../items/items.service';
import { seedExamples } from '../seeds/seed-examples';
import { parseCommandLine, UsageError, USAGE, type CommandLine } from './cli-arguments';
import { exportCatalogue, importCatalogue, openOutput } from './export-import';
import { importProtocolFolder, type ImportProtocolsOptions } from './import-protocols';

/** Exit status of import-protocols when some files were refused. */
export const SOME_FILES_REFUSED = 3;

type Print = (line: string) => void;

/**
 * Runs one admin command against the configured database and returns the exit status. Output
 * meant for people goes to standard error, so that `export` can write data to standard output.
 */
export async function runCommand(argv: string[], config: AppConfig, print: Print = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(argv, new Set(['author', 'groups', 'out', 'source']));
  } catch (error) {
    print(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (commandLine.command === 'help' || commandLine.flags.has('help')) {
    print(USAGE);
    return 0;
  }

  configureLogging(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  const embedded = config.database.kind === 'embedded' ? await startEmbeddedPostgres(config.database.dataDir, config.database.port) : undefined;
  const database: ResolvedDatabase = embedded ? embedded.connection : resolvedFromConfig(config.database as Exclude<AppConfig['database'], { kind: 'embedded' }>);
  try {
    return await dispatch(commandLine, config, database, print);
  } catch (error) {
    print(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `${commandLine.command} failed: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await embedded?.stop();
  }
}

async function dispatch(commandLine: CommandLine, config: AppConfig, database: ResolvedDatabase, print: Print): Promise<number> {
  switch (commandLine.command) {
    case 'migrate':
      return withDataSource(database, (dataSource) => migrate(dataSource, config, commandLine.flags.has('dry-run'), print));
    case 'export':
      return withDataSource(database, async (dataSource) => {
        await requireCurrentSchema(dataSource);
        const out = commandLine.flags.get('out');
        const output = openOutput(typeof out === 'string' ? out : undefined);
        const counts = await exportCatalogue(dataSource, output);
        if (output !== process.stdout) {
          await new Promise((resolve) => output.end(resolve));
        }
        print(`exported ${describeCounts(counts)}`);
        return 0;
      });
    case 'import':
      return withDataSource(database, async (dataSource) => {
        const path = requirePositional(commandLine, 'FILE');
        await runMigrations(dataSource);
        print(`imported ${describeCounts(await importCatalogue(dataSource, path))}`);
        return 0;
      });
    case 'seed-examples':
      return withDataSource(database, async (dataSource) => {
        await requireCurrentSchema(dataSource);
        const report = await seedExamples(dataSource);
        print(`stored ${report.created.length} official example(s); ${report.skipped.length} were already there`);
        return 0;
      });
    case 'import-protocols':
      return importProtocols(commandLine, config, database, print);
    default:
      throw new UsageError(`unknown command ${JSON.stringify(commandLine.command)}`);
  }
}

async function migrate(dataSource: DataSource, config: AppConfig, dryRun: boolean, print: Print): Promise<number> {
  const report = await runMigrations(dataSource, { dryRun });
  print(`database: ${report.stateDescription}`);
  const verb = dryRun ? 'would' : 'did';
  print(report.adopted.length ? `adoption steps (${verb} run in one transaction):\n${report.adopted.map((step) => `  - ${step}`).join('\n')}` : 'adoption steps: none');
  if (isOriginalDatabase(report.state)) {
    print(`${dryRun ? 'would record' : 'recorded'} the first migration as applied`);
  }
  print(report.applied.length ? `migrations (${verb} apply, each in its own transaction):\n${report.applied.map((name) => `  - ${name}`).join('\n')}` : 'migrations: none pending');
  if (dryRun) {
    print('dry run: nothing was changed');
  } else if (report.state.kind === 'empty' && config.seedExamples) {
    // A migration Job may run before the first server start, so it seeds the new database the same way.
    const seeded = await seedExamples(dataSource);
    print(`stored ${seeded.created.length} official example templates in the new database`);
  }
  return 0;
}

async function importProtocols(commandLine: CommandLine, config: AppConfig, database: ResolvedDatabase, print: Print): Promise<number> {
  const folder = requirePositional(commandLine, 'FOLDER');
  const options = importOptions(commandLine);

  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), { logger: new NestPinoLogger() });
  try {
    // The module leaves connecting to its caller, which the server does with retries.
    await context.get(DataSource).initialize();
    await requireCurrentSchema(context.get(DataSource));
    const results = await importProtocolFolder(context.get(ItemsService), folder, options);
    for (const result of results) {
      print(`${result.outcome === 'created' ? 'created' : 'refused'} ${result.file}: ${result.detail}`);
    }
    const refused = results.filter((result) => result.outcome === 'refused').length;
    print(`${results.length - refused} created, ${refused} refused, from ${results.length} file(s) in ${folder}`);
    return refused > 0 ? SOME_FILES_REFUSED : 0;
  } finally {
    await context.close();
  }
}

function importOptions(commandLine: CommandLine): ImportProtocolsOptions {
  const author = commandLine.flags.get('author');
  if (typeof author !== 'string' || author === '') {
    throw new UsageError('import-protocols needs --author NAME: the user who will own the templates');
  }
  const groups = commandLine.flags.get('groups');
  const chosen = ['public', 'private', 'groups'].filter((flag) => commandLine.flags.has(flag));
  if (chosen.length > 1) {
    throw new UsageError(`choose one of --public, --private and --groups, not ${chosen.map((flag) => `--${flag}`).join(' and ')}`);
  }
  const visibility =
    typeof groups === 'string'
      ? { isPublic: false, isPrivate: false, groupList: groups.split(',').map((group) => group.trim()).filter(Boolean) }
      : commandLine.flags.has('private')
        ? { isPublic: false, isPrivate: true, groupList: [] }
        : { isPublic: true, isPrivate: false, groupList: [] };

  const source = commandLine.flags.get('source') ?? 'marketplace';
  if (source !== 'marketplace' && source !== 'pai') {
    throw new UsageError(`--source must be marketplace or pai, not ${JSON.stringify(source)}`);
  }
  return { author, visibility, source: source as ItemSource };
}

function requirePositional(commandLine: CommandLine, name: string): string {
  const value = commandLine.positional[0];
  if (!value) {
    throw new UsageError(`${commandLine.command} needs ${name}`);
  }
  return value;
}

async function requireCurrentSchema(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) {
    throw new Error(`the database schema is not current (${pending.join(', ')} pending); run "restserver migrate" first`);
  }
}

async function withDataSource(database: ResolvedDatabase, work: (dataSource: DataSource) => Promise<number>): Promise<number> {
  const dataSource = await new DataSource(buildDataSourceOptions(database)).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, count]) => `${count} ${table}`)
    .join(', ');
}
