import { Injectable } from '@nestjs/common';

/** Progress of start-up with the database. */
export type DatabaseStartupState =
  | { readonly phase: 'connecting'; readonly attempts: number }
  | {
      readonly phase: 'waiting';
      readonly attempts: number;
      /** Failure of the last attempt, such as "database unreachable: connect ECONNREFUSED 127.0.0.1:5432". */
      readonly reason: string;
      readonly nextAttemptAt: number;
    }
  | { readonly phase: 'preparing'; readonly attempts: number }
  | { readonly phase: 'ready' };

/**
 * The database start-up state shared by the start-up loop, /readyz and the guard that answers
 * API requests with 503 until the database is connected and migrated. Once ready, it stays
 * ready: a later outage shows in /readyz's own query and in each request's database error.
 */
@Injectable()
export class DatabaseReadiness {
  private current: DatabaseStartupState = { phase: 'connecting', attempts: 0 };

  get state(): DatabaseStartupState {
    return this.current;
  }

  get isReady(): boolean {
    return this.current.phase === 'ready';
  }

  attemptStarted(attempt: number): void {
    this.current = { phase: 'connecting', attempts: attempt };
  }

  connected(attempt: number): void {
    this.current = { phase: 'preparing', attempts: attempt };
  }

  attemptFailed(attempt: number, reason: string, nextDelayMs: number): void {
    this.current = { phase: 'waiting', attempts: attempt, reason, nextAttemptAt: Date.now() + nextDelayMs };
  }

  ready(): void {
    this.current = { phase: 'ready' };
  }

  /** Seconds until the next connection attempt, for a Retry-After header; at least 1. */
  secondsUntilNextAttempt(): number {
    const state = this.current;
    return state.phase === 'waiting' ? Math.max(1, Math.ceil((state.nextAttemptAt - Date.now()) / 1000)) : 1;
  }

  /** Returns why the server is not ready yet, for /readyz and the log, or undefined once it is. */
  describe(): string | undefined {
    const state = this.current;
    if (state.phase === 'waiting') {
      return `${state.reason} (${this.progress()})`;
    }
    return state.phase === 'ready' ? undefined : this.progress();
  }

  /** Returns the start-up step and attempt count, without the driver's message, for API clients. */
  progress(): string {
    const state = this.current;
    switch (state.phase) {
      case 'ready':
        return 'ready';
      case 'connecting':
        return `connecting to the database (attempt ${Math.max(1, state.attempts)})`;
      case 'preparing':
        return 'connected to the database; applying migrations';
      case 'waiting': {
        const seconds = Math.max(0, Math.ceil((state.nextAttemptAt - Date.now()) / 1000));
        return `attempt ${state.attempts} failed; next attempt in ${seconds} s`;
      }
    }
  }
}
