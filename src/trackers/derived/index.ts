/** Derived trackers (issue 5): rules over a snapshot listing the children past or near a limit. */
export { DerivedTrackers, emptyCounts } from './service.ts';
export type { CountsPoint, DerivedTrackersDeps, RecomputeResult, TrackerRun } from './service.ts';
export { TRACKER_RULES, trackerRule } from './rules/index.ts';
export { classify, evaluateRule, standardsOf } from './runner.ts';
export type { ComputedEntry, RuleContext } from './runner.ts';
export { RAGS, TRACKER_RULE_IDS, TRACKER_SERVICES, isTrackerRuleId } from './types.ts';
export type {
  Rag,
  RuleCounts,
  TrackerChange,
  TrackerEntry,
  TrackerFilter,
  TrackerRuleDefinition,
  TrackerRuleId,
  TrackerServiceId,
} from './types.ts';
