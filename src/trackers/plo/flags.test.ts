import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../domain/dates.ts';
import { ploFlags, worstRag, type PloFlagInput } from './flags.ts';
import { proceedingsFlags } from '../proceedings/flags.ts';

const STANDARDS = { plo_flag_weeks: 16, plo_amber_weeks: 12, plo_recall_months: 5 };
const LETTER = '2025-01-10';
const open = (extra: Partial<PloFlagInput> = {}): PloFlagInput => ({
  lbpSentDate: LETTER,
  outcome: null,
  status: 'open',
  recallMeetingDate: null,
  ...extra,
});

describe('pre-proceedings flags on the boundary days', () => {
  it('is green the day before 12 weeks, amber at 12 weeks, still amber the day before 16 weeks, red at 16 weeks', () => {
    const at = (days: number) => ploFlags(open(), STANDARDS, addDays(LETTER, days)).timescale!;
    assert.equal(at(0).rag, 'green');
    assert.equal(at(12 * 7 - 1).rag, 'green');
    assert.equal(at(12 * 7).rag, 'amber');
    assert.equal(at(16 * 7 - 1).rag, 'amber');
    assert.equal(at(16 * 7).rag, 'red');
    assert.equal(at(16 * 7).limitDate, '2025-05-02');
    assert.equal(at(12 * 7).amberDate, '2025-04-04');
    assert.equal(at(16 * 7).daysOver, 0);
    assert.equal(at(16 * 7 + 3).daysOver, 3);
    assert.equal(at(16 * 7 - 1).daysOver, -1);
    assert.equal(at(16 * 7).weeksSinceLetter, 16);
    assert.equal(at(16 * 7 - 1).weeksSinceLetter, 15);
  });

  it('makes the recall due exactly 5 calendar months after the letter', () => {
    const before = ploFlags(open(), STANDARDS, '2025-06-09');
    assert.equal(before.recall!.dueDate, '2025-06-10');
    assert.equal(before.recall!.due, false);
    const on = ploFlags(open(), STANDARDS, '2025-06-10');
    assert.equal(on.recall!.due, true);
    assert.equal(on.rag, 'red');
    assert.match(on.reasons[0]!, /Recall to a legal planning meeting was due on 2025-06-10/);
  });

  it('clamps the recall date at month ends (31 October + 5 months = 31 March; 30 September → 28 February)', () => {
    assert.equal(
      ploFlags(open({ lbpSentDate: '2024-10-31' }), STANDARDS, '2024-11-01').recall!.dueDate,
      '2025-03-31',
    );
    assert.equal(
      ploFlags(open({ lbpSentDate: '2024-09-30' }), STANDARDS, '2024-11-01').recall!.dueDate,
      '2025-02-28',
    );
    assert.equal(
      ploFlags(open({ lbpSentDate: '2023-09-30' }), STANDARDS, '2023-11-01').recall!.dueDate,
      '2024-02-29',
    );
  });

  it('clears the recall once a recall meeting is recorded, leaving the 16-week flag', () => {
    const f = ploFlags(open({ recallMeetingDate: '2025-06-11' }), STANDARDS, '2025-06-20');
    assert.equal(f.recall!.due, false);
    assert.equal(f.recall!.recalledOn, '2025-06-11');
    assert.equal(f.timescale!.rag, 'red');
    assert.equal(f.rag, 'red');
  });

  it('stops when pre-proceedings end with step down or issue proceedings, or the case is closed; continue keeps them', () => {
    const late = addDays(LETTER, 200);
    for (const outcome of ['step_down', 'issue_proceedings']) {
      const f = ploFlags(open({ outcome }), STANDARDS, late);
      assert.equal(f.active, false);
      assert.equal(f.rag, null);
      assert.deepEqual(f.reasons, []);
    }
    assert.equal(ploFlags(open({ status: 'closed' }), STANDARDS, late).rag, null);
    assert.equal(ploFlags(open({ outcome: 'continue' }), STANDARDS, late).rag, 'red');
  });

  it('has no flag before a letter is sent', () => {
    const f = ploFlags(open({ lbpSentDate: null }), STANDARDS, '2025-06-01');
    assert.equal(f.active, false);
    assert.match(f.inactiveReason!, /No letter/);
  });

  it('follows changed local standards', () => {
    const f = ploFlags(
      open(),
      { plo_flag_weeks: 10, plo_amber_weeks: 8, plo_recall_months: 3 },
      addDays(LETTER, 70),
    );
    assert.equal(f.timescale!.rag, 'red');
    assert.equal(f.recall!.dueDate, '2025-04-10');
  });

  it('ranks red over amber over green', () => {
    assert.equal(worstRag('green', 'amber', null), 'amber');
    assert.equal(worstRag('amber', 'red'), 'red');
    assert.equal(worstRag(null, undefined), null);
  });
});

describe('care proceedings flags on the boundary days', () => {
  const ISSUE = '2025-02-03';
  const S = { proceedings_weeks: 26, proceedings_amber_weeks: 20 };
  const at = (days: number, extra: { finalOrderDate?: string | null; status?: string } = {}) =>
    proceedingsFlags(
      { issueDate: ISSUE, finalOrderDate: extra.finalOrderDate ?? null, status: extra.status ?? 'open' },
      S,
      addDays(ISSUE, days),
    );

  it('is green the day before 20 weeks, amber at 20 weeks, red at 26 weeks', () => {
    assert.equal(at(139).rag, 'green');
    assert.equal(at(140).rag, 'amber');
    assert.equal(at(181).rag, 'amber');
    assert.equal(at(182).rag, 'red');
    assert.equal(at(182).weeksSinceIssue, 26);
    assert.equal(at(182).limitDate, '2025-08-04');
  });

  it('stops at the final order, counting the weeks the proceedings took', () => {
    const f = at(300, { finalOrderDate: addDays(ISSUE, 190) });
    assert.equal(f.rag, null);
    assert.equal(f.weeksSinceIssue, 27);
    assert.match(f.inactiveReason!, /27 weeks/);
    assert.equal(at(300, { status: 'closed' }).rag, null);
  });
});
