#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and runs the restserver and the web portal.
// Without a database configured, the restserver starts an embedded PostgreSQL itself (data in
// .data/postgres); without IDP_URL it runs the development identity provider. Prints the URLs
// and the dev tokens.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1' };

function runOrExit(label, command, args) {
  process.stdout.write(`==> ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit code ${result.status}); see the output above.\n`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  runOrExit('installing dependencies (first run only)', 'npm', ['install', '--no-audit', '--no-fund']);
}
runOrExit('building', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'restserver', 'webportal', '--outputStyle=static']);

const host = env.HOST || '127.0.0.1';
const port = env.PORT || '9292';
const portalPort = env.SERVER_PORT || '9293';
const apiBase = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const server = spawn(process.execPath, [join(root, 'dist/apps/restserver/main.js')], { cwd: root, env, stdio: 'inherit' });
const portal = spawn(process.execPath, [join(root, 'apps/webportal/server/start.mjs')], {
  cwd: root,
  env: { ...env, SERVER_PORT: portalPort, MARKETPLACE_API_URL: env.MARKETPLACE_API_URL || apiBase },
  stdio: 'inherit',
});
const children = [server, portal];

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
// When either stops, stop the other; exit with the first one's status once both have ended.
let running = children.length;
for (const child of children) {
  child.on('exit', (code) => {
    children.forEach((other) => other !== child && other.exitCode === null && other.kill('SIGTERM'));
    process.exitCode ??= code ?? 0;
    running -= 1;
    if (running === 0) {
      process.exit();
    }
  });
}

// When npm itself is killed, it leaves this script running; notice the new parent and stop too.
const launcher = process.ppid;
setInterval(() => {
  if (process.ppid !== launcher) {
    children.forEach((child) => child.kill('SIGTERM'));
  }
}, 1000).unref();

void announceWhenReady(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`);

async function announceWhenReady(baseUrl) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ready = await fetch(`${baseUrl}/readyz`).then((response) => response.ok, () => false);
    if (!ready) continue;

    const lines = [
      '',
      `Marketplace web portal: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${portalPort}`,
      `Marketplace REST API:   ${baseUrl}   (API docs: ${baseUrl}/api-docs)`,
    ];
    const devUsers = await fetch(`${baseUrl}/auth/dev-users`).then((response) => (response.ok ? response.json() : null), () => null);
    if (devUsers) {
      lines.push('Development users (send "Authorization: Bearer <token>"):');
      for (const user of devUsers) {
        lines.push(`  ${user.username.padEnd(8)} ${user.admin ? 'admin' : 'user '}  groups ${user.groups.join(',').padEnd(20)} token ${user.token}`);
      }
      lines.push(`Try: curl -H "Authorization: Bearer dev-token-admin" ${baseUrl}/items`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
    return;
  }
  process.stderr.write(`The restserver did not become ready at ${baseUrl}/readyz within 120 s; see its log above.\n`);
}
