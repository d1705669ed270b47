import { resolveConfiguration, type Resolution } from '../config/resolve';
import { parseYamlSource } from '../config/yaml-source';
import { renderProfile, type Profile, type RenderResult } from '../render';
import { type Manifest } from '../labels';

/** A cluster of one master and one worker, in the documentation address range. */
export const LAYOUT = `
machine-list:
  - hostname: head.example.test
    hostip: 198.51.100.7
    pai-master: "true"
  - hostname: gpu1.example.test
    hostip: 198.51.100.8
    pai-worker: "true"
`;

export const MASTER_IP = '198.51.100.7';

/** The rest-server admin pair that paictl requires in every file. */
export const REST_SERVER = `
rest-server:
  default-pai-admin-username: admin
  default-pai-admin-password: example-pass
`;

/** The smallest file paictl accepts, with the marketplace switched on. */
export const SWITCHED_ON = `${REST_SERVER}cluster:
  common:
    marketplace: "true"
`;

/** Resolves a services-configuration.yaml text; `layout` null means no layout file. */
export function resolveYaml(services: string, layout: string | null = LAYOUT): Resolution {
  return resolveConfiguration({
    services: parseYamlSource(services, 'services-configuration.yaml'),
    servicesFileName: 'services-configuration.yaml',
    ...(layout === null ? {} : { layout: parseYamlSource(layout, 'layout.yaml'), layoutFileName: 'layout.yaml' }),
  });
}

export function renderYaml(services: string, profile: Profile, layout: string | null = LAYOUT): RenderResult & { resolutionWarnings: string[] } {
  const resolution = resolveYaml(services, layout);
  return { ...renderProfile(resolution.configuration, profile, 'services-configuration.yaml'), resolutionWarnings: resolution.warnings };
}

/** Returns the message of the error `action` throws, failing the test when it does not throw. */
export function errorMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

export function allManifests(result: RenderResult): Manifest[] {
  return result.files.flatMap((file) => file.manifests ?? []);
}

export function manifestOf(result: RenderResult, kind: string, name: string): Manifest {
  const found = allManifests(result).find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) {
    throw new Error(`no ${kind} ${name} in the render`);
  }
  return found;
}

interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string } };
}

interface ContainerShape {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  env?: EnvEntry[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string> };
}

/** Returns the containers (or init containers) of a workload's or Job's pod template. */
export function containersOf(manifest: Manifest, init = false): ContainerShape[] {
  const spec = manifest.spec as { template: { spec: { containers: ContainerShape[]; initContainers?: ContainerShape[] } } };
  return init ? (spec.template.spec.initContainers ?? []) : spec.template.spec.containers;
}

export function envOf(container: ContainerShape): Record<string, EnvEntry> {
  return Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry]));
}
