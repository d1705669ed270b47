import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user of the fake OpenPAI, shaped like OpenPAI's user records. */
export interface FakeOpenPaiUser {
  username: string;
  admin: boolean;
  grouplist: string[];
}

export const FAKE_USERS: FakeOpenPaiUser[] = [
  { username: 'admin', admin: true, grouplist: ['default', 'admingroup'] },
  { username: 'alice', admin: false, grouplist: ['default', 'vision'] },
  { username: 'bob', admin: false, grouplist: ['default', 'nlp'] },
  { username: 'carol', admin: false, grouplist: ['default', 'vision'] },
];

/** Jobs of the fake, in the shape `GET /api/v2/jobs` returns. */
export const FAKE_JOBS = [
  { name: 'alice_resnet_run', username: 'alice', submissionTime: 1796400000000, virtualCluster: 'default' },
  { name: 'bob_bert_run', username: 'bob', submissionTime: 1796400100000, virtualCluster: 'default' },
];

/** The protocol OpenPAI would return as a job's config, in YAML. */
export function jobConfig(name: string): string {
  return [
    'protocolVersion: 2',
    `name: ${name}`,
    'type: job',
    'prerequisites:',
    '  - {name: image, type: dockerimage, uri: pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime}',
    'taskRoles:',
    '  worker:',
    '    instances: 1',
    '    dockerImage: image',
    '    resourcePerInstance: {cpu: 4, memoryMB: 8192, gpu: 1}',
    '    commands:',
    '      - python train.py',
    '',
  ].join('\n');
}

/**
 * A fake of the OpenPAI rest-server endpoints the marketplace calls, on 127.0.0.1, with
 * exactly the documented shapes: `GET /api/v2/tokens/check`, `GET /api/v2/users/{username}`,
 * `GET /api/v2/groups`, `GET /api/v2/jobs?username=` and `GET /api/v2/jobs/{user}~{job}/config`. Tests can slow it down, make it fail and count its calls.
 */
export class FakeOpenPai {
  /** Bearer token of each user: `token-<username>`. */
  readonly tokens: Record<string, string> = Object.fromEntries(FAKE_USERS.map((user) => [user.username, `token-${user.username}`]));
  readonly calls: { path: string; authorization?: string }[] = [];
  delayMs = 0;
  /** When set, every endpoint responds with this status and a plain-text body. */
  failWithStatus?: number;
  private server?: Server;
  private readonly users = new Map(FAKE_USERS.map((user) => [user.username, { ...user }]));

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Changes a user's groups or admin flag, as an OpenPAI admin would. */
  updateUser(username: string, change: Partial<FakeOpenPaiUser>): void {
    Object.assign(this.users.get(username)!, change);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname;
    this.calls.push({ path, authorization: request.headers.authorization });

    // The plugin calls OpenPAI from the browser, so CORS preflights get the response OpenPAI sends.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE' }).end();
      return;
    }

    if (this.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    if (response.destroyed) {
      return;
    }
    if (this.failWithStatus) {
      response.writeHead(this.failWithStatus, { 'Content-Type': 'text/plain' }).end('failure injected by the test');
      return;
    }

    const caller = this.userForToken(request.headers.authorization);
    if (!caller) {
      sendJson(response, 401, { code: 'UnauthorizedUserError', message: 'Guest is not allowed to do this operation.' });
      return;
    }

    if (request.method === 'GET' && path === '/api/v2/tokens/check') {
      sendJson(response, 200, { username: caller.username, admin: caller.admin, application: false });
      return;
    }
    const userMatch = /^\/api\/v2\/users\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && userMatch) {
      const user = this.users.get(decodeURIComponent(userMatch[1]));
      if (!user) {
        sendJson(response, 404, { code: 'NoUserError', message: `User ${userMatch[1]} is not found.` });
        return;
      }
      sendJson(response, 200, { ...user, email: `${user.username}@example.test`, virtualCluster: ['default'] });
      return;
    }
    if (request.method === 'GET' && path === '/api/v2/groups') {
      const groups = [...new Set([...this.users.values()].flatMap((user) => user.grouplist))];
      sendJson(response, 200, groups.map((groupname) => ({ groupname, description: '', externalName: groupname, extension: {} })));
      return;
    }
    if (request.method === 'GET' && path === '/api/v2/jobs') {
      const owner = url.searchParams.get('username');
      sendJson(response, 200, FAKE_JOBS.filter((job) => !owner || job.username === owner).map((job) => ({ ...job, protocolVersion: '2', state: 'SUCCEEDED', retries: 0 })));
      return;
    }
    const configMatch = /^\/api\/v2\/jobs\/([^/~]+)~([^/]+)\/config$/.exec(path);
    if (request.method === 'GET' && configMatch) {
      const job = FAKE_JOBS.find((candidate) => candidate.username === decodeURIComponent(configMatch[1]) && candidate.name === decodeURIComponent(configMatch[2]));
      if (!job) {
        sendJson(response, 404, { code: 'NoJobError', message: `Job ${configMatch[2]} is not found.` });
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(jobConfig(job.name));
      return;
    }
    sendJson(response, 404, { code: 'NotFoundError', message: `${path} not found` });
  }

  private userForToken(header: string | undefined): FakeOpenPaiUser | undefined {
    const token = header?.replace(/^Bearer /, '');
    const username = Object.entries(this.tokens).find(([, candidate]) => candidate === token)?.[0];
    return username ? this.users.get(username) : undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
