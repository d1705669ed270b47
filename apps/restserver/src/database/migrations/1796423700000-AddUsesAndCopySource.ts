import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds what stars, usage counts and copies need beyond the original schema: a table recording
 * when each user's launch of an item was last counted, and the id an item was copied from.
 * `copiedFrom` has no foreign key on purpose: a copy outlives the deletion of its source.
 */
export class AddUsesAndCopySource1796423700000 implements MigrationInterface {
  name = 'AddUsesAndCopySource1796423700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ItemUses" (
        "MarketplaceItemId" varchar(255) NOT NULL,
        "UserName" varchar(255) NOT NULL,
        "countedAt" timestamptz NOT NULL,
        CONSTRAINT "ItemUses_pkey" PRIMARY KEY ("MarketplaceItemId", "UserName"),
        CONSTRAINT "ItemUses_MarketplaceItemId_fkey" FOREIGN KEY ("MarketplaceItemId")
          REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE "MarketplaceItems" ADD COLUMN "copiedFrom" varchar(255)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "MarketplaceItems" DROP COLUMN "copiedFrom"`);
    await queryRunner.query(`DROP TABLE "ItemUses"`);
  }
}
