/** The derived tracker rules, in the order pages and exports list them. */
import { TRACKER_RULE_IDS } from '../types.ts';
import type { TrackerRuleDefinition, TrackerRuleId } from '../types.ts';
import { assessmentOver45wd } from './assessment-over-45wd.ts';
import { careleaverNotInTouch } from './careleaver-not-in-touch.ts';
import { careleaverPathwayOverdue } from './careleaver-pathway-overdue.ts';
import { careleaverUnsuitableAccommodation } from './careleaver-unsuitable-accommodation.ts';
import { cinNotSeen } from './cin-not-seen.ts';
import { cla3plusPlacements } from './cla-3plus-placements.ts';
import { claDentalOverdue } from './cla-dental-overdue.ts';
import { claHealthOverdue } from './cla-health-overdue.ts';
import { claMissingNoRhi } from './cla-missing-no-rhi.ts';
import { claReviewOverdue } from './cla-review-overdue.ts';
import { claVisitOverdue } from './cla-visit-overdue.ts';
import { cpPlan12m } from './cp-plan-12m.ts';
import { cpPlan15m } from './cp-plan-15m.ts';
import { cpPlan18m } from './cp-plan-18m.ts';
import { cpPlan2y } from './cp-plan-2y.ts';
import { cpPlan9m } from './cp-plan-9m.ts';
import { cpReviewOverdue } from './cp-review-overdue.ts';
import { cpVisitOverdue } from './cp-visit-overdue.ts';
import { s47NoIcpc15wd } from './s47-no-icpc-15wd.ts';
import { unallocated } from './unallocated.ts';

const RULES: Record<TrackerRuleId, TrackerRuleDefinition> = {
  cp_plan_9m: cpPlan9m,
  cp_plan_12m: cpPlan12m,
  cp_plan_15m: cpPlan15m,
  cp_plan_18m: cpPlan18m,
  cp_plan_2y: cpPlan2y,
  cp_visit_overdue: cpVisitOverdue,
  cp_review_overdue: cpReviewOverdue,
  assessment_over_45wd: assessmentOver45wd,
  s47_no_icpc_15wd: s47NoIcpc15wd,
  cin_not_seen: cinNotSeen,
  cla_visit_overdue: claVisitOverdue,
  cla_review_overdue: claReviewOverdue,
  cla_health_overdue: claHealthOverdue,
  cla_dental_overdue: claDentalOverdue,
  cla_3plus_placements: cla3plusPlacements,
  cla_missing_no_rhi: claMissingNoRhi,
  careleaver_pathway_overdue: careleaverPathwayOverdue,
  careleaver_not_in_touch: careleaverNotInTouch,
  careleaver_unsuitable_accommodation: careleaverUnsuitableAccommodation,
  unallocated,
};

/** Every rule, in catalogue order (the order of TRACKER_RULE_IDS). */
export const TRACKER_RULES: readonly TrackerRuleDefinition[] = TRACKER_RULE_IDS.map((id) => RULES[id]);

export function trackerRule(id: TrackerRuleId): TrackerRuleDefinition {
  return RULES[id];
}
