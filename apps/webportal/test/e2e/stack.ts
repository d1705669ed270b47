import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// NOTE: the fake OpenPAI lives with the restserver's tests; a shared test-support library would
// remove this cross-project import.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FakeOpenPai } from '../../../restserver/test/fake-openpai';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../restserver/test/free-port';

const ROOT = resolve(__dirname, '../../../..');

/** Host page styles as aggressive as a real portal's, to prove the plugin's isolation. */
const HOST_CSS = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; } div { border: 3px dotted lime; } button { display: none; }`;

/**
 * The whole stack on 127.0.0.1, as OpenPAI runs it: the built restserver (embedded PostgreSQL,
 * official examples seeded, identity from a fake OpenPAI), the built web portal, and a host
 * server that plays OpenPAI's web portal and proxy. Like pylon, it routes `/marketplace/api/*`
 * to the restserver and `/marketplace/*` to the web portal, so everything is one origin.
 */
export class Stack {
  readonly openPai = new FakeOpenPai();

  /**
   * With `developmentIdentity`, the restserver runs its development users instead of asking the
   * fake OpenPAI, and the portal calls it directly, as `npm start` and compose set them up.
   */
  constructor(private readonly options: { developmentIdentity?: boolean } = {}) {}

  private readonly children: ChildProcess[] = [];
  private readonly output: string[] = [];
  private host?: Server;
  private dataRoot = '';
  private apiPort = 0;
  private portalPort = 0;

  get url(): string {
    return `http://127.0.0.1:${(this.host!.address() as AddressInfo).port}`;
  }

  get portalUrl(): string {
    return `http://127.0.0.1:${this.portalPort}`;
  }

  async start(): Promise<void> {
    await this.openPai.start();
    this.dataRoot = mkdtempSync(join(tmpdir(), 'marketplace-browser-'));
    chmodSync(this.dataRoot, 0o755);
    this.apiPort = await freePort();
    this.portalPort = await freePort();

    this.spawn(join(ROOT, 'dist/apps/restserver/main.js'), {
      PORT: String(this.apiPort),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DIR: join(this.dataRoot, 'postgres'),
      ...(this.options.developmentIdentity ? {} : { IDP_URL: this.openPai.url }),
      LOG_LEVEL: 'warn',
    });
    this.spawn(join(ROOT, 'apps/webportal/server/start.mjs'), {
      SERVER_PORT: String(this.portalPort),
      ...(this.options.developmentIdentity ? { MARKETPLACE_API_URL: `http://127.0.0.1:${this.apiPort}` } : {}),
    });

    this.host = createServer((request, response) => void this.route(request, response));
    await new Promise<void>((done) => this.host!.listen(0, '127.0.0.1', done));
    await waitFor(`http://127.0.0.1:${this.apiPort}/readyz`, this.output);
    await waitFor(`${this.portalUrl}/healthz`, this.output);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    this.host?.close();
    await this.openPai.stop();
    rmSync(this.dataRoot, { recursive: true, force: true });
  }

  private spawn(script: string, environment: Record<string, string>): void {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...environment } as unknown as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.children.push(child);
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    if (path.startsWith('/marketplace/api/')) {
      return proxy(request, response, `http://127.0.0.1:${this.apiPort}${path.slice('/marketplace/api'.length)}`);
    }
    if (path.startsWith('/marketplace/')) {
      // Like pylon, the query string is dropped for the web portal's files.
      return proxy(request, response, `${this.portalUrl}${path.slice('/marketplace'.length).split('?')[0]}`);
    }
    const pages: Record<string, string> = {
      '/plugin.html': this.pluginPage(new URL(path, 'http://host').searchParams.get('user') ?? 'alice'),
      '/submit.html': '<!doctype html><title>Submit job</title><h1>Submit job</h1><pre id="handed-over"></pre><script>document.getElementById("handed-over").textContent = localStorage.getItem("marketItem");</script>',
      '/login.html': '<!doctype html><title>Sign in</title><h1>Sign in to OpenPAI</h1>',
    };
    const page = pages[path.split('?')[0]];
    response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page ?? 'not found');
  }

  /** Builds a page that loads the plugin as OpenPAI's plugin page does, signed in as `user`. */
  private pluginPage(user: string): string {
    const token = user === 'anonymous' ? '' : this.openPai.tokens[user];
    return `<!doctype html><html><head><title>OpenPAI</title><style>${HOST_CSS}</style></head>
<body><nav>OpenPAI sidebar</nav><div id="content-wrapper"></div>
<script src="/marketplace/plugin.js"></script>
<script>
  const plugin = document.createElement('pai-plugin');
  plugin.setAttribute('pai-rest-server-uri', '${this.openPai.url}');
  plugin.setAttribute('pai-version', '1.8.0');
  plugin.setAttribute('pai-user', '${token ? user : ''}');
  plugin.setAttribute('pai-rest-server-token', '${token}');
  document.getElementById('content-wrapper').appendChild(plugin);
</script></body></html>`;
  }
}

async function proxy(request: IncomingMessage, response: ServerResponse, target: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
  const upstream = await fetch(target, { method: request.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
  const body = Buffer.from(await upstream.arrayBuffer());
  const passed = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
  response.writeHead(upstream.status, passed).end(body);
}

async function waitFor(url: string, output: string[], timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms:\n${output.join('')}`);
}
