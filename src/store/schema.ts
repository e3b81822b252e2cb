import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  access_expires_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  created_at: Generated<Date>;
}

export interface UserTeamsTable {
  user_id: number;
  team_id: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number | null;
  csrf_token: string;
  data: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
  signed_in_at: Date | null;
  last_seen_at: Timestamp;
}

export interface SigninThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface AccessLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  user_id: number | null;
  user_email: string | null;
  action: string;
  what: string;
  subject_type: string;
  subject_id: string | null;
  correlation_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface ChangeLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: number | null;
  actor_email: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: Generated<Date>;
}

export interface SnapshotsTable {
  id: string;
  council: string;
  as_at: string;
  period_start: string;
  period_end: string;
  as_at_inferred: boolean;
  lists: JSONColumnType<Record<string, { rowsRead: number; rowsAccepted: number }>>;
  issue_counts: JSONColumnType<{ error: number; warning: number; query: number }>;
  imported_by_user_id: number | null;
  imported_by: string | null;
  imported_at: Generated<Date>;
  replaces: string | null;
}

export interface SnapshotSourcesTable {
  snapshot_id: string;
  position: number;
  name: string;
  sha256: string;
  bytes: ColumnType<number, number, number>;
}

export interface SnapshotIssuesTable {
  snapshot_id: string;
  seq: number;
  code: string;
  severity: string;
  list: number | null;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface SnapshotUnrecognisedTable {
  snapshot_id: string;
  list: number;
  column: string;
  code_set: string;
  value: string;
  count: number;
}

export interface CodeMappingsTable {
  code_set: string;
  value: string;
  code: string;
  created_by_user_id: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface BenchmarkSourcesTable {
  file: string;
  kind: string;
  sha256: string;
  bytes: ColumnType<number, number, number>;
  rows_read: number;
  values_stored: number;
  years: JSONColumnType<number[]>;
  shipped: Generated<boolean>;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface BenchmarkValuesTable {
  measure: string;
  time_period: number;
  geographic_level: 'national' | 'regional' | 'la';
  region_code: string | null;
  region_name: string | null;
  old_la_code: string | null;
  new_la_code: string | null;
  la_name: string | null;
  value: number | null;
  symbol: string | null;
  source: string;
}

export interface StatisticalNeighboursTable {
  model: '2025' | '2021';
  old_la_code: string;
  la_name: string;
  rank: number;
  neighbour_old_code: string;
  closeness: string | null;
  source: string;
}

export interface BenchmarkLasTable {
  new_la_code: string;
  old_la_code: string;
  la_name: string;
  region_code: string | null;
  region_name: string | null;
  first_year: number;
  last_year: number;
  value_rows: number;
}

export interface IndicatorResultsTable {
  snapshot_id: string;
  indicator_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  period_start: string;
  period_end: string;
  as_at: string;
  standards: JSONColumnType<Record<string, number>>;
  population: JSONColumnType<{ value: number; year: number | null; source: string } | null>;
  breakdowns: JSONColumnType<
    {
      dimension: string;
      key: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  >;
  computed_at: Generated<Date>;
}

/** Recorded trackers (migration 0005): dates are ISO 'YYYY-MM-DD' text. */
export interface PloCasesTable {
  id: Generated<number>;
  child_ids: JSONColumnType<string[]>;
  team: string | null;
  worker_user_id: number | null;
  legal_planning_date: string | null;
  legal_planning_outcome: string | null;
  lbp_sent_date: string | null;
  pp_start_date: string | null;
  initial_pp_meeting_date: string | null;
  review_meeting_dates: JSONColumnType<string[], string | undefined, string>;
  fgdm_offered: boolean | null;
  fgdm_held: boolean | null;
  parents_legal_rep: string | null;
  recall_meeting_date: string | null;
  outcome: string | null;
  step_decision_date: string | null;
  court_app_date: string | null;
  status: Generated<string>;
  closed_date: string | null;
  closed_reason: string | null;
  created_at: Generated<Date>;
  created_by_user_id: number | null;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface CareProceedingsTable {
  id: Generated<number>;
  child_ids: JSONColumnType<string[]>;
  team: string | null;
  worker_user_id: number | null;
  plo_case_id: number | null;
  issue_date: string;
  court: string | null;
  case_number: string | null;
  extension_reasons: string | null;
  final_order: string | null;
  final_order_date: string | null;
  status: Generated<string>;
  closed_date: string | null;
  closed_reason: string | null;
  created_at: Generated<Date>;
  created_by_user_id: number | null;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface CareProceedingsHearingsTable {
  id: Generated<number>;
  proceedings_id: number;
  hearing_date: string;
  hearing_type: string;
  note: string | null;
  created_at: Generated<Date>;
  created_by_user_id: number | null;
  created_by: string | null;
}

export interface PracticeAlertsTable {
  id: Generated<number>;
  child_id: string;
  category: string;
  description: string;
  expected_resolution_date: string;
  worker_user_id: number;
  manager_user_id: number;
  team: string | null;
  raised_by_user_id: number;
  raised_date: string;
  stage: Generated<number>;
  status: Generated<string>;
  resolved_date: string | null;
  resolution_outcome: string | null;
  closed_date: string | null;
  closed_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PracticeAlertStagesTable {
  id: Generated<number>;
  alert_id: number;
  stage: number;
  stage_name: string;
  stage_date: string;
  note: string | null;
  escalated_to_user_id: number | null;
  recorded_by_user_id: number | null;
  response: string | null;
  response_date: string | null;
  responded_by_user_id: number | null;
  created_at: Generated<Date>;
}

export interface RecordedHistoryTable {
  id: Generated<string>;
  item_id: number;
  at: Generated<Date>;
  actor_user_id: number | null;
  actor_email: string | null;
  action: string;
  changes: JSONColumnType<{ field: string; before: unknown; after: unknown }[]>;
  note: string | null;
}

/** Workforce figures per financial quarter (migration 0007). */
export interface WorkforceQuartersTable {
  quarter: string;
  sort_key: number;
  agency_rate: number | null;
  turnover_rate: number | null;
  vacancy_rate: number | null;
  absence_rate: number | null;
  headcount: number | null;
  fte: number | null;
  source: 'form' | 'import';
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: number | null;
  updated_by_email: string | null;
}

export interface TrackerRunsTable {
  snapshot_id: string;
  computed_at: Generated<Date>;
  previous_snapshot_id: string | null;
  settings: JSONColumnType<Record<string, number>>;
  entry_count: number;
  duration_ms: number;
}

export interface TrackerEntriesTable {
  snapshot_id: string;
  rule: string;
  child_id: string;
  limit_date: string | null;
  days_over: number | null;
  rag: string;
  team: string | null;
  worker: string | null;
  detail: JSONColumnType<Record<string, unknown>>;
}

export interface TrackerChangesTable {
  snapshot_id: string;
  previous_snapshot_id: string;
  rule: string;
  child_id: string;
  change: string;
  team: string | null;
  worker: string | null;
}

export interface Schema {
  users: UsersTable;
  user_roles: UserRolesTable;
  teams: TeamsTable;
  user_teams: UserTeamsTable;
  sessions: SessionsTable;
  signin_throttle: SigninThrottleTable;
  setup_tokens: SetupTokensTable;
  access_log: AccessLogTable;
  change_log: ChangeLogTable;
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
  snapshots: SnapshotsTable;
  snapshot_sources: SnapshotSourcesTable;
  snapshot_issues: SnapshotIssuesTable;
  snapshot_unrecognised: SnapshotUnrecognisedTable;
  code_mappings: CodeMappingsTable;
  indicator_results: IndicatorResultsTable;
  benchmark_sources: BenchmarkSourcesTable;
  benchmark_values: BenchmarkValuesTable;
  statistical_neighbours: StatisticalNeighboursTable;
  benchmark_las: BenchmarkLasTable;
  plo_cases: PloCasesTable;
  plo_case_history: RecordedHistoryTable;
  care_proceedings: CareProceedingsTable;
  care_proceedings_hearings: CareProceedingsHearingsTable;
  care_proceedings_history: RecordedHistoryTable;
  practice_alerts: PracticeAlertsTable;
  practice_alert_stages: PracticeAlertStagesTable;
  practice_alert_history: RecordedHistoryTable;
  workforce_quarters: WorkforceQuartersTable;
  tracker_runs: TrackerRunsTable;
  tracker_entries: TrackerEntriesTable;
  tracker_changes: TrackerChangesTable;
}
