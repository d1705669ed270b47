import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { checkJobProtocol } from './job-protocol';

const EXAMPLES = resolve(__dirname, '../../../../docs/examples');

describe('protocols in the docs', () => {
  it.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml')))('%s passes the protocol rule', (file) => {
    expect(checkJobProtocol(readFileSync(join(EXAMPLES, file), 'utf8'))).toMatchObject({ valid: true });
  });
});
