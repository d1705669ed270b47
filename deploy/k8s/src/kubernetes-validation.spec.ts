import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Secret, Service } from 'kubernetes-models/v1';
import { type Manifest } from './labels';
import { PROFILES } from './render';
import { SWITCHED_ON, allManifests, renderYaml } from './test/configuration';

/** Builds the typed kubernetes-models object for a manifest and validates it against the schema. */
function validateManifest(manifest: Manifest): void {
  switch (manifest.kind) {
    case 'DaemonSet':
      return new DaemonSet(manifest as never).validate();
    case 'StatefulSet':
      return new StatefulSet(manifest as never).validate();
    case 'Deployment':
      return new Deployment(manifest as never).validate();
    case 'Job':
      return new Job(manifest as never).validate();
    case 'Service':
      return new Service(manifest as never).validate();
    case 'Secret':
      return new Secret(manifest as never).validate();
    default:
      throw new Error(`no kubernetes-models class for kind ${manifest.kind}`);
  }
}

const CONFIGURATIONS: Record<string, string> = {
  defaults: SWITCHED_ON,
  overrides: `${SWITCHED_ON}  docker-registry:\n    domain: registry.example.test\n    secret-name: pull\nmarketplace-db:\n  passwd: 123\n  port: 15432\nmarketplace-restserver:\n  azure_storage: null\n  replicas: 2\nmarketplace-webportal:\n  server-port: 19293\n`,
};

describe.each(PROFILES)('kubernetes-models validation, %s profile', (profile) => {
  describe.each(Object.keys(CONFIGURATIONS))('%s configuration', (name) => {
    const manifests = allManifests(renderYaml(CONFIGURATIONS[name], profile));

    it('renders manifests', () => {
      expect(manifests.length).toBeGreaterThanOrEqual(3);
    });

    it.each(manifests.map((manifest) => [`${manifest.kind}/${manifest.metadata.name}`, manifest] as const))('%s is valid', (_label, manifest) => {
      expect(() => validateManifest(manifest)).not.toThrow();
    });
  });
});

describe('kubernetes-models check itself', () => {
  it('rejects a numeric env value', () => {
    const [daemonSet] = allManifests(renderYaml(SWITCHED_ON, 'paictl'));
    const broken = JSON.parse(JSON.stringify(daemonSet)) as { spec: { template: { spec: { containers: Array<{ env: Array<{ value: unknown }> }> } } } };
    broken.spec.template.spec.containers[0].env[0].value = 123456;
    expect(() => validateManifest(broken as unknown as Manifest)).toThrow();
  });
});
