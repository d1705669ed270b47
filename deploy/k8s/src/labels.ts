/** Service names shared by both profiles. */
export const SERVICE_NAMES = {
  db: 'marketplace-db',
  restserver: 'marketplace-restserver',
  webportal: 'marketplace-webportal',
} as const;

export type ServiceKey = keyof typeof SERVICE_NAMES;

/** A Kubernetes manifest as a plain object, ready to be written as YAML. */
export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> } };
