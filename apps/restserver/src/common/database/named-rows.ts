import { randomUUID } from 'node:crypto';

import type { DeepPartial, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';

import type { DomainError } from '../errors/domain-error';

/** A row identified by an id and shown to users by a name, such as a tag or a category. */
export interface NamedRow {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NamedRowErrors {
  notFound(id: string): DomainError;
  nameTaken(name: string, existingId: string): DomainError;
}

/**
 * Storage of rows whose names must be unique among new and renamed rows. A unique index cannot
 * enforce that, because databases of the original server may already contain duplicate names.
 * Creates and renames therefore run in a transaction holding a PostgreSQL advisory lock on the
 * name, so two requests for one name, in this process or another replica, run one after the other.
 */
export class NamedRows<Row extends NamedRow> {
  constructor(
    private readonly repository: Repository<Row>,
    private readonly errors: NamedRowErrors,
  ) {}

  list(): Promise<Row[]> {
    return this.repository.find({ order: { name: 'ASC', id: 'ASC' } as FindOptionsOrder<Row> });
  }

  async findOrFail(id: string): Promise<Row> {
    const row = await this.repository.findOneBy({ id } as FindOptionsWhere<Row>);
    if (!row) {
      throw this.errors.notFound(id);
    }
    return row;
  }

  /** Inserts a row with a new UUID and returns that id. */
  async create(fields: Omit<Row, 'id' | 'createdAt' | 'updatedAt'>): Promise<string> {
    const id = randomUUID();
    await this.withNameLock(fields.name, async (manager) => {
      const now = new Date();
      await manager.insert(this.target, { ...fields, id, createdAt: now, updatedAt: now } as DeepPartial<Row> as never);
    });
    return id;
  }

  async update(id: string, change: Partial<Omit<Row, 'id' | 'createdAt' | 'updatedAt'>>): Promise<void> {
    const row = await this.findOrFail(id);
    const values = { ...change, updatedAt: new Date() } as never;

    if (change.name === undefined || change.name === row.name) {
      await this.repository.update({ id } as FindOptionsWhere<Row>, values);
      return;
    }
    await this.withNameLock(change.name, (manager) => manager.update(this.target, { id }, values));
  }

  /** Deletes a row; the foreign keys cascade, so its links to items go with it. */
  async delete(id: string): Promise<void> {
    await this.findOrFail(id);
    await this.repository.delete({ id } as FindOptionsWhere<Row>);
  }

  private get target(): EntityTarget<Row> {
    return this.repository.target;
  }

  private async withNameLock<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const table = this.repository.metadata.tableName;
    return this.repository.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [table, name]);
      const existing = await manager.findOneBy(this.target, { name } as FindOptionsWhere<Row>);
      if (existing) {
        throw this.errors.nameTaken(name, existing.id);
      }
      return work(manager);
    });
  }
}
