import type { MigrationInterface, QueryRunner } from 'typeorm';

import { ORIGINAL_V18_SCHEMA } from '../schema/original-v1.8-ddl';

/**
 * Creates, on an empty database, exactly the schema that the original v1.8 server's Sequelize
 * `sync()` created: same tables, quoted camel-case columns, enum types, primary keys and
 * cascading foreign keys under Sequelize's constraint names. Keeping the two identical lets a
 * cluster's existing database be adopted as it is.
 */
export class CreateMarketplaceSchema1796418000000 implements MigrationInterface {
  name = 'CreateMarketplaceSchema1796418000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of ORIGINAL_V18_SCHEMA) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['StarRelation', 'Users', 'Blobs', 'ItemCategoryRelation', 'ItemTagRelation', 'ItemCategories', 'ItemTags', 'MarketplaceItems']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_status"`);
    await queryRunner.query(`DROP TYPE "enum_MarketplaceItems_source"`);
  }
}
