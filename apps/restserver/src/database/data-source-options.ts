import type { DataSourceOptions } from 'typeorm';

import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { JsonTypeOrmLogger } from './typeorm-logger';

/** Table in which TypeORM records the migrations applied. */
export const MIGRATIONS_TABLE = 'marketplace_migrations';

/**
 * TypeORM options for a resolved database location. `synchronize` stays off: the schema only
 * moves through migrations, because it must keep matching databases the original server made.
 */
export function buildDataSourceOptions(connection: ResolvedDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logger: new JsonTypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: {
      // Fail a request quickly when the pool cannot get a connection, instead of queueing forever.
      connectionTimeoutMillis: 5000,
      // TCP keep-alive lets the pool notice an idle connection whose server vanished without
      // closing it (a node lost, say); a stopped or restarted PostgreSQL closes its connections itself.
      // NOTE: a query already sent on such a connection still waits for the operating system's
      // TCP timeout, since no client-side query timeout is set.
      keepAlive: true,
      max: 10,
      // Requests are many and short. A parallel plan starts worker processes for each query,
      // which cost more CPU than the work they share and take cores from other requests.
      options: '-c max_parallel_workers_per_gather=0',
    },
  };
}

/** Connection target: a URL, or host, port, user and database of a running server. */
export type ResolvedDatabase =
  | { url: string }
  | { host: string; port: number; username: string; password?: string; database: string };

export function resolvedFromConfig(config: Exclude<DatabaseConfig, { kind: 'embedded' }>): ResolvedDatabase {
  if (config.kind === 'url') {
    return { url: config.url };
  }
  return {
    host: config.host,
    port: config.port,
    username: config.username,
    password: config.password,
    database: config.database,
  };
}
