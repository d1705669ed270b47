import { SECRET_NAME } from './common';
import { PLUGINS_FILE } from '../render';
import { SWITCHED_ON, allManifests, containersOf, envOf, errorMessage, manifestOf, renderYaml } from '../test/configuration';
import { parse } from 'yaml';

const SERVICES = `${SWITCHED_ON}marketplace-db:
  passwd: db-secret-1
  storage-class: fast
marketplace-restserver:
  db_password: app-secret-2
  replicas: 3
  azure_storage:
    connection_strings: [conn-secret-3]
marketplace-webportal:
  npm-install-token: token-secret-4
`;
const SECRETS = ['db-secret-1', 'app-secret-2', 'conn-secret-3', 'token-secret-4'];

describe('standalone profile', () => {
  const result = renderYaml(SERVICES, 'standalone');
  const restserver = manifestOf(result, 'Deployment', 'marketplace-restserver');
  const webportal = manifestOf(result, 'Deployment', 'marketplace-webportal');

  it('renders the expected objects', () => {
    const kinds = allManifests(result).map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
    expect(kinds).toEqual([
      `Secret/${SECRET_NAME}`,
      'Service/marketplace-db',
      'StatefulSet/marketplace-db',
      'Job/marketplace-migrate-latest',
      'Service/marketplace-restserver',
      'Deployment/marketplace-restserver',
      'Service/marketplace-webportal',
      'Deployment/marketplace-webportal',
    ]);
  });

  it('keeps passwords out of env values', () => {
    for (const manifest of allManifests(result).filter((entry) => entry.kind !== 'Secret')) {
      const text = JSON.stringify(manifest);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('reads passwords from the Secret', () => {
    const secret = manifestOf(result, 'Secret', SECRET_NAME) as unknown as { stringData: Record<string, string> };
    expect(Object.values(secret.stringData).join(' ')).toEqual(expect.stringContaining('db-secret-1'));
    const env = envOf(containersOf(restserver)[0]);
    for (const name of ['DB_PASSWORD', 'AZURE_STORAGE']) {
      expect(env[name].value).toBeUndefined();
      const key = env[name].valueFrom!.secretKeyRef.key;
      expect(secret.stringData[key]).toBeDefined();
    }
    expect(secret.stringData[env.DB_PASSWORD.valueFrom!.secretKeyRef.key]).toBe('app-secret-2');
    const dbEnv = envOf(containersOf(manifestOf(result, 'StatefulSet', 'marketplace-db'))[0]);
    expect(secret.stringData[dbEnv.POSTGRES_PASSWORD.valueFrom!.secretKeyRef.key]).toBe('db-secret-1');
    expect(envOf(containersOf(webportal)[0]).NPM_INSTALL_TOKEN.valueFrom).toBeDefined();
  });

  it('probes both HTTP services', () => {
    for (const deployment of [restserver, webportal]) {
      const container = containersOf(deployment)[0];
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
    }
    const webportalPort = (webportal.spec as { template: { spec: { containers: Array<{ ports: Array<{ containerPort: number }> }> } } }).template.spec.containers[0].ports[0];
    expect(webportalPort.containerPort).toBe(9293);
  });

  it('configures the restserver for the Job', () => {
    const env = envOf(containersOf(restserver)[0]);
    expect(env.MIGRATE_ON_START.value).toBe('false');
    expect(env.HOST.value).toBe('0.0.0.0');
    expect(env.DB_HOST.value).toBe('marketplace-db');
    expect((restserver.spec as { replicas: number }).replicas).toBe(3);
  });

  it('migrates in a Job', () => {
    const job = manifestOf(result, 'Job', 'marketplace-migrate-latest');
    expect(containersOf(job)[0].command).toEqual(['node', 'dist/apps/restserver/main.js', 'migrate']);
    expect(containersOf(job, true)[0].command?.join(' ')).toContain('pg_isready');
    expect(envOf(containersOf(job)[0]).DB_PASSWORD.valueFrom).toBeDefined();
  });

  it('stores the database on a claim', () => {
    const statefulSet = manifestOf(result, 'StatefulSet', 'marketplace-db').spec as {
      volumeClaimTemplates: Array<{ spec: { storageClassName: string; resources: { requests: { storage: string } } } }>;
    };
    expect(statefulSet.volumeClaimTemplates[0].spec.storageClassName).toBe('fast');
    expect(statefulSet.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('10Gi');
  });

  it('lists the marketplace plugin', () => {
    const block = parse(result.files.find((file) => file.name === PLUGINS_FILE)!.content) as { webportal: { plugins: Array<{ id: string }> } };
    expect(block.webportal.plugins.map((entry) => entry.id)).toEqual(['marketplace']);
  });

  it('names a tagged migration Job', () => {
    const tagged = renderYaml(`${SWITCHED_ON}  docker-registry:\n    tag: V1.9_rc.2\n`, 'standalone');
    expect(allManifests(tagged).some((manifest) => manifest.metadata.name === 'marketplace-migrate-v1-9-rc-2')).toBe(true);
  });

  it('needs the IdP and API URLs', () => {
    const message = errorMessage(() => renderYaml(SWITCHED_ON, 'standalone', null));
    expect(message).toContain('marketplace-restserver.idp_url: expected the URL');
    expect(message).toContain('marketplace-webportal.marketplace_api_uri: expected the browser-facing API URL');
  });

  it('renders without layout', () => {
    const services = `${SWITCHED_ON}marketplace-restserver:\n  idp_url: http://pai.example.test:9186\npylon:\n  domain: pai.example.test\n`;
    const rendered = renderYaml(services, 'standalone', null);
    const env = envOf(containersOf(manifestOf(rendered, 'Deployment', 'marketplace-webportal'))[0]);
    expect(env.MARKETPLACE_API_URL.value).toBe('http://pai.example.test:80/marketplace/api');
  });
});

describe('paictl profile', () => {
  it('needs a layout', () => {
    expect(errorMessage(() => renderYaml(SWITCHED_ON, 'paictl', null))).toContain('the paictl profile needs --layout layout.yaml');
  });
});
