import { sql as foundation } from './0001_foundation.ts';
import { sql as snapshots } from './0002_snapshots.ts';
import { sql as benchmarks } from './0003_benchmarks.ts';
import { sql as trackerEntries } from './0004_tracker_entries.ts';
import { sql as recordedTrackers } from './0005_recorded_trackers.ts';
import { sql as indicatorResults } from './0006_indicator_results.ts';
import { sql as workforce } from './0007_workforce.ts';

/** Ordered, forward-only migrations. Never edit one that has shipped: add the next. */
export const migrations: readonly { id: string; sql: string }[] = [
  { id: '0001_foundation', sql: foundation },
  { id: '0002_snapshots', sql: snapshots },
  { id: '0003_benchmarks', sql: benchmarks },
  { id: '0004_tracker_entries', sql: trackerEntries },
  { id: '0005_recorded_trackers', sql: recordedTrackers },
  { id: '0006_indicator_results', sql: indicatorResults },
  { id: '0007_workforce', sql: workforce },
];
