import { resolve } from 'node:path';

import type { AppConfig } from './app-config';
import { ENVIRONMENT_VARIABLES } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

const WORKING_DIRECTORY = '/srv/marketplace';
const DATABASE_URL = 'postgres://marketplace:url-secret-7f3a@db.example.test:5432/marketplace';
const IDP_URL = 'http://pai.example.test/rest-server';
/** Enough configuration for NODE_ENV=production to start. */
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL, IDP_URL };

/** Returns the ConfigError that loadConfig throws for `env`, and fails the test when it throws nothing. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, WORKING_DIRECTORY);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('defaults', () => {
    let config: AppConfig;

    beforeAll(() => {
      config = loadConfig({}, WORKING_DIRECTORY);
    });

    it('listens on 127.0.0.1:9292', () => {
      expect(config.http.host).toBe('127.0.0.1');
      expect(config.http.port).toBe(9292);
    });

    it('runs in development', () => {
      expect(config.environment).toBe('development');
    });

    it('uses the embedded database under .data/postgres', () => {
      expect(config.database).toEqual({ kind: 'embedded', dataDir: '/srv/marketplace/.data/postgres', port: 9291 });
    });

    it('resolves the data directory against process.cwd()', () => {
      const fromCwd = loadConfig({});
      expect(fromCwd.database).toMatchObject({ dataDir: resolve(process.cwd(), '.data/postgres') });
    });

    it('uses the development identity with admin, alice and bob', () => {
      expect(config.identity).toEqual({
        kind: 'development',
        users: [
          { username: 'admin', admin: true, groups: ['default', 'admingroup'] },
          { username: 'alice', admin: false, groups: ['default', 'vision'] },
          { username: 'bob', admin: false, groups: ['default', 'nlp'] },
        ],
      });
    });

    it('allows any CORS origin', () => {
      expect(config.http.corsOrigins).toBe('*');
    });

    it('uses the documented body limit', () => {
      expect(config.http.bodyLimitBytes).toBe(Number(ENVIRONMENT_VARIABLES.BODY_LIMIT_BYTES.defaultValue));
    });

    it('migrates on start and logs at info', () => {
      expect(config.migrateOnStart).toBe(true);
      expect(config.logLevel).toBe('info');
    });

    it('has no Azure storage record', () => {
      expect(config.azureStorage).toBeUndefined();
    });

    it('treats empty values as unset', () => {
      const fromEmpty = loadConfig({ PORT: '', HOST: '', DATABASE_URL: '', IDP_URL: '' }, WORKING_DIRECTORY);
      expect(fromEmpty.http.port).toBe(9292);
      expect(fromEmpty.http.host).toBe('127.0.0.1');
      expect(fromEmpty.database.kind).toBe('embedded');
      expect(fromEmpty.identity.kind).toBe('development');
    });

    it('keeps an absolute embedded data directory', () => {
      const absolute = loadConfig({ EMBEDDED_POSTGRES_DIR: '/var/lib/marketplace-pg' }, WORKING_DIRECTORY);
      expect(absolute.database).toMatchObject({ kind: 'embedded', dataDir: '/var/lib/marketplace-pg' });
    });
  });

  describe('database', () => {
    it('prefers DATABASE_URL over DB_*', () => {
      const config = loadConfig(
        { DATABASE_URL, DB_HOST: 'other.example.test', DB_USERNAME: 'other', DATABASE: 'other', DB_PASSWORD: 'other' },
        WORKING_DIRECTORY,
      );
      expect(config.database).toEqual({ kind: 'url', url: DATABASE_URL });
    });

    it('accepts the postgresql:// scheme', () => {
      const url = 'postgresql://marketplace@db.example.test/marketplace';
      expect(loadConfig({ DATABASE_URL: url }, WORKING_DIRECTORY).database).toEqual({ kind: 'url', url });
    });

    it('builds connection parameters from DB_*', () => {
      const config = loadConfig(
        { DB_HOST: 'db.example.test', DB_USERNAME: 'marketplace', DATABASE: 'marketplace', DB_PASSWORD: 'pw' },
        WORKING_DIRECTORY,
      );
      expect(config.database).toEqual({
        kind: 'parameters',
        host: 'db.example.test',
        port: 5432,
        username: 'marketplace',
        password: 'pw',
        database: 'marketplace',
      });
    });

    it('keeps an empty DB_PASSWORD', () => {
      const config = loadConfig({ DB_HOST: 'db', DB_USERNAME: 'marketplace', DATABASE: 'marketplace', DB_PASSWORD: '' }, WORKING_DIRECTORY);
      expect(config.database).toMatchObject({ kind: 'parameters', password: '' });
    });

    it('requires DB_USERNAME and DATABASE with DB_HOST', () => {
      const error = configError({ DB_HOST: 'db.example.test' });
      expect(error.message).toContain('DB_USERNAME');
      expect(error.message).toContain('DATABASE:');
      expect(error.problems).toHaveLength(2);
    });

    it('names only the missing one of DB_USERNAME and DATABASE', () => {
      const error = configError({ DB_HOST: 'db.example.test', DB_USERNAME: 'marketplace' });
      expect(error.problems).toEqual(['DATABASE: required when DB_HOST is set']);
    });

    it('rejects a bad DB_PORT', () => {
      const error = configError({ DB_HOST: 'db', DB_USERNAME: 'u', DATABASE: 'd', DB_PORT: '65536' });
      expect(error.message).toContain('DB_PORT');
      expect(error.message).toContain('"65536"');
    });

    it('requires a database under NODE_ENV=production', () => {
      const error = configError({ NODE_ENV: 'production', IDP_URL });
      expect(error.message).toContain('DB_HOST or DATABASE_URL');
      expect(error.problems).toHaveLength(1);
    });

    it('hides a bad DATABASE_URL', () => {
      const url = 'mysql://marketplace:url-secret-7f3a@db.example.test/marketplace';
      const error = configError({ DATABASE_URL: url });
      expect(error.message).toContain('DATABASE_URL');
      expect(error.message).not.toContain('url-secret-7f3a');
      expect(error.message).not.toContain('db.example.test');
    });

    it('hides DB_PASSWORD when DB_USERNAME is missing', () => {
      const error = configError({ DB_HOST: 'db.example.test', DATABASE: 'marketplace', DB_PASSWORD: 'pw-secret-91c2' });
      expect(error.message).toContain('DB_USERNAME');
      expect(error.message).not.toContain('pw-secret-91c2');
    });

    it('hides DB_PASSWORD when another variable is invalid', () => {
      const error = configError({ DB_HOST: 'db', DB_USERNAME: 'u', DATABASE: 'd', DB_PASSWORD: 'pw-secret-91c2', DB_PORT: 'x' });
      expect(error.message).toContain('DB_PORT');
      expect(error.message).not.toContain('pw-secret-91c2');
    });
  });

  describe('identity', () => {
    it('uses OpenPAI when IDP_URL is set', () => {
      const config = loadConfig({ IDP_URL }, WORKING_DIRECTORY);
      expect(config.identity).toEqual({ kind: 'openpai', url: IDP_URL, timeoutMs: 5000, cacheTtlSeconds: 30 });
    });

    it('removes trailing slashes from IDP_URL', () => {
      expect(loadConfig({ IDP_URL: `${IDP_URL}/` }, WORKING_DIRECTORY).identity).toMatchObject({ url: IDP_URL });
      expect(loadConfig({ IDP_URL: `${IDP_URL}//` }, WORKING_DIRECTORY).identity).toMatchObject({ url: IDP_URL });
      expect(loadConfig({ IDP_URL: 'https://pai.example.test/' }, WORKING_DIRECTORY).identity).toMatchObject({
        url: 'https://pai.example.test',
      });
    });

    it('rejects an IDP_URL that is not http', () => {
      const error = configError({ IDP_URL: 'ftp://pai.example.test' });
      expect(error.message).toContain('IDP_URL');
      expect(error.message).toContain('"ftp://pai.example.test"');
    });

    it('requires IDP_URL under NODE_ENV=production', () => {
      const error = configError({ NODE_ENV: 'production', DATABASE_URL });
      expect(error.message).toContain('IDP_URL');
      expect(error.message).toContain('ALLOW_DEV_AUTH=true');
      expect(error.problems).toHaveLength(1);
    });

    it('lists both production problems at once', () => {
      const error = configError({ NODE_ENV: 'production' });
      expect(error.problems).toHaveLength(2);
      expect(error.message).toContain('DATABASE_URL');
      expect(error.message).toContain('IDP_URL');
    });

    it('allows development identity with ALLOW_DEV_AUTH=true', () => {
      const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL, ALLOW_DEV_AUTH: 'true' }, WORKING_DIRECTORY);
      expect(config.environment).toBe('production');
      expect(config.identity.kind).toBe('development');
    });

    it('accepts a full production configuration', () => {
      const config = loadConfig(PRODUCTION, WORKING_DIRECTORY);
      expect(config.database.kind).toBe('url');
      expect(config.identity.kind).toBe('openpai');
    });

    it('rejects an ALLOW_DEV_AUTH other than true or false', () => {
      const error = configError({ NODE_ENV: 'production', DATABASE_URL, ALLOW_DEV_AUTH: 'yes' });
      expect(error.message).toContain('ALLOW_DEV_AUTH');
      expect(error.message).toContain('"yes"');
    });

    it('reads DEV_USERS with defaults for admin and groups', () => {
      const config = loadConfig({ DEV_USERS: '[{"username":"dave"},{"username":"erin","admin":true,"groups":["ops"]}]' }, WORKING_DIRECTORY);
      expect(config.identity).toEqual({
        kind: 'development',
        users: [
          { username: 'dave', admin: false, groups: ['default'] },
          { username: 'erin', admin: true, groups: ['ops'] },
        ],
      });
    });

    it('rejects an empty DEV_USERS list', () => {
      expect(configError({ DEV_USERS: '[]' }).message).toContain('DEV_USERS');
    });

    it('allows AUTH_CACHE_TTL_SECONDS=0', () => {
      const config = loadConfig({ IDP_URL, AUTH_CACHE_TTL_SECONDS: '0' }, WORKING_DIRECTORY);
      expect(config.identity).toMatchObject({ cacheTtlSeconds: 0 });
    });

    it('rejects a negative AUTH_CACHE_TTL_SECONDS', () => {
      expect(configError({ IDP_URL, AUTH_CACHE_TTL_SECONDS: '-1' }).message).toContain('AUTH_CACHE_TTL_SECONDS');
    });

    it.each(['100', '120000'])('accepts IDP_TIMEOUT_MS=%s', (value) => {
      const config = loadConfig({ IDP_URL, IDP_TIMEOUT_MS: value }, WORKING_DIRECTORY);
      expect(config.identity).toMatchObject({ timeoutMs: Number(value) });
    });

    it.each(['99', '120001', '0', '5s'])('rejects IDP_TIMEOUT_MS=%s', (value) => {
      const error = configError({ IDP_URL, IDP_TIMEOUT_MS: value });
      expect(error.message).toContain('IDP_TIMEOUT_MS');
      expect(error.message).toContain('100 to 120000');
    });
  });

  describe('http', () => {
    it.each(['abc', '65536', '-1', '80.5'])('rejects PORT=%s naming it and its value', (value) => {
      const error = configError({ PORT: value });
      expect(error.message).toContain('PORT');
      expect(error.message).toContain(`"${value}"`);
    });

    it('accepts PORT=0', () => {
      expect(loadConfig({ PORT: '0' }, WORKING_DIRECTORY).http.port).toBe(0);
    });

    it('shortens a long bad value', () => {
      const error = configError({ PORT: '9'.repeat(200) });
      expect(error.message).toContain(`"${'9'.repeat(80)}…"`);
      expect(error.message).not.toContain('9'.repeat(81));
    });

    it('splits CORS_ORIGINS on commas', () => {
      const config = loadConfig({ CORS_ORIGINS: 'https://a.example.test, https://b.example.test,,' }, WORKING_DIRECTORY);
      expect(config.http.corsOrigins).toEqual(['https://a.example.test', 'https://b.example.test']);
    });

    it('allows any origin when CORS_ORIGINS lists *', () => {
      expect(loadConfig({ CORS_ORIGINS: 'https://a.example.test,*' }, WORKING_DIRECTORY).http.corsOrigins).toBe('*');
    });

    it('keeps a single CORS origin as a list', () => {
      expect(loadConfig({ CORS_ORIGINS: 'https://a.example.test' }, WORKING_DIRECTORY).http.corsOrigins).toEqual(['https://a.example.test']);
    });

    it('rejects a BODY_LIMIT_BYTES below 1024', () => {
      expect(configError({ BODY_LIMIT_BYTES: '1023' }).message).toContain('BODY_LIMIT_BYTES');
    });
  });

  describe('AZURE_STORAGE', () => {
    it('parses to type, storageAccount and connectionStrings', () => {
      const config = loadConfig(
        {
          AZURE_STORAGE: JSON.stringify({
            type: 'azureBlob',
            storage_account: 'teamaccount',
            connection_strings: ['AccountName=teamaccount;AccountKey=a2V5'],
          }),
        },
        WORKING_DIRECTORY,
      );
      expect(config.azureStorage).toEqual({
        type: 'azureBlob',
        storageAccount: 'teamaccount',
        connectionStrings: ['AccountName=teamaccount;AccountKey=a2V5'],
      });
    });

    it('defaults connectionStrings to an empty list', () => {
      const config = loadConfig({ AZURE_STORAGE: '{"type":"azureBlob","storage_account":"teamaccount"}' }, WORKING_DIRECTORY);
      expect(config.azureStorage?.connectionStrings).toEqual([]);
    });

    it('hides AZURE_STORAGE that is not JSON', () => {
      const error = configError({ AZURE_STORAGE: 'AccountKey=azure-secret-44d1' });
      expect(error.message).toContain('AZURE_STORAGE');
      expect(error.message).toContain('expected JSON');
      expect(error.message).not.toContain('azure-secret-44d1');
    });

    it('hides AZURE_STORAGE with a missing field', () => {
      const error = configError({ AZURE_STORAGE: '{"type":"azureBlob","connection_strings":["AccountKey=azure-secret-44d1"]}' });
      expect(error.message).toContain('storage_account');
      expect(error.message).not.toContain('azure-secret-44d1');
    });

    it('hides AZURE_STORAGE that is a JSON list', () => {
      const error = configError({ AZURE_STORAGE: '["AccountKey=azure-secret-44d1"]' });
      expect(error.message).toContain('AZURE_STORAGE');
      expect(error.message).not.toContain('azure-secret-44d1');
    });
  });

  describe('ConfigError', () => {
    it('lists every invalid variable', () => {
      const error = configError({ PORT: 'x', LOG_LEVEL: 'loud', MIGRATE_ON_START: 'maybe' });
      expect(error.problems).toHaveLength(3);
      expect(error.message).toContain('LOG_LEVEL');
      expect(error.message).toContain('MIGRATE_ON_START');
    });

    it('is an Error named ConfigError', () => {
      const error = configError({ NODE_ENV: 'staging' });
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ConfigError');
      expect(error.message).toContain('NODE_ENV');
    });
  });
});
