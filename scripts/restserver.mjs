#!/usr/bin/env node
// `npm run restserver -- <command>`: builds the restserver if needed and runs one of its admin
// commands (migrate, export, import, import-protocols, seed-examples) with the same environment
// variables as the server. `npm run restserver -- help` lists them.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

const build = spawnSync('npx', ['nx', 'run', 'restserver:build', '--outputStyle=static'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  process.stderr.write('building the restserver failed; run "npx nx run restserver:build" to see why\n');
  process.exit(build.status ?? 1);
}

const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [join(root, 'dist/apps/restserver/main.js'), ...(args.length ? args : ['help'])], { env, stdio: 'inherit' });
process.exit(result.status ?? 1);
