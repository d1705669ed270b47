import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the search document of each item: a tsvector kept current by triggers, weighted name (A),
 * summary (B), tags, categories and author (C), description (D), with a GIN index so that a
 * search never reads every row. Linked tags and categories count as well as the label arrays,
 * so changes to the link tables refresh the item. pg_trgm, for typo tolerance on names, is
 * optional: where the database user may not create it, search works without it.
 */
export class AddItemSearchDocument1796424300000 implements MigrationInterface {
  name = 'AddItemSearchDocument1796424300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTrigramExtensionIfAllowed(queryRunner);

    await queryRunner.query(`ALTER TABLE "MarketplaceItems" ADD COLUMN "searchDocument" tsvector`);
    await queryRunner.query(`
      CREATE FUNCTION marketplace_item_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        linked text;
      BEGIN
        SELECT string_agg(label, ' ') INTO linked FROM (
          SELECT tag.name AS label FROM "ItemTagRelation" link JOIN "ItemTags" tag ON tag.id = link."ItemTagId" WHERE link."MarketplaceItemId" = NEW.id
          UNION ALL
          SELECT category.name FROM "ItemCategoryRelation" link JOIN "ItemCategories" category ON category.id = link."ItemCategoryId" WHERE link."MarketplaceItemId" = NEW.id
        ) AS labels;
        NEW."searchDocument" :=
          setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(NEW.summary, '')), 'B') ||
          setweight(to_tsvector('simple', coalesce(array_to_string(NEW.tags, ' '), '') || ' ' || coalesce(array_to_string(NEW.categories, ' '), '') || ' ' || coalesce(linked, '') || ' ' || coalesce(NEW.author, '')), 'C') ||
          setweight(to_tsvector('simple', left(coalesce(NEW.description, ''), 200000)), 'D');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "MarketplaceItems_searchDocument" BEFORE INSERT OR UPDATE ON "MarketplaceItems"
      FOR EACH ROW EXECUTE PROCEDURE marketplace_item_search_document()`);

    // A link change touches its item, whose own trigger then recomputes the document.
    await queryRunner.query(`
      CREATE FUNCTION marketplace_touch_linked_item() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "MarketplaceItems" SET id = id WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD."MarketplaceItemId" ELSE NEW."MarketplaceItemId" END;
        RETURN NULL;
      END $$`);
    for (const table of ['ItemTagRelation', 'ItemCategoryRelation']) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_touchItem" AFTER INSERT OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE PROCEDURE marketplace_touch_linked_item()`);
    }

    await queryRunner.query(`UPDATE "MarketplaceItems" SET id = id`);
    await queryRunner.query(`CREATE INDEX "MarketplaceItems_searchDocument_idx" ON "MarketplaceItems" USING gin ("searchDocument")`);
    if (await hasTrigramExtension(queryRunner)) {
      await queryRunner.query(`CREATE INDEX "MarketplaceItems_name_trgm_idx" ON "MarketplaceItems" USING gin (lower(name) gin_trgm_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "MarketplaceItems_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "MarketplaceItems_searchDocument_idx"`);
    for (const table of ['ItemTagRelation', 'ItemCategoryRelation']) {
      await queryRunner.query(`DROP TRIGGER "${table}_touchItem" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION marketplace_touch_linked_item()`);
    await queryRunner.query(`DROP TRIGGER "MarketplaceItems_searchDocument" ON "MarketplaceItems"`);
    await queryRunner.query(`DROP FUNCTION marketplace_item_search_document()`);
    await queryRunner.query(`ALTER TABLE "MarketplaceItems" DROP COLUMN "searchDocument"`);
    // pg_trgm stays: other databases objects may use it, and it is harmless.
  }
}

async function createTrigramExtensionIfAllowed(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('SAVEPOINT create_pg_trgm');
  try {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('RELEASE SAVEPOINT create_pg_trgm');
  } catch {
    // On PostgreSQL 12 only a superuser may create it; search then works without typo tolerance.
    await queryRunner.query('ROLLBACK TO SAVEPOINT create_pg_trgm');
  }
}

export async function hasTrigramExtension(queryRunner: { query(sql: string): Promise<unknown[]> }): Promise<boolean> {
  return (await queryRunner.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)).length > 0;
}
