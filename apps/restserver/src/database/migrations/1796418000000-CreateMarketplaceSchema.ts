import type { MigrationInterface, QueryRunner } from 'typeorm';

import * as ddl from '../schema/original-v1.8-ddl';

/**
 * Creates, on an empty database, exactly the schema that the original v1.8 server's Sequelize
 * `sync()` created: same tables, quoted camel-case columns, enum types, primary keys and
 * cascading foreign keys under Sequelize's constraint names. Keeping the two identical lets a
 * cluster's existing database be adopted as it is.
 */
export class CreateMarketplaceSchema1796418000000 implements MigrationInterface {
  name = 'CreateMarketplaceSchema1796418000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      ddl.CREATE_SOURCE_ENUM,
      ddl.CREATE_STATUS_ENUM,
      ddl.CREATE_MARKETPLACE_ITEMS,
      ddl.CREATE_ITEM_TAGS,
      ddl.CREATE_ITEM_CATEGORIES,
      ddl.CREATE_ITEM_TAG_RELATION,
      ddl.CREATE_ITEM_CATEGORY_RELATION,
      ddl.CREATE_BLOBS,
      ddl.CREATE_USERS,
      ddl.CREATE_STAR_RELATION,
    ]) {
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
