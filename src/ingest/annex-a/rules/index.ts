import { adopterStageEndsBeforeStart } from './adopter-stage-ends-before-start.ts';
import { adoptionDatesOrder } from './adoption-dates-order.ts';
import { assessmentAuthorisedBeforeStart } from './assessment-authorised-before-start.ts';
import { careLeaverAge } from './care-leaver-age.ts';
import { ceasedWithoutReason } from './ceased-without-reason.ts';
import { childDetailsDiffer } from './child-details-differ.ts';
import { cinClosedBeforeStart } from './cin-closed-before-start.ts';
import { claCeasedBeforeStart } from './cla-ceased-before-start.ts';
import { codeUnrecognised } from './code-unrecognised.ts';
import { cpEndedBeforeStart } from './cp-ended-before-start.ts';
import { cpPlanWithoutIcpc } from './cp-plan-without-icpc.ts';
import { dateAfterAsAt } from './date-after-as-at.ts';
import { dateUnreadable } from './date-unreadable.ts';
import { dobAfterEvent } from './dob-after-event.ts';
import { duplicateId } from './duplicate-id.ts';
import { earlyHelpEndsBeforeStart } from './early-help-ends-before-start.ts';
import { formulaNoValue } from './formula-no-value.ts';
import { icpcBeforeStrategy } from './icpc-before-strategy.ts';
import { keyDateUnreadable } from './key-date-unreadable.ts';
import { missingId } from './missing-id.ts';
import { missingKeyDate } from './missing-key-date.ts';
import { numberUnreadable } from './number-unreadable.ts';
import { yesNoUnrecognised } from './yesno-unrecognised.ts';
import type { Rule } from './rule.ts';
import type { ListNumber } from '../spec.ts';
import type { Severity } from '../types.ts';

export type { Rule, RuleEnv, RuleHit, RuleInstance, RowInput, SourceRef, ParseFailure } from './rule.ts';

/** Every row and cross-row rule, in the order they run. */
export const RULES: readonly Rule[] = [
  missingId,
  missingKeyDate,
  keyDateUnreadable,
  dateUnreadable,
  numberUnreadable,
  codeUnrecognised,
  yesNoUnrecognised,
  formulaNoValue,
  dateAfterAsAt,
  dobAfterEvent,
  cinClosedBeforeStart,
  cpEndedBeforeStart,
  claCeasedBeforeStart,
  assessmentAuthorisedBeforeStart,
  earlyHelpEndsBeforeStart,
  adopterStageEndsBeforeStart,
  icpcBeforeStrategy,
  cpPlanWithoutIcpc,
  ceasedWithoutReason,
  careLeaverAge,
  adoptionDatesOrder,
  duplicateId,
  childDetailsDiffer,
];

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  lists: readonly ListNumber[];
  columns: readonly string[];
}

/** Issues raised by the reader itself rather than a rule (whole list or file problems). */
export const STRUCTURAL_ISSUES: readonly CatalogueEntry[] = [
  {
    code: 'AA100',
    severity: 'error',
    title: 'Required column missing: the list was not read',
    lists: [],
    columns: [],
  },
  {
    code: 'AA101',
    severity: 'warning',
    title: 'Column not recognised: kept as an extra column',
    lists: [],
    columns: [],
  },
  {
    code: 'AA102',
    severity: 'warning',
    title: 'Column appears twice: the second is kept as an extra column',
    lists: [],
    columns: [],
  },
  {
    code: 'AA103',
    severity: 'warning',
    title: 'Sheet or file not recognised as an Annex A list: skipped',
    lists: [],
    columns: [],
  },
  {
    code: 'AA104',
    severity: 'warning',
    title: 'The same list appears in more than one sheet or file',
    lists: [],
    columns: [],
  },
  {
    code: 'AA199',
    severity: 'warning',
    title: 'Too many issues: the rest were counted, not listed',
    lists: [],
    columns: [],
  },
];

/** The rule catalogue: every issue code the importer can raise. */
export const RULE_CATALOGUE: readonly CatalogueEntry[] = [
  ...RULES.map(({ code, severity, title, lists, columns }) => ({ code, severity, title, lists, columns })),
  ...STRUCTURAL_ISSUES,
];
