import { parseYamlSource, TypedScalar } from './yaml-source';
import { LAYOUT, MASTER_IP, REST_SERVER, SWITCHED_ON, errorMessage, resolveYaml } from '../test/configuration';

describe('configuration defaults', () => {
  const { configuration, warnings } = resolveYaml(SWITCHED_ON);

  it('uses paictl defaults for the database', () => {
    expect(configuration.db).toEqual({
      user: 'user',
      password: 'passwd',
      database: 'marketplace',
      port: 9291,
      maxConnections: 1000,
      dataPath: '/mnt/marketplace',
      storageSize: '10Gi',
      storageClass: undefined,
    });
  });

  it('falls back to the database values', () => {
    expect(configuration.restserver).toMatchObject({ dbUser: 'user', dbPassword: 'passwd', database: 'marketplace', dbPort: 9291, port: 9292, replicas: 1 });
    expect(configuration.restserver.dbHost).toBeUndefined();
  });

  it('derives URLs from the master IP', () => {
    expect(configuration.restserver.idpUrl).toBe(`http://${MASTER_IP}:9186`);
    expect(configuration.openpai.pylonBase).toBe(`http://${MASTER_IP}:80`);
    expect(configuration.webportal.apiUrl).toBe(`http://${MASTER_IP}:80/marketplace/api`);
    expect(configuration.webportal).toMatchObject({ port: 9293, npmInstallToken: '' });
  });

  it('names images from the registry settings', () => {
    expect(configuration.images).toEqual({
      db: 'openpai/marketplace-db:latest',
      restserver: 'openpai/marketplace-restserver:latest',
      webportal: 'openpai/marketplace-webportal:latest',
    });
    expect(configuration.imagePullSecret).toBe('regsecret');
  });

  it('keeps the default storage record', () => {
    expect(JSON.parse(configuration.restserver.azureStorageJson!)).toEqual({ type: 'blob', storage_account: 'openpaimarketplace', connection_strings: [] });
  });

  it('turns on plugin and template saving', () => {
    expect(configuration.openpai).toMatchObject({ showMarketplacePlugin: true, saveTemplate: true, plugins: [] });
    expect(warnings).toEqual([]);
  });

  it('accepts empty sections', () => {
    const resolved = resolveYaml(`${SWITCHED_ON}marketplace-db:\nmarketplace-restserver:\nwebportal:\n  plugins:\n`).configuration;
    expect(resolved.db.port).toBe(9291);
    expect(resolved.openpai.plugins).toEqual([]);
  });

  it('uses a private registry prefix', () => {
    const resolved = resolveYaml(
      `${REST_SERVER}cluster:\n  common:\n    marketplace: "true"\n  docker-registry:\n    domain: registry.example.test:5000\n    namespace: mirror\n    tag: v2.0.1\n`,
    ).configuration;
    expect(resolved.images.restserver).toBe('registry.example.test:5000/mirror/marketplace-restserver:v2.0.1');
    expect(resolved.images.db).toBe('registry.example.test:5000/mirror/marketplace-db:v2.0.1');
  });

  it('uses pylon ssl port and domain', () => {
    const resolved = resolveYaml(`${SWITCHED_ON}pylon:\n  domain: head.example.test\n  ssl:\n    port: 8443\n    crt_name: head.crt\n`).configuration;
    expect(resolved.openpai.pylonBase).toBe('https://head.example.test:8443');
    expect(resolved.webportal.apiUrl).toBe('https://head.example.test:8443/marketplace/api');
  });
});

describe('configuration validation errors', () => {
  it.each([
    ['marketplace-db:\n  port: abc\n', 'marketplace-db.port: expected an integer 1–65535, got "abc"'],
    ['marketplace-db:\n  port: 70000\n', 'marketplace-db.port: expected an integer 1–65535, got 70000'],
    ['marketplace-db:\n  max-connection: 1.5\n', 'marketplace-db.max-connection: expected an integer 1–262143, got 1.5'],
    ['marketplace-db:\n  user: [a, b]\n', 'marketplace-db.user: expected a non-empty string, got a list'],
    ['marketplace-db:\n  storage-size: lots\n', 'marketplace-db.storage-size: expected a Kubernetes quantity such as 10Gi, got "lots"'],
    ['marketplace-restserver:\n  server-port: "0"\n', 'marketplace-restserver.server-port: expected an integer 1–65535, got "0"'],
    ['marketplace-restserver:\n  azure_storage: text\n', 'marketplace-restserver.azure_storage: expected a mapping with type, storage_account and connection_strings, got "text"'],
    ['marketplace-restserver:\n  azure_storage:\n    connection_strings: abc\n', 'marketplace-restserver.azure_storage.connection_strings: expected a list of connection strings, got "abc"'],
    ['marketplace-webportal: 5\n', 'marketplace-webportal: expected a mapping, got 5'],
    ['webportal:\n  save-template: maybe\n', 'webportal.save-template: expected true or false, got "maybe"'],
    ['webportal:\n  plugins:\n    - id: a\n      title: A\n', 'webportal.plugins[0].uri: expected a non-empty string, got nothing'],
    ['webportal:\n  plugins:\n    - id: a\n      title: A\n      uri: /a.js\n      config: [x]\n', 'webportal.plugins[0].config: expected a mapping of names to text, got a list'],
    ['pylon:\n  port: "80x"\n', 'pylon.port: expected an integer 1–65535, got "80x"'],
    ['marketplace-db:\n  passwd: null\n', 'marketplace-db.passwd: expected a string (quote "null" if you mean that text), got null'],
  ])('reports %j', (section, expected) => {
    expect(errorMessage(() => resolveYaml(`${SWITCHED_ON}${section}`))).toContain(`services-configuration.yaml: ${expected}`);
  });

  it('lists every problem at once', () => {
    const message = errorMessage(() => resolveYaml(`${SWITCHED_ON}marketplace-db:\n  port: abc\nmarketplace-webportal:\n  server-port: -1\n`));
    expect(message.split('\n')).toHaveLength(2);
  });

  it('rejects a layout without master', () => {
    const layout = LAYOUT.replace('pai-master: "true"', 'pai-master: "false"');
    expect(errorMessage(() => resolveYaml(SWITCHED_ON, layout))).toContain('machine-list: expected exactly one machine with pai-master: "true", got 0');
  });

  it('rejects a layout with two masters', () => {
    const layout = LAYOUT.replace('pai-worker: "true"', 'pai-master: "true"');
    expect(errorMessage(() => resolveYaml(SWITCHED_ON, layout))).toContain('got 2 (head.example.test, gpu1.example.test)');
  });

  it('rejects a machine without hostip', () => {
    expect(errorMessage(() => resolveYaml(SWITCHED_ON, 'machine-list:\n  - hostname: a\n'))).toContain('layout.yaml: machine-list[0].hostip: expected a non-empty string, got nothing');
  });
});

describe('parseYamlSource', () => {
  it('keeps the written text of numbers', () => {
    const parsed = parseYamlSource('a: 0123\nb: 1.0\nc: true\n', 'x.yaml') as Record<string, TypedScalar>;
    expect(parsed.a).toEqual(new TypedScalar(123, '0123'));
    expect(parsed.b.source).toBe('1.0');
    expect(parsed.c).toEqual(new TypedScalar(true, 'true'));
  });

  it('names the line of a syntax error', () => {
    expect(errorMessage(() => parseYamlSource('a:\n  - id: x\n      title: y\n', 'services-configuration.yaml'))).toMatch(
      /^services-configuration\.yaml, line 2, column \d+: invalid YAML: /,
    );
  });
});
