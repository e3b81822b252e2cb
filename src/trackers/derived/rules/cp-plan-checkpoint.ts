/**
 * The child protection plan checkpoints (9, 12, 15, 18 months and 2 years). One open plan per child is taken
 * (the earliest started, so the longest running), and the child is listed under the HIGHEST checkpoint that
 * plan has reached: a plan reaches the n-month checkpoint on the day start + n calendar months (that day
 * itself included; month ends clamp: 31 May + 9 months = 28/29 February).
 */
import { A, OPEN_CP_PLAN, TEAM_WORKER, plusMonths } from './sql.ts';

/**
 * Plans whose highest checkpoint reached is `months`: start + months ≤ A < start + next (no upper bound for
 * the last). With `approaching`, plans below the checkpoint are returned too (the runner keeps those within
 * the window, as green).
 */
export function checkpointSql(months: number, next: number | null, approaching = false): string {
  const reached = `${plusMonths('cp_start_date', months)} <= ${A}`;
  const below = next === null ? null : `${plusMonths('cp_start_date', next)} > ${A}`;
  const where = [approaching ? null : reached, below].filter(Boolean).join(' AND ') || 'true';
  return `
WITH plan AS (
  SELECT child_id, cp_start_date, allocated_team, allocated_worker
  FROM annex_a_list_7
  WHERE snapshot_id = $snapshot AND ${OPEN_CP_PLAN}
  QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY cp_start_date, source_file, source_row) = 1
)
SELECT child_id, ${plusMonths('cp_start_date', months)} AS limit_date, ${TEAM_WORKER},
       cp_start_date AS plan_start
FROM plan
WHERE ${where}`;
}

export const CHECKPOINT_DETAIL = { plan_start: 'Plan started' } as const;
