// One Jest run covers the workspace. Unit specs need no I/O. E2e specs run the built programs as
// processes. Integration specs run once per PostgreSQL major listed in
// tools/jest/postgres-targets.cjs, each against its own server.
const { integrationTargets } = require('./tools/jest/postgres-targets.cjs');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      transform: { decoratorMetadata: true, legacyDecorator: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  moduleNameMapper: {
    '^@openpai-marketplace/shared-types$': '<rootDir>/libs/shared-types/src/index.ts',
  },
  rootDir: __dirname,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': swcTransform },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.e2e-spec.ts'],
      testTimeout: 120000,
    },
    ...integrationTargets().map((target) => ({
      ...shared,
      displayName: `integration ${target.label}`,
      globals: { POSTGRES_TARGET: target.name },
      globalSetup: '<rootDir>/tools/jest/postgres-setup.mjs',
      globalTeardown: '<rootDir>/tools/jest/postgres-teardown.mjs',
      testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.integration-spec.ts'],
    })),
  ],
  reporters: ['default'],
  testTimeout: 30000,
};
