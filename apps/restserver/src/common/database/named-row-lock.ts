import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction holding a PostgreSQL advisory lock on (scope, name). Two requests
 * for the same name, in this process or another replica, then run one after the other, and the
 * second one finds the row the first one wrote. A unique index cannot do this job, because
 * databases of the original server may already contain duplicate names.
 */
export async function withNameLock<T>(dataSource: DataSource, scope: string, name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [scope, name]);
    return work(manager);
  });
}
