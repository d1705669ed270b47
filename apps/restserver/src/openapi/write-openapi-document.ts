import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { SERVER_VERSION } from '../version';
import { buildOpenApiDocument } from './openapi-document';

/** Writes the committed copy of the OpenAPI document; a spec fails while that copy is stale. */
const target = resolve(process.argv[2] ?? 'apps/restserver/openapi.json');
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(SERVER_VERSION), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
