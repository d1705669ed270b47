import { randomBytes } from 'node:crypto';

import { startTestApp, type TestApp } from '../test-app';
import { serverUrl } from '../test-database';

/** Returns a random value that no log line contains by chance. */
function secret(label: string): string {
  return `${label}-${randomBytes(12).toString('hex')}`;
}

const SEEDED_ACCOUNT_KEY = randomBytes(24).toString('base64');
const SEEDED_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=seededacct;AccountKey=${SEEDED_ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const CREATED_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=teamacct;AccountKey=${randomBytes(24).toString('base64')}`;
const UPDATED_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=teamacct;AccountKey=${randomBytes(24).toString('base64')}`;
const FAILED_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=teamacct;AccountKey=${randomBytes(24).toString('base64')}`;
const SAS_TOKEN = secret('sas');
const INVALID_TOKENS = [secret('invalid-token'), `${secret('long-token')}${'x'.repeat(9000)}`];

/** Runs `send` while a check constraint rejects the container name `rejected`, then drops it. */
async function withBlobWritesFailing<T>(t: TestApp, send: () => Promise<T>): Promise<T> {
  await t.dataSource.query(`ALTER TABLE "Blobs" ADD CONSTRAINT "test_rejects_container" CHECK ("containerName" <> 'rejected') NOT VALID`);
  try {
    return await send();
  } finally {
    await t.dataSource.query('ALTER TABLE "Blobs" DROP CONSTRAINT "test_rejects_container"');
  }
}

describe('no secret in the log', () => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(
      { AZURE_STORAGE: JSON.stringify({ type: 'azureBlob', storage_account: 'seededacct', connection_strings: [SEEDED_CONNECTION_STRING] }) },
      { captureLogs: logLines },
    );
    // Tokens that appear nowhere else, so that a match can only be a leak.
    for (const user of Object.keys(t.openPai.tokens)) {
      t.openPai.tokens[user] = secret(`token-${user}`);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('holds after valid, invalid and misplaced tokens, blob writes and failures', async () => {
    await t.as('alice').get('/items').expect(200);
    await t.as('bob').get('/items?keyword=anything').expect(200);

    for (const token of INVALID_TOKENS) {
      await t.anonymous.get('/items').set('Authorization', `Bearer ${token}`).expect(401);
    }
    await t.anonymous.get(`/items?token=${t.openPai.tokens.alice}`).expect(401);
    await t.anonymous.get(`/no/such/route?access_token=${t.openPai.tokens.bob}`).set('Authorization', `Bearer ${INVALID_TOKENS[0]}`).expect(404);

    const created = await t
      .as('admin')
      .post('/storages/blobs')
      .send({ type: 'azureBlob', storageAccount: 'teamacct', containerName: 'team', connectionStrings: [CREATED_CONNECTION_STRING], tokens: [SAS_TOKEN], users: ['alice'] })
      .expect(201);
    const blobId = created.body.id as string;
    await t.as('admin').put(`/storages/blobs/${blobId}`).send({ connectionStrings: [UPDATED_CONNECTION_STRING] }).expect(200);
    await t.as('admin').get(`/storages/blobs/${blobId}`).expect(200);
    await t.as('admin').post('/storages/blobs').send({ type: 'azureBlob', storageAccount: 'x', containerName: 'y', connectionStrings: SAS_TOKEN }).expect(400);
    await t.as('alice').put(`/storages/blobs/${blobId}`).send({ connectionStrings: [FAILED_CONNECTION_STRING] }).expect(403);

    // A failing write logs its error at error level, and the failed query's parameters hold the secret.
    await withBlobWritesFailing(t, async () => {
      await t.as('admin').put(`/storages/blobs/${blobId}`).send({ connectionStrings: [FAILED_CONNECTION_STRING], containerName: 'rejected' }).expect(500);
      await t
        .as('admin')
        .post('/storages/blobs')
        .send({ type: 'azureBlob', storageAccount: 'other', containerName: 'rejected', connectionStrings: [FAILED_CONNECTION_STRING], tokens: [SAS_TOKEN] })
        .expect(500);
    });

    t.openPai.failWithStatus = 500;
    try {
      await t.as('carol').get('/items').expect(503);
    } finally {
      t.openPai.failWithStatus = undefined;
    }

    const everything = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    expect(everything).toContain('"status":500');

    const secrets = {
      ...Object.fromEntries(Object.entries(t.openPai.tokens).map(([user, token]) => [`token of ${user}`, token])),
      'invalid token': INVALID_TOKENS[0],
      'long invalid token': INVALID_TOKENS[1].slice(0, 40),
      'database URL': t.database.url,
      'database password': new URL(t.database.url).password,
      'seeded account key': SEEDED_ACCOUNT_KEY,
      'created connection string': CREATED_CONNECTION_STRING,
      'updated connection string': UPDATED_CONNECTION_STRING,
      'refused connection string': FAILED_CONNECTION_STRING,
      'SAS token': SAS_TOKEN,
    };
    const leaked = Object.entries(secrets)
      .filter(([, value]) => everything.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});

describe('no database password in the log with DB_* variables', () => {
  let t: TestApp;
  let password: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    const server = new URL(serverUrl());
    password = decodeURIComponent(server.password);

    // The variables paictl sets instead of DATABASE_URL. The test app still connects through its
    // own database URL; these reach the configuration, where a careless log line would find them.
    t = await startTestApp(
      { DATABASE_URL: '', DB_HOST: server.hostname, DB_PORT: server.port, DB_USERNAME: decodeURIComponent(server.username), DB_PASSWORD: password, DATABASE: 'marketplace' },
      { captureLogs: logLines },
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('holds through start-up, requests and errors', async () => {
    expect(t.config.database).toMatchObject({ kind: 'parameters', password });

    await t.as('alice').get('/items').expect(200);
    await t.anonymous.get('/items').expect(401);
    await t.as('alice').get('/no/such/route').expect(404);

    expect(password.length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(password))).toEqual([]);
  });
});
