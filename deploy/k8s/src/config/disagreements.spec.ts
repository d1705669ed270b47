import { parse } from 'yaml';
import { PLUGINS_FILE } from '../render';
import { MASTER_IP, REST_SERVER, SWITCHED_ON, containersOf, envOf, errorMessage, manifestOf, renderYaml, resolveYaml } from '../test/configuration';

const restserverEnv = (services: string) => envOf(containersOf(manifestOf(renderYaml(services, 'paictl'), 'DaemonSet', 'marketplace-restserver-ds'))[0]);

describe('switch given as YAML boolean', () => {
  const { configuration, warnings } = resolveYaml(`${REST_SERVER}cluster:\n  common:\n    marketplace: true\n`);

  it('turns the marketplace on', () => {
    expect(configuration.marketplaceEnabled).toBe(true);
    expect(configuration.openpai.saveTemplate).toBe(true);
  });

  it('warns to quote it', () => {
    expect(warnings.join('\n')).toContain('cluster.common.marketplace: the YAML boolean true is read as on here');
  });

  it('rejects other switch values', () => {
    expect(errorMessage(() => resolveYaml(`${REST_SERVER}cluster:\n  common:\n    marketplace: "on"\n`))).toContain(
      'cluster.common.marketplace: expected "true" or "false", got "on"',
    );
  });
});

describe('webportal flags as strings', () => {
  it('reads "false" as off with a warning', () => {
    const { configuration, warnings } = resolveYaml(`${SWITCHED_ON}webportal:\n  marketplace: "false"\n  save-template: "false"\n`);
    expect(configuration.openpai.showMarketplacePlugin).toBe(false);
    expect(configuration.openpai.saveTemplate).toBe(false);
    expect(warnings.filter((warning) => warning.includes('paictl treats any non-empty string as on'))).toHaveLength(2);
  });
});

describe('plugin entries', () => {
  it('rejects an entry without id', () => {
    expect(errorMessage(() => resolveYaml(`${SWITCHED_ON}webportal:\n  plugins:\n    - title: Tools\n      uri: /tools.js\n`))).toContain(
      'webportal.plugins[0].id: expected a non-empty string, got nothing',
    );
  });

  it('drops a copy of the automatic entry', () => {
    const result = renderYaml(`${SWITCHED_ON}webportal:\n  plugins:\n    - id: market\n      title: Market\n      uri: http://${MASTER_IP}:80/marketplace/plugin.js\n    - id: tools\n      title: Tools\n      uri: /tools.js\n`, 'paictl');
    expect(result.effectivePlugins.map((entry) => entry.id)).toEqual(['marketplace', 'tools']);
    expect(result.warnings.join('\n')).toContain('webportal.plugins[0]: has the same URI');
    expect(result.warnings.join('\n')).toContain('the automatic marketplace entry');
    const block = parse(result.files.find((file) => file.name === PLUGINS_FILE)!.content) as { webportal: { plugins: Array<{ id: string }> } };
    expect(block.webportal.plugins.map((entry) => entry.id)).toEqual(['tools']);
  });

  it('drops an entry with a repeated id', () => {
    const result = renderYaml(`${SWITCHED_ON}webportal:\n  plugins:\n    - {id: tools, title: A, uri: /a.js}\n    - {id: tools, title: B, uri: /b.js}\n`, 'paictl');
    expect(result.effectivePlugins.map((entry) => entry.uri)).toEqual([`http://${MASTER_IP}:80/marketplace/plugin.js`, '/a.js']);
    expect(result.warnings.join('\n')).toContain('webportal.plugins[1]: has the same id "tools"');
  });

  it('keeps an existing query beside config', () => {
    const result = renderYaml(`${SWITCHED_ON}webportal:\n  plugins:\n    - id: tools\n      title: Tools\n      uri: /tools.js?lang=en#top\n      config:\n        mode: a b/c\n`, 'paictl');
    expect(result.effectivePlugins[1].uri).toBe('/tools.js?lang=en&mode=a%20b%2Fc#top');
  });

  it('escapes like Python quote', () => {
    const result = renderYaml(`${SWITCHED_ON}webportal:\n  plugins:\n    - {id: t, title: T, uri: /t.js, config: {q: "it's (~)*!"}}\n`, 'paictl');
    expect(result.effectivePlugins[1].uri).toBe('/t.js?q=it%27s%20%28%7E%29%2A%21');
  });

  it('reports the YAML syntax error of the indented example', () => {
    expect(errorMessage(() => resolveYaml(`${SWITCHED_ON}webportal:\n  plugins:\n  - id: tools\n      title: Tools\n      uri: /tools.js\n`))).toMatch(
      /^services-configuration\.yaml, line \d+, column \d+: invalid YAML/,
    );
  });
});

describe('typed values in text keys', () => {
  const services = `${SWITCHED_ON}marketplace-db:\n  user: yes\n  passwd: 0123456\n  db: 1.10\nmarketplace-restserver:\n  db_password: true\n`;

  it('renders passwords as the written text', () => {
    const env = restserverEnv(services);
    expect(env.DB_PASSWORD.value).toBe('true');
    expect(env.DB_USERNAME.value).toBe('yes');
    expect(env.DATABASE.value).toBe('1.10');
    const db = envOf(containersOf(manifestOf(renderYaml(services, 'paictl'), 'DaemonSet', 'marketplace-db-ds'))[0]);
    expect(db.POSTGRES_PASSWORD.value).toBe('0123456');
  });

  it('quotes them in the YAML output', () => {
    const file = renderYaml(services, 'paictl').files.find((entry) => entry.name === 'marketplace-db.yaml')!;
    expect(file.content).toContain('value: "0123456"');
    expect(file.content).toContain('value: "yes"');
  });

  it('keeps a quote inside AZURE_STORAGE', () => {
    const env = restserverEnv(`${SWITCHED_ON}marketplace-restserver:\n  azure_storage:\n    connection_strings: ["Account=o'brien"]\n`);
    expect(JSON.parse(env.AZURE_STORAGE.value!)).toEqual({ type: 'blob', storage_account: 'openpaimarketplace', connection_strings: ["Account=o'brien"] });
  });
});

describe('azure_storage', () => {
  it('keeps defaults of a partial mapping', () => {
    const env = restserverEnv(`${SWITCHED_ON}marketplace-restserver:\n  azure_storage:\n    connection_strings: [conn]\n`);
    expect(JSON.parse(env.AZURE_STORAGE.value!)).toEqual({ type: 'blob', storage_account: 'openpaimarketplace', connection_strings: ['conn'] });
  });

  it('ignores azure_storage_json nested as the docs show', () => {
    const { configuration, warnings } = resolveYaml(`${SWITCHED_ON}marketplace-restserver:\n  azure_storage:\n    storage_account: acct\n    azure_storage_json: ""\n`);
    expect(JSON.parse(configuration.restserver.azureStorageJson!)).toEqual({ type: 'blob', storage_account: 'acct', connection_strings: [] });
    expect(warnings.join('\n')).toContain('marketplace-restserver.azure_storage.azure_storage_json: unknown key, left out of AZURE_STORAGE');
  });

  it('ignores azure_storage_json beside it', () => {
    const { configuration, warnings } = resolveYaml(`${SWITCHED_ON}marketplace-restserver:\n  azure_storage_json: '{"type": "x"}'\n`);
    expect(JSON.parse(configuration.restserver.azureStorageJson!).type).toBe('blob');
    expect(warnings.join('\n')).toContain('marketplace-restserver.azure_storage_json: ignored');
  });

  it('is set by default and omitted with null', () => {
    expect(restserverEnv(SWITCHED_ON).AZURE_STORAGE).toBeDefined();
    expect(restserverEnv(`${SWITCHED_ON}marketplace-restserver:\n  azure_storage: null\n`).AZURE_STORAGE).toBeUndefined();
  });
});

describe('documented defaults that differ', () => {
  it('uses the master IP as db_host', () => {
    expect(restserverEnv(SWITCHED_ON).DB_HOST.value).toBe(MASTER_IP);
  });

  it('routes the API URL through pylon', () => {
    const result = renderYaml(SWITCHED_ON, 'paictl');
    const env = envOf(containersOf(manifestOf(result, 'DaemonSet', 'marketplace-webportal-ds'))[0]);
    expect(env.MARKETPLACE_API_URL.value).toBe(`http://${MASTER_IP}:80/marketplace/api`);
  });

  it('warns that api-port does nothing', () => {
    expect(resolveYaml(`${SWITCHED_ON}marketplace-webportal:\n  api-port: 9300\n`).warnings.join('\n')).toContain('marketplace-webportal.api-port: has no effect');
  });

  it('warns about a direct restserver API URL', () => {
    const { warnings } = resolveYaml(`${SWITCHED_ON}marketplace-webportal:\n  marketplace_api_uri: http://${MASTER_IP}:9292\n`);
    expect(warnings.join('\n')).toContain('marketplace_api_uri: points at the restserver directly, bypassing pylon');
  });

  it('renders services with the switch off', () => {
    const result = renderYaml(REST_SERVER, 'paictl');
    expect(result.files.filter((file) => file.manifests)).toHaveLength(3);
    expect(result.effectivePlugins).toEqual([]);
    expect(result.warnings.join('\n')).toContain('paictl still deploys the three services but gives pylon no /marketplace routes');
  });

  it('rejects the misspelled switch', () => {
    expect(errorMessage(() => resolveYaml(`${REST_SERVER}cluster:\n  common:\n    market: "true"\n`))).toContain(
      'cluster.common.market: unknown key; the marketplace switch is cluster.common.marketplace: "true"',
    );
  });

  it('warns about pre-1.0 files', () => {
    const { warnings } = resolveYaml('cluster:\n  common:\n    marketplace: "true"\nrestserver:\n  port: 1\n');
    expect(warnings.join('\n')).toContain('because it has no rest-server section and it has the old restserver section');
    expect(resolveYaml(`${SWITCHED_ON}hadoop:\n  x: 1\n`).warnings.join('\n')).toContain('it has a hadoop section');
  });

  it('warns about unknown marketplace keys', () => {
    expect(resolveYaml(`${SWITCHED_ON}marketplace-db:\n  password: x\n`).warnings.join('\n')).toContain('marketplace-db.password: unknown key, ignored');
  });

  it('passes npm-install-token through', () => {
    const result = renderYaml(`${SWITCHED_ON}marketplace-webportal:\n  npm-install-token: tok\n`, 'paictl');
    expect(envOf(containersOf(manifestOf(result, 'DaemonSet', 'marketplace-webportal-ds'))[0]).NPM_INSTALL_TOKEN.value).toBe('tok');
  });

  it('accepts a boolean pai-master label', () => {
    const { configuration, warnings } = resolveYaml(SWITCHED_ON, 'machine-list:\n  - hostname: h\n    hostip: 203.0.113.5\n    pai-master: true\n');
    expect(configuration.master?.ip).toBe('203.0.113.5');
    expect(warnings.join('\n')).toContain('pai-master is the YAML boolean true');
  });
});
