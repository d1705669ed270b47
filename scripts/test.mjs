#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs dependencies when they are missing,
// then runs lint, the type checks and every Jest project (unit, then integration against
// PostgreSQL 12 and the newest major), and ends with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1' };
mkdirSync(reports, { recursive: true });

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  run('install', 'npm', ['install', '--no-audit', '--no-fund']);
}

const checks = [
  // The build comes first: e2e specs run the built server as a process.
  // Without the cache, so that a run proves the workspace builds from its sources.
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static', '--skip-nx-cache']],
  ['lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static']],
  ['typecheck shared-types', 'npx', ['tsc', '-p', 'libs/shared-types/tsconfig.json']],
  ['typecheck restserver', 'npx', ['tsc', '-p', 'apps/restserver/tsconfig.json']],
  ['typecheck webportal', 'npx', ['tsc', '-p', 'apps/webportal/tsconfig.json']],
  ['typecheck db', 'npx', ['tsc', '-p', 'apps/db/tsconfig.json']],
  ['typecheck tools', 'npx', ['tsc', '-p', 'tools/tsconfig.json']],
  ['typecheck k8s renderer', 'npx', ['tsc', '-p', 'deploy/k8s/tsconfig.json']],
  ['lint workspace scripts', 'npx', ['eslint', '--max-warnings', '0', 'tools', 'scripts', 'jest.config.cjs', 'eslint.config.mjs']],
];
let checksPassed = 0;
let checksFailed = 0;
for (const [label, command, args] of checks) {
  if (run(label, command, args)) checksPassed++;
  else checksFailed++;
}

const jestResults = join(reports, 'jest-results.json');
const jestArgs = ['jest', '--ci', '--json', `--outputFile=${jestResults}`, ...process.argv.slice(2)];
run('jest', 'npx', jestArgs);

let passed = checksPassed;
let failed = checksFailed;
if (existsSync(jestResults)) {
  const results = JSON.parse(readFileSync(jestResults, 'utf8'));
  passed += results.numPassedTests;
  // A suite that fails to load has no failed tests of its own, so count it as one failure.
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
} else {
  failed += 1;
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(reports, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n(lint and type checks count as ${checks.length} of these)\n${summary}\n`);
process.exit(failed === 0 ? 0 : 1);
