import type { AddressInfo } from 'node:net';

import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

import { createApp } from '../src/app.factory';
import { configureLogging } from '../src/common/logging/logger';
import type { AppConfig } from '../src/config/app-config';
import { loadConfig } from '../src/config/load-config';
import { connectDatabase } from '../src/database/connect-database';
import { FakeOpenPai } from './fake-openpai';
import { createTestDatabase, type TestDatabase } from './test-database';

export type TestUser = 'admin' | 'alice' | 'bob' | 'carol';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  openPai: FakeOpenPai;
  /** Requests without credentials. */
  anonymous: TestAgent;
  /** Requests with the bearer token of a fake OpenPAI user. */
  as(user: TestUser): TestAgent;
  close(): Promise<void>;
}

/**
 * Starts the real application on 127.0.0.1 against a fresh database (migrated as at start-up)
 * and a fake OpenPAI, configured through environment variables exactly as in production.
 */
export interface TestAppOptions {
  /** Collects every JSON log line, at debug level. */
  captureLogs?: string[];
  /** Runs on the database before the server starts, e.g. to restore a dump of the original. */
  beforeStart?: (dataSource: DataSource) => Promise<void>;
  /** A database the caller created and will drop; by default each app gets its own. */
  database?: TestDatabase;
}

export async function startTestApp(environment: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const capture = options.captureLogs;
  configureLogging(capture ? 'debug' : (process.env.TEST_LOG_LEVEL ?? 'silent'), capture && { write: (line: string) => void capture.push(line) });
  const openPai = await new FakeOpenPai().start();
  const database = options.database ?? (await createTestDatabase());
  try {
    return await startOn(database, openPai, environment, options);
  } catch (error) {
    // Leave no server or database behind, or Jest would wait for them forever.
    await openPai.stop();
    if (!options.database) {
      await database.drop();
    }
    throw error;
  }
}

async function startOn(database: TestDatabase, openPai: FakeOpenPai, environment: Record<string, string>, options: TestAppOptions): Promise<TestApp> {
  if (options.beforeStart) {
    const setup = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    try {
      await options.beforeStart(setup);
    } finally {
      await setup.destroy();
    }
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    IDP_URL: openPai.url,
    AUTH_CACHE_TTL_SECONDS: '0',
    SEED_EXAMPLES: 'false',
    // Specs send many requests as one user; the rate-limit specs set RATE_LIMIT themselves.
    RATE_LIMIT: '0',
    ...environment,
  });
  const connection = config.database.kind === 'url' ? { url: config.database.url } : { url: database.url };
  const app = await createApp(config, connection);
  const dataSource = app.get(DataSource);
  try {
    await connectDatabase(app, config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }

  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const agentFor = (token?: string): TestAgent => {
    const agent = request.agent(baseUrl);
    return token ? agent.set('Authorization', `Bearer ${token}`) : agent;
  };

  return {
    app,
    config,
    dataSource,
    database,
    openPai,
    anonymous: agentFor(),
    as: (user) => agentFor(openPai.tokens[user]),
    close: async () => {
      await app.close();
      await openPai.stop();
      if (!options.database) {
        await database.drop();
      }
    },
  };
}
