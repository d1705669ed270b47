// Entry point of the manifest renderer. It runs the compiled output, so build it first with
// `npx nx run k8s:build` (tsc writes dist/deploy/k8s).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const compiledMain = resolve(workspaceRoot, 'dist/deploy/k8s/main.js');

if (!existsSync(compiledMain)) {
  process.stderr.write(`${compiledMain} is missing; build it with: npx nx run k8s:build\n`);
  process.exit(2);
}
createRequire(import.meta.url)(compiledMain);
