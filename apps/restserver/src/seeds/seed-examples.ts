import { randomUUID } from 'node:crypto';

import { checkJobProtocol, OFFICIAL_EXAMPLE_CATEGORY } from '@openpai-marketplace/shared-types';
import type { DataSource, EntityManager } from 'typeorm';

import { DATA_EXAMPLES } from './data-examples';
import type { ExampleTemplate } from './example-template';
import { JOB_EXAMPLES } from './job-examples';

/** Every official example, jobs first. */
export const OFFICIAL_EXAMPLES: ExampleTemplate[] = [...JOB_EXAMPLES, ...DATA_EXAMPLES];

/** Author of the official examples, as the original server named it. */
export const EXAMPLES_AUTHOR = 'OpenPAI';

export interface SeedReport {
  created: string[];
  skipped: string[];
}

/**
 * Stores the official examples as public items in the `official example` category, with their
 * tags. An example whose id already exists is skipped, so seeding again adds nothing and keeps
 * any edit an admin made. Tags and the category are reused by name when they exist.
 */
export async function seedExamples(dataSource: DataSource): Promise<SeedReport> {
  return dataSource.transaction(async (manager) => {
    const report: SeedReport = { created: [], skipped: [] };
    const officialCategory = await findOrCreateByName(manager, 'ItemCategories', OFFICIAL_EXAMPLE_CATEGORY);

    for (const example of OFFICIAL_EXAMPLES) {
      const [existing] = await manager.query(`SELECT 1 FROM "MarketplaceItems" WHERE id = $1`, [example.id]);
      if (existing) {
        report.skipped.push(example.id);
        continue;
      }
      await insertExample(manager, example);
      await link(manager, 'ItemCategoryRelation', 'ItemCategoryId', example.id, officialCategory);
      for (const tag of example.tags) {
        await link(manager, 'ItemTagRelation', 'ItemTagId', example.id, await findOrCreateByName(manager, 'ItemTags', tag));
      }
      report.created.push(example.id);
    }
    return report;
  });
}

async function insertExample(manager: EntityManager, example: ExampleTemplate): Promise<void> {
  const check = checkJobProtocol(example.protocol);
  if (!check.valid) {
    throw new Error(`official example ${example.id} has an invalid protocol: ${check.problems[0].message}`);
  }
  await manager.query(
    `INSERT INTO "MarketplaceItems" (id, name, author, type, source, "isPublic", "isPrivate", "groupList", "dataType", "dataUrl", "useBlob",
       categories, tags, summary, description, protocol, "useNumber", "starNumber", status, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'marketplace', true, false, '{}', $5, $6, false, $7, $8, $9, $10, $11, 0, 0, 'approved', now(), now())`,
    [example.id, example.name, EXAMPLES_AUTHOR, example.type, example.dataType ?? null, example.dataUrl ?? null, [OFFICIAL_EXAMPLE_CATEGORY], example.tags, example.summary, example.description, example.protocol],
  );
}

async function findOrCreateByName(manager: EntityManager, table: 'ItemTags' | 'ItemCategories', name: string): Promise<string> {
  const [existing] = await manager.query(`SELECT id FROM "${table}" WHERE name = $1 ORDER BY "createdAt", id LIMIT 1`, [name]);
  if (existing) {
    return existing.id;
  }
  const id = randomUUID();
  await manager.query(`INSERT INTO "${table}" (id, name, "createdAt", "updatedAt") VALUES ($1, $2, now(), now())`, [id, name]);
  return id;
}

async function link(manager: EntityManager, table: string, column: string, itemId: string, otherId: string): Promise<void> {
  await manager.query(`INSERT INTO "${table}" ("createdAt", "updatedAt", "MarketplaceItemId", "${column}") VALUES (now(), now(), $1, $2) ON CONFLICT DO NOTHING`, [itemId, otherId]);
}
