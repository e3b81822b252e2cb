import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../store/database.ts';
import type { SessionStore } from '../auth/sessions.ts';
import type { OidcClient } from '../auth/oidc.ts';
import type { SnapshotService } from '../snapshots/index.ts';
import type { IndicatorService } from '../indicators/service.ts';
import type { ImportJobs } from './routes/snapshots/import-jobs.ts';
import type { WorkforceService } from '../workforce/service.ts';
import type { RecordedTrackers } from '../trackers/plo/recorded.ts';
import type { DerivedTrackers } from '../trackers/derived/index.ts';

/** What the web app is built from: plain objects passed in, so tests can build their own. */
export interface Services {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  sessions: SessionStore;
  logger: Logger;
  oidc: OidcClient | null;
  /** Reports the analytics store's state for /health; absent until it is opened. */
  analyticsHealth?: () => Promise<'ok' | 'unavailable'>;
  /** Annex A snapshots (absent when the analytics store is not open). */
  snapshots?: SnapshotService;
  /** Background imports started from the web. */
  imports?: ImportJobs;
  /** Indicator results, trends and drill-downs (absent when the analytics store is not open). */
  indicators?: IndicatorService;
  /** Caseloads and workforce figures (absent when the analytics store is not open). */
  workforce?: WorkforceService;
  /** Recorded trackers: pre-proceedings, care proceedings, practice alerts. */
  recorded?: RecordedTrackers;
  /** Derived trackers: drift and delay lists computed from each snapshot. */
  trackers?: DerivedTrackers;
}
