// Seeds synthetic items of realistic size straight into PostgreSQL. Each has about 2 KB of
// protocol, 1 KB of markdown description, two linked tags and one linked category. 90 % are public,
// 5 % private and 5 % shared with the group `vision`, and the authors cycle over eight users.

const TAGS = ['pytorch', 'tensorflow', 'mxnet', 'horovod', 'vision', 'nlp', 'speech', 'rl', 'gan', 'bert'];
const CATEGORIES = ['training', 'inference', 'dataset', 'benchmark'];
const AUTHORS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];

function protocolFor(index) {
  const commands = Array.from({ length: 24 }, (_, line) => `      - python train.py --epoch ${line} --lr 0.0${line % 9 + 1} --data /data/set_${index % 97} --seed ${index}`);
  return ['protocolVersion: 2', `name: bench_job_${index}`, 'type: job', 'prerequisites:', '  - {name: image, type: dockerimage, uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime}',
    'taskRoles:', '  worker:', '    instances: 1', '    dockerImage: image', '    resourcePerInstance: {cpu: 4, memoryMB: 8192, gpu: 1}', '    commands:', ...commands, ''].join('\n');
}

function descriptionFor(index, framework) {
  const paragraph = `This template trains a ${framework} model on dataset ${index % 97} and reports accuracy after every epoch. `;
  return `# Bench template ${index}\n\n${paragraph.repeat(8)}\n\n## Usage\n\nSubmit it, then read the logs.`;
}

/** Adds items until the table contains `target` synthetic items, and returns how many it added. */
export async function seedItems(client, target) {
  const { rows } = await client.query(`SELECT count(*)::int AS count FROM "MarketplaceItems" WHERE id LIKE 'bench-%'`);
  const existing = rows[0].count;
  if (existing === 0) {
    for (const [table, names] of [['ItemTags', TAGS], ['ItemCategories', CATEGORIES]]) {
      for (const name of names) {
        await client.query(`INSERT INTO "${table}" (id, name, "createdAt", "updatedAt") VALUES ($1, $2, now(), now())`, [`bench-${table}-${name}`, name]);
      }
    }
  }

  const batch = 1000;
  for (let start = existing; start < target; start += batch) {
    const values = [];
    const params = [];
    for (let index = start; index < Math.min(start + batch, target); index++) {
      // One item in ten is a PyTorch one, so `keyword=pytorch` matches about 10 % of them.
      const framework = TAGS[index % TAGS.length];
      const visibility = index % 20;
      params.push(
        `bench-${index}`, `${framework} detection Job Template ${index}`, AUTHORS[index % AUTHORS.length],
        visibility === 0, visibility !== 0 && visibility !== 1, visibility === 1 ? '{vision}' : '{}',
        `Train ${framework} detection models at scale, variant ${index}`, descriptionFor(index, framework), protocolFor(index),
      );
      const base = params.length - 9;
      values.push(`($${base + 1}, $${base + 2}, $${base + 3}, 'template', 'marketplace', $${base + 5}, $${base + 4}, $${base + 6}, $${base + 7}, $${base + 8}, $${base + 9}, now() - (${index} * interval '1 second'), now())`);
    }
    await client.query(
      `INSERT INTO "MarketplaceItems" (id, name, author, type, source, "isPublic", "isPrivate", "groupList", summary, description, protocol, "createdAt", "updatedAt") VALUES ${values.join(', ')}`,
      params,
    );
    await client.query(
      `INSERT INTO "ItemTagRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "ItemTagId")
       SELECT now(), now(), 'bench-' || n, 'bench-ItemTags-' || (ARRAY[${TAGS.map((tag) => `'${tag}'`).join(',')}])[1 + n % 4]
       FROM generate_series($1::int, $2::int - 1) n
       UNION ALL
       SELECT now(), now(), 'bench-' || n, 'bench-ItemTags-' || (ARRAY[${TAGS.map((tag) => `'${tag}'`).join(',')}])[5 + n % 6]
       FROM generate_series($1::int, $2::int - 1) n`,
      [start, Math.min(start + batch, target)],
    );
    await client.query(
      `INSERT INTO "ItemCategoryRelation" ("createdAt", "updatedAt", "MarketplaceItemId", "ItemCategoryId")
       SELECT now(), now(), 'bench-' || n, 'bench-ItemCategories-' || (ARRAY[${CATEGORIES.map((name) => `'${name}'`).join(',')}])[1 + n % 4]
       FROM generate_series($1::int, $2::int - 1) n`,
      [start, Math.min(start + batch, target)],
    );
  }
  // Linking a tag rewrites its item (the search document includes tag names), so seeding leaves
  // three dead versions of every row behind. A catalogue that grew over months carries no such
  // bloat, so compact the tables before measuring, then refresh the planner's statistics.
  await client.query('VACUUM FULL ANALYZE "MarketplaceItems", "ItemTagRelation", "ItemCategoryRelation"');
  return Math.max(0, target - existing);
}
