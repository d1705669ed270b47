#!/usr/bin/env node
// Builds plugin.js (a classic-script loader) and the marketplace bundle it imports, with the
// detail and editor views split into chunks loaded later, into apps/webportal/public, and reports
// the gzipped size of what showing the list costs. Fails when that is over the budget.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const publicDir = join(here, '../public');
const bundleDir = join(publicDir, 'plugin');
const LIST_BUDGET_BYTES = 120 * 1024;

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const commit = gitCommit();
const define = {
  PLUGIN_VERSION: JSON.stringify(version),
  PLUGIN_COMMIT: JSON.stringify(commit),
  'process.env.NODE_ENV': '"production"',
};
const banner = { js: `/* OpenPAI Marketplace plugin ${version} (${commit}) */` };

rmSync(bundleDir, { recursive: true, force: true });
mkdirSync(bundleDir, { recursive: true });

await build({
  entryPoints: [join(here, 'loader.ts')],
  outfile: join(publicDir, 'plugin.js'),
  bundle: true, format: 'iife', minify: true, target: 'es2020', define, banner, logLevel: 'warning',
});

const result = await build({
  entryPoints: { 'marketplace-plugin': join(here, 'marketplace-plugin.tsx') },
  outdir: bundleDir,
  bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2020', jsx: 'automatic',
  chunkNames: 'chunk-[hash]', define, banner, metafile: true, logLevel: 'warning',
});

const outputs = result.metafile.outputs;
const gzipped = (file) => gzipSync(readFileSync(join(root, file))).length;
const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
const listFiles = [relative(root, join(publicDir, 'plugin.js')), ...staticClosure(entry)];
const listBytes = listFiles.reduce((sum, file) => sum + gzipped(file), 0);

const report = {
  version, commit, budgetBytes: LIST_BUDGET_BYTES, listViewGzipBytes: listBytes,
  files: Object.fromEntries(Object.keys(outputs).filter((file) => file.endsWith('.js')).map((file) => [relative(publicDir, join(root, file)), gzipped(file)])),
};
writeFileSync(join(publicDir, 'plugin-size.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`plugin: showing the list loads ${(listBytes / 1024).toFixed(1)} KiB gzipped (budget ${LIST_BUDGET_BYTES / 1024} KiB)\n`);
for (const [file, bytes] of Object.entries(report.files)) {
  process.stdout.write(`  ${file}: ${(bytes / 1024).toFixed(1)} KiB gzipped\n`);
}
if (listBytes > LIST_BUDGET_BYTES) {
  process.stderr.write('plugin: over budget; move code the list does not need behind a dynamic import\n');
  process.exit(1);
}

/** The entry and every chunk it imports statically: what must load before the list shows. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const imports = outputs[file].imports.filter((item) => item.kind === 'import-statement').map((item) => item.path);
  return [file, ...imports.flatMap((path) => staticClosure(path, seen))];
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
