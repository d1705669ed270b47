import { type ResolvedConfiguration } from '../config/resolve';
import { SERVICE_NAMES, type ServiceKey } from '../labels';

export const SECRET_NAME = 'marketplace-secrets';

/** Keys of the Secret; each is read by the containers through `secretKeyRef`. */
export const SECRET_KEYS = {
  postgresPassword: 'postgres-password',
  restserverDbPassword: 'restserver-db-password',
  azureStorage: 'azure-storage',
  npmInstallToken: 'npm-install-token',
} as const;

const COMPONENTS: Record<ServiceKey, string> = { db: 'database', restserver: 'api', webportal: 'web' };

export function selectorLabels(service: ServiceKey): Record<string, string> {
  return { 'app.kubernetes.io/name': SERVICE_NAMES[service], 'app.kubernetes.io/part-of': 'openpai-marketplace' };
}

export function labels(service: ServiceKey): Record<string, string> {
  return { ...selectorLabels(service), 'app.kubernetes.io/component': COMPONENTS[service] };
}

export function secretEnv(name: string, key: string) {
  return { name, valueFrom: { secretKeyRef: { name: SECRET_NAME, key } } };
}

export function httpProbe(path: string, portName: string, periodSeconds: number) {
  return { httpGet: { path, port: portName }, periodSeconds, timeoutSeconds: 5, failureThreshold: 3 };
}

/** Pod settings shared by every standalone workload. */
export function podDefaults(configuration: ResolvedConfiguration): Record<string, unknown> {
  const defaults: Record<string, unknown> = { automountServiceAccountToken: false };
  // paictl always names `regsecret`; outside paictl the Secret usually does not exist, so it is only used when named.
  if (configuration.imagePullSecret && !configuration.secretNameIsDefault) {
    defaults.imagePullSecrets = [{ name: configuration.imagePullSecret }];
  }
  return defaults;
}

/** Turns the image tag into a DNS label, so each release gets its own migration Job. */
export function tagSuffix(tag: string): string {
  const cleaned = tag
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 40).replace(/-+$/, '') || 'release';
}
