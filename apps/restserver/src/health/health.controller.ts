import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import type { ErrorBody, Health } from '@openpai-marketplace/shared-types';

import { Public } from '../auth/public.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { DatabaseReadiness } from '../database/database-readiness';
import { WithoutDatabase } from '../database/database-ready.guard';
import { pendingMigrations } from '../database/run-migrations';

@Public()
@WithoutDatabase()
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readiness: DatabaseReadiness,
  ) {}

  /** Returns the original server's greeting, kept for clients that probe the root. */
  @Get()
  @TextResponse()
  welcome(): string {
    return 'Welcome to marketplace!';
  }

  /** Liveness: the process serves HTTP. Says nothing about the database. */
  @Get('healthz')
  alive(): Health {
    return { status: 'ok' };
  }

  /** Reports readiness: the database responds and every migration is applied. A 503 names the failed check. */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) response: Response): Promise<Health | ErrorBody> {
    const problems: { field: string; message: string }[] = [];

    // Until start-up has connected and migrated, report its progress instead of querying.
    const startup = this.readiness.describe();
    if (startup) {
      problems.push({ field: 'database', message: startup });
    } else {
      await this.checkDatabase(problems);
    }

    if (problems.length === 0) {
      return { status: 'ok', checks: { database: { ok: true }, migrations: { ok: true } } };
    }
    response.status(503);
    return { code: 'not_ready', message: `Not ready: ${problems.map((problem) => problem.message).join('; ')}.`, details: problems };
  }

  private async checkDatabase(problems: { field: string; message: string }[]): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await pendingMigrations(this.dataSource);
      if (pending.length > 0) {
        problems.push({ field: 'migrations', message: `${pending.length} migration(s) not applied yet: ${pending.join(', ')}` });
      }
    } catch (error) {
      problems.push({ field: 'database', message: `the database does not respond: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
