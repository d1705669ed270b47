import type { MigrationInterface, QueryRunner } from 'typeorm';

import { hasTrigramExtension } from './1796424300000-AddItemSearchDocument';

/**
 * Indexes that let a listing stop after one page. Newest-first is the default order of every list
 * and the order within each search tier, so PostgreSQL can walk it and stop; the name index
 * serves the first search tier, an exact name. Where pg_trgm is installed, a trigram index over
 * name, author and summary together lets `keyword` (a substring match) skip the rows that cannot
 * match; item-list.query.ts repeats its expression, which must stay the same text.
 */
export class AddListingIndexes1796425200000 implements MigrationInterface {
  name = 'AddListingIndexes1796425200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "MarketplaceItems_newest_idx" ON "MarketplaceItems" ("createdAt" DESC, "id" ASC)`);
    await queryRunner.query(`CREATE INDEX "MarketplaceItems_lower_name_idx" ON "MarketplaceItems" (lower("name"))`);
    if (await hasTrigramExtension(queryRunner)) {
      await queryRunner.query(
        `CREATE INDEX "MarketplaceItems_keyword_trgm_idx" ON "MarketplaceItems" USING gin ((coalesce(name, '') || ' ' || coalesce(author, '') || ' ' || coalesce(summary, '')) gin_trgm_ops)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "MarketplaceItems_keyword_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "MarketplaceItems_lower_name_idx"`);
    await queryRunner.query(`DROP INDEX "MarketplaceItems_newest_idx"`);
  }
}
