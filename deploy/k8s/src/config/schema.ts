import { z } from 'zod';
import { flag, integerIn, nonEmptyText, plainScalar, port, section, text, textMapping } from './fields';
import { TypedScalar, type RawValue } from './yaml-source';

/*
 * The parts of paictl's services-configuration.yaml that the marketplace reads, with paictl's
 * defaults. Keys marked "extension" are read only by this renderer; paictl ignores them.
 */

const dockerRegistry = section({
  domain: nonEmptyText().default('docker.io'),
  namespace: nonEmptyText().default('openpai'),
  tag: nonEmptyText().default('latest'),
  'secret-name': text().default('regsecret'),
});

/** Parses `cluster.common.marketplace`; checks.ts warns about a YAML boolean, which paictl reads as off. */
const marketplaceSwitch = z.custom<RawValue>().optional().transform((value, context): boolean => {
  if (value === undefined || value === null) {
    return false;
  }
  if (value instanceof TypedScalar && typeof value.value === 'boolean') {
    return value.value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  context.addIssue({ code: 'custom', message: 'expected "true" or "false"' });
  return z.NEVER;
});

const cluster = section({
  common: section({ marketplace: marketplaceSwitch }),
  'docker-registry': dockerRegistry,
});

const marketplaceDb = section({
  user: nonEmptyText().default('user'),
  passwd: text().default('passwd'),
  db: nonEmptyText().default('marketplace'),
  port: port().default(9291),
  'max-connection': integerIn(1, 262143).default(1000),
  'data-path': nonEmptyText().default('/mnt/marketplace'),
  // extension: size and class of the standalone profile's volume claim
  'storage-size': nonEmptyText()
    .refine((value) => /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.test(value), { message: 'expected a Kubernetes quantity such as 10Gi' })
    .default('10Gi'),
  'storage-class': nonEmptyText().optional(),
});

export const DEFAULT_AZURE_STORAGE = { type: 'blob', storage_account: 'openpaimarketplace', connection_strings: [] as string[] };

/** `null` leaves AZURE_STORAGE unset (extension); a partial mapping keeps the other defaults. */
const azureStorage = z.preprocess(
  (value) => (value === undefined || value === null ? value : plainScalar(value)),
  z
    .object(
      {
        type: nonEmptyText().default(DEFAULT_AZURE_STORAGE.type),
        storage_account: nonEmptyText().default(DEFAULT_AZURE_STORAGE.storage_account),
        connection_strings: z.array(text(), { error: 'expected a list of connection strings' }).default([]),
      },
      { error: 'expected a mapping with type, storage_account and connection_strings' },
    )
    .prefault({})
    .nullable(),
);

const marketplaceRestserver = section({
  db_host: nonEmptyText().optional(),
  db_user: nonEmptyText().optional(),
  db_password: text().optional(),
  db: nonEmptyText().optional(),
  db_port: port().optional(),
  'server-port': port().default(9292),
  idp_url: nonEmptyText().optional(),
  azure_storage: azureStorage,
  // extension: replicas of the standalone profile's Deployment
  replicas: integerIn(1, 100).default(1),
});

const marketplaceWebportal = section({
  marketplace_api_uri: nonEmptyText().optional(),
  'server-port': port().default(9293),
  'api-port': port().default(9292),
  'npm-install-token': text().default(''),
});

const pluginEntry = z.preprocess(
  plainScalar,
  z.object(
  {
    id: nonEmptyText(),
    title: nonEmptyText(),
    uri: nonEmptyText(),
    config: textMapping().optional(),
  },
  { error: 'expected a mapping with id, title and uri' },
  ),
);

const webportal = section({
  marketplace: flag().default(true),
  'save-template': flag().default(true),
  plugins: z.preprocess((value) => (value === null ? undefined : value), z.array(pluginEntry, { error: 'expected a list' }).default([])),
});

const restServer = section({
  'server-port': port().default(9186),
});

const pylon = section({
  port: port().default(80),
  domain: nonEmptyText().optional(),
  ssl: z.preprocess((value) => (value === null ? {} : value), section({ port: port().default(443) })).optional(),
});

export const ServicesConfigurationSchema = z.preprocess(
  plainScalar,
  z.object(
  {
    cluster,
    'marketplace-db': marketplaceDb,
    'marketplace-restserver': marketplaceRestserver,
    'marketplace-webportal': marketplaceWebportal,
    webportal,
    'rest-server': restServer,
    pylon,
  },
  { error: 'expected a mapping of service sections' },
  ),
);

export type ServicesConfiguration = z.infer<typeof ServicesConfigurationSchema>;
export type PluginEntrySettings = ServicesConfiguration['webportal']['plugins'][number];
