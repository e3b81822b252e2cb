import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { SnapshotService, ImportOutcome } from '../../../snapshots/index.ts';
import type { InputFile } from '../../../ingest/annex-a/index.ts';
import type { Actor } from '../../../store/change-log.ts';

/**
 * Imports started from the web run in the background, one at a time, so a large workbook does not
 * hold a request open; the status page shows the stage and rows read so far.
 */
export interface ImportJob {
  id: string;
  userId: number;
  startedAt: Date;
  files: string[];
  stage: string;
  rows: number;
  outcome: ImportOutcome | null;
  error: string | null;
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly service: SnapshotService,
    private readonly logger: Logger,
  ) {}

  start(
    files: InputFile[],
    options: { asAt?: string; periodStart?: string; actor: Actor; userId: number; cleanup: string },
  ): ImportJob {
    const job: ImportJob = {
      id: randomUUID(),
      userId: options.userId,
      startedAt: new Date(),
      files: files.map((f) => f.name),
      stage: 'waiting',
      rows: 0,
      outcome: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.queue = this.queue.then(async () => {
      job.stage = 'reading';
      try {
        job.outcome = await this.service.importFiles(files, {
          asAt: options.asAt,
          periodStart: options.periodStart,
          actor: options.actor,
          onProgress: (p) => {
            job.stage = p.stage;
            job.rows = p.rows;
          },
        });
        job.stage = 'done';
      } catch (error) {
        this.logger.error({ err: error, job: job.id }, 'import failed');
        job.error =
          'The import failed unexpectedly. Nothing was stored. Try again, or report it with the time it happened.';
        job.stage = 'failed';
      } finally {
        fs.rmSync(options.cleanup, { recursive: true, force: true });
      }
    });
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Waits for every queued import (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }
}
