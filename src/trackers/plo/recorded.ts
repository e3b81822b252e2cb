/**
 * The recorded trackers as one service for the web app (`services.recorded`): pre-proceedings cases, care
 * proceedings and practice alerts, sharing "today", the children's allocations in the latest snapshot and
 * the mailer.
 */
import type { Logger } from 'pino';
import type { Db } from '../../store/database.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import type { Config } from '../../config.ts';
import { recordedToday } from '../history.ts';
import { AlertsService } from '../alerts/service.ts';
import { createMailer, type Mailer } from '../alerts/mailer.ts';
import { ProceedingsService } from '../proceedings/service.ts';
import { PloService } from './service.ts';
import { ChildAllocations, type AllocationSource } from './scope.ts';

export interface RecordedTrackersOptions {
  db: Db;
  config: Pick<Config, 'env' | 'baseUrl'>;
  analytics?: AnalyticsStore;
  logger?: Logger;
  /** SMTP_URL: email is sent only when it is set */
  smtpUrl?: string | null;
  /** SMTP_FROM: the sender, e.g. "Oversight <oversight@council.gov.uk>" */
  smtpFrom?: string | null;
  /** overrides (tests) */
  allocations?: AllocationSource;
  today?: () => string;
  mailer?: Mailer;
}

/** The latest snapshot (latest as-at date, newest import among equals), as SnapshotService.latest picks it. */
export async function latestSnapshotId(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('snapshots')
    .select('id')
    .orderBy('as_at', 'desc')
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export class RecordedTrackers {
  readonly plo: PloService;
  readonly proceedings: ProceedingsService;
  readonly alerts: AlertsService;
  readonly allocations: AllocationSource;
  readonly mailer: Mailer;
  readonly today: () => string;

  constructor(options: RecordedTrackersOptions) {
    const { db, config } = options;
    this.today = options.today ?? (() => recordedToday(config));
    this.allocations =
      options.allocations ??
      new ChildAllocations({ analytics: options.analytics, latestSnapshotId: () => latestSnapshotId(db) });
    this.mailer =
      options.mailer ??
      createMailer({ smtpUrl: options.smtpUrl, from: options.smtpFrom, logger: options.logger });
    const deps = { db, allocations: this.allocations, today: this.today };
    this.plo = new PloService(deps);
    this.proceedings = new ProceedingsService({ ...deps, plo: this.plo });
    this.alerts = new AlertsService({
      ...deps,
      mailer: this.mailer,
      baseUrl: config.baseUrl,
      logger: options.logger,
    });
  }
}
