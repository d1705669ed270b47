import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ENVIRONMENT_VARIABLES } from './config.schema';

const README = readFileSync(resolve(__dirname, '../../../../README.md'), 'utf8');

describe('README configuration table', () => {
  it.each(Object.entries(ENVIRONMENT_VARIABLES))('lists %s with its default', (name, spec) => {
    const shownDefault = 'defaultValue' in spec ? `\`${spec.defaultValue}\`` : null;
    const row = README.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toBeDefined();
    if (shownDefault && name !== 'DEV_USERS') {
      expect(row).toContain(shownDefault);
    }
  });
});
