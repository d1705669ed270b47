import { ConfigError, loadConfig } from './load-config';

const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://marketplace:pw@db.example.test/marketplace', IDP_URL: 'http://pai.example.test/rest-server' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('RATE_LIMIT and TRUST_PROXY', () => {
  it('defaults to 600 a minute and no proxy', () => {
    const { http } = loadConfig(PRODUCTION);

    expect(http.rateLimitPerMinute).toBe(600);
    expect(http.trustedProxies).toEqual([]);
  });

  it('turns the limit off with RATE_LIMIT=0', () => {
    expect(loadConfig({ ...PRODUCTION, RATE_LIMIT: '0' }).http.rateLimitPerMinute).toBe(0);
  });

  it.each(['-1', '1.5', 'lots', '1000001'])('rejects RATE_LIMIT=%s', (value) => {
    const problems = problemsOf({ ...PRODUCTION, RATE_LIMIT: value });

    expect(problems).toEqual([expect.stringMatching(/^RATE_LIMIT: expected a whole number from 0 to 1000000/)]);
  });

  it('reads addresses, CIDR ranges and range names from TRUST_PROXY', () => {
    const { http } = loadConfig({ ...PRODUCTION, TRUST_PROXY: ' 10.0.0.1, 10.244.0.0/16,fd00::/8 , ::1,loopback' });

    expect(http.trustedProxies).toEqual(['10.0.0.1', '10.244.0.0/16', 'fd00::/8', '::1', 'loopback']);
  });

  it.each(['pylon', '10.0.0.0/33', '10.0.0/8', '10.0.0.1/8/8', 'fd00::/129', '*'])('rejects TRUST_PROXY entry %s', (entry) => {
    const problems = problemsOf({ ...PRODUCTION, TRUST_PROXY: `127.0.0.1,${entry}` });

    expect(problems).toEqual([expect.stringMatching(/^TRUST_PROXY: expected comma-separated IP addresses or CIDR ranges/)]);
  });
});
