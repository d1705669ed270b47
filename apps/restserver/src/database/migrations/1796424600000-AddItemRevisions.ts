import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keeps every earlier state of an item: one row per change, holding the item as it was before it. */
export class AddItemRevisions1796424600000 implements MigrationInterface {
  name = 'AddItemRevisions1796424600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ItemRevisions" (
        "MarketplaceItemId" varchar(255) NOT NULL,
        "revision" integer NOT NULL,
        "snapshot" jsonb NOT NULL,
        "changedBy" varchar(255) NOT NULL,
        "changedAt" timestamptz NOT NULL,
        CONSTRAINT "ItemRevisions_pkey" PRIMARY KEY ("MarketplaceItemId", "revision"),
        CONSTRAINT "ItemRevisions_MarketplaceItemId_fkey" FOREIGN KEY ("MarketplaceItemId")
          REFERENCES "MarketplaceItems" ("id") ON UPDATE CASCADE ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ItemRevisions"`);
  }
}
