import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { freePort } from '../free-port';
import { scratchDirectory } from './server-process';

const POSTGRES_PROCESS = resolve(__dirname, 'postgres-process.mjs');

/** Longest wait for initdb and PostgreSQL's start on a loaded machine. */
const START_TIMEOUT_MS = 90_000;

/**
 * A PostgreSQL server of one spec's own, on a 127.0.0.1 port reserved for it, that the spec can
 * stop and start again on the same port and data. Until the first start() nothing listens on
 * the port, which is how a spec shows the server starting before its database.
 */
export class TestPostgres {
  readonly password = `pw-${randomBytes(9).toString('hex')}`;
  private running?: { child: ChildProcess; exited: Promise<void> };

  private constructor(
    readonly port: number,
    private readonly root: string,
  ) {}

  static async reserve(): Promise<TestPostgres> {
    return new TestPostgres(await freePort(), scratchDirectory());
  }

  /** The restserver's variables for this database: the server's own `postgres` database, user `marketplace`. */
  get environment(): Record<string, string> {
    return { DB_HOST: '127.0.0.1', DB_PORT: String(this.port), DB_USERNAME: 'marketplace', DB_PASSWORD: this.password, DATABASE: 'postgres' };
  }

  /** Starts PostgreSQL (initialising the data directory the first time) and resolves once it accepts connections. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [POSTGRES_PROCESS], {
      env: { ...process.env, PG_DATA_DIR: join(this.root, 'data'), PG_PORT: String(this.port), PG_USER: 'marketplace', PG_PASSWORD: this.password },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    this.running = { child, exited };

    const output: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms:\n${output.join('')}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolveStart();
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited during start-up:\n${output.join('')}`));
      });
    });
  }

  /** Stops PostgreSQL with a fast shutdown, which ends every open session, and waits until it has exited. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running || running.child.exitCode !== null) {
      return;
    }
    running.child.kill('SIGTERM');
    const timer = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
    await running.exited;
    clearTimeout(timer);
  }

  /** Stops PostgreSQL and deletes its data. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.root, { recursive: true, force: true });
  }
}
