/** Annex A snapshots across the analytics and operational stores. */
export { AS_AT_INFERRED_CODE, SnapshotService } from './service.ts';
export type {
  ImportOptions,
  ImportOutcome,
  SnapshotListener,
  SnapshotServiceDeps,
  SnapshotSummary,
  StoredIssue,
} from './service.ts';
export { loadDemoCouncil } from './demo.ts';
