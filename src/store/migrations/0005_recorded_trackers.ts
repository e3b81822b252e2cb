/**
 * Recorded trackers (issue 5): pre-proceedings (Public Law Outline) cases, care proceedings with their
 * hearings, and practice alerts with their escalation stages. Each kind of item has its own history table
 * (who changed which field, from what, to what, when). Nothing is deleted: items are closed with a reason,
 * and triggers refuse DELETE on the items and any change to a history row.
 */
export const sql = `
CREATE TABLE plo_cases (
  id serial PRIMARY KEY,
  child_ids jsonb NOT NULL CHECK (jsonb_typeof(child_ids) = 'array' AND jsonb_array_length(child_ids) BETWEEN 1 AND 20),
  team text,
  worker_user_id integer REFERENCES users(id),
  legal_planning_date text CHECK (legal_planning_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  legal_planning_outcome text CHECK (legal_planning_outcome IN ('enter_pre_proceedings', 'issue_proceedings', 'threshold_not_met', 'further_information')),
  lbp_sent_date text CHECK (lbp_sent_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  pp_start_date text CHECK (pp_start_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  initial_pp_meeting_date text CHECK (initial_pp_meeting_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  review_meeting_dates jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(review_meeting_dates) = 'array'),
  fgdm_offered boolean,
  fgdm_held boolean,
  parents_legal_rep text CHECK (parents_legal_rep IN ('all', 'some', 'none', 'not_known')),
  recall_meeting_date text CHECK (recall_meeting_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  outcome text CHECK (outcome IN ('step_down', 'continue', 'issue_proceedings')),
  step_decision_date text CHECK (step_decision_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  court_app_date text CHECK (court_app_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_date text CHECK (closed_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  closed_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id integer REFERENCES users(id),
  created_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR (closed_reason IS NOT NULL AND closed_date IS NOT NULL))
);
CREATE INDEX plo_cases_child_ids_idx ON plo_cases USING gin (child_ids);
CREATE INDEX plo_cases_status_idx ON plo_cases (status);

CREATE TABLE care_proceedings (
  id serial PRIMARY KEY,
  child_ids jsonb NOT NULL CHECK (jsonb_typeof(child_ids) = 'array' AND jsonb_array_length(child_ids) BETWEEN 1 AND 20),
  team text,
  worker_user_id integer REFERENCES users(id),
  plo_case_id integer REFERENCES plo_cases(id),
  issue_date text NOT NULL CHECK (issue_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  court text,
  case_number text,
  extension_reasons text,
  final_order text CHECK (final_order IN ('care_order', 'supervision_order', 'special_guardianship_order', 'placement_order', 'child_arrangements_order', 'no_order', 'withdrawn', 'other')),
  final_order_date text CHECK (final_order_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_date text CHECK (closed_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  closed_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id integer REFERENCES users(id),
  created_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR (closed_reason IS NOT NULL AND closed_date IS NOT NULL)),
  CHECK ((final_order IS NULL) = (final_order_date IS NULL))
);
CREATE INDEX care_proceedings_child_ids_idx ON care_proceedings USING gin (child_ids);
CREATE UNIQUE INDEX care_proceedings_plo_idx ON care_proceedings (plo_case_id) WHERE plo_case_id IS NOT NULL;

CREATE TABLE care_proceedings_hearings (
  id serial PRIMARY KEY,
  proceedings_id integer NOT NULL REFERENCES care_proceedings(id),
  hearing_date text NOT NULL CHECK (hearing_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  hearing_type text NOT NULL CHECK (hearing_type IN ('case_management', 'further_case_management', 'interim', 'issues_resolution', 'final', 'other')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id integer REFERENCES users(id),
  created_by text
);
CREATE INDEX care_proceedings_hearings_idx ON care_proceedings_hearings (proceedings_id, hearing_date);

CREATE TABLE practice_alerts (
  id serial PRIMARY KEY,
  child_id text NOT NULL CHECK (length(child_id) BETWEEN 1 AND 64),
  category text NOT NULL CHECK (category IN ('plan_not_progressed', 'visits', 'assessment', 'placement', 'permanence', 'other')),
  description text NOT NULL CHECK (length(description) > 0),
  expected_resolution_date text NOT NULL CHECK (expected_resolution_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  worker_user_id integer NOT NULL REFERENCES users(id),
  manager_user_id integer NOT NULL REFERENCES users(id),
  team text,
  raised_by_user_id integer NOT NULL REFERENCES users(id),
  raised_date text NOT NULL CHECK (raised_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  stage smallint NOT NULL DEFAULT 0 CHECK (stage >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'closed')),
  resolved_date text CHECK (resolved_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  resolution_outcome text,
  closed_date text CHECK (closed_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  closed_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'resolved' OR (resolved_date IS NOT NULL AND resolution_outcome IS NOT NULL)),
  CHECK (status <> 'closed' OR (closed_date IS NOT NULL AND closed_reason IS NOT NULL))
);
CREATE INDEX practice_alerts_child_idx ON practice_alerts (child_id);
CREATE INDEX practice_alerts_open_idx ON practice_alerts (status, expected_resolution_date);

CREATE TABLE practice_alert_stages (
  id serial PRIMARY KEY,
  alert_id integer NOT NULL REFERENCES practice_alerts(id),
  stage smallint NOT NULL CHECK (stage >= 0),
  stage_name text NOT NULL,
  stage_date text NOT NULL CHECK (stage_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  note text,
  escalated_to_user_id integer REFERENCES users(id),
  recorded_by_user_id integer REFERENCES users(id),
  response text,
  response_date text CHECK (response_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  responded_by_user_id integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (alert_id, stage)
);

CREATE TABLE plo_case_history (
  id bigserial PRIMARY KEY,
  item_id integer NOT NULL REFERENCES plo_cases(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_email text,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  note text
);
CREATE INDEX plo_case_history_item_idx ON plo_case_history (item_id, id);

CREATE TABLE care_proceedings_history (
  id bigserial PRIMARY KEY,
  item_id integer NOT NULL REFERENCES care_proceedings(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_email text,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  note text
);
CREATE INDEX care_proceedings_history_item_idx ON care_proceedings_history (item_id, id);

CREATE TABLE practice_alert_history (
  id bigserial PRIMARY KEY,
  item_id integer NOT NULL REFERENCES practice_alerts(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_email text,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  note text
);
CREATE INDEX practice_alert_history_item_idx ON practice_alert_history (item_id, id);

-- Nothing recorded is deleted: items are closed with a reason; history rows are never changed.
CREATE FUNCTION recorded_item_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted: close the item with a reason instead', TG_TABLE_NAME;
END;
$$;
CREATE FUNCTION recorded_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER plo_cases_no_delete BEFORE DELETE ON plo_cases
  FOR EACH ROW EXECUTE FUNCTION recorded_item_no_delete();
CREATE TRIGGER care_proceedings_no_delete BEFORE DELETE ON care_proceedings
  FOR EACH ROW EXECUTE FUNCTION recorded_item_no_delete();
CREATE TRIGGER care_proceedings_hearings_no_delete BEFORE DELETE ON care_proceedings_hearings
  FOR EACH ROW EXECUTE FUNCTION recorded_item_no_delete();
CREATE TRIGGER practice_alerts_no_delete BEFORE DELETE ON practice_alerts
  FOR EACH ROW EXECUTE FUNCTION recorded_item_no_delete();
CREATE TRIGGER practice_alert_stages_no_delete BEFORE DELETE ON practice_alert_stages
  FOR EACH ROW EXECUTE FUNCTION recorded_item_no_delete();
CREATE TRIGGER plo_case_history_append_only BEFORE UPDATE OR DELETE ON plo_case_history
  FOR EACH ROW EXECUTE FUNCTION recorded_history_append_only();
CREATE TRIGGER care_proceedings_history_append_only BEFORE UPDATE OR DELETE ON care_proceedings_history
  FOR EACH ROW EXECUTE FUNCTION recorded_history_append_only();
CREATE TRIGGER practice_alert_history_append_only BEFORE UPDATE OR DELETE ON practice_alert_history
  FOR EACH ROW EXECUTE FUNCTION recorded_history_append_only();
`;
