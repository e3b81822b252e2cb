import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ragComparator, ragRating, toleranceFor, type RagInput } from './rag.ts';

const base: RagInput = {
  value: 80,
  polarity: 'high_good',
  unit: 'percent',
  aggregate: 'share',
  neighbours: 82,
  england: 85.7,
  tolerancePoints: 2,
};

const status = (input: Partial<RagInput>) => ragRating({ ...base, ...input })?.status ?? null;

describe('RAG ratings against benchmarks', () => {
  it('uses the statistical neighbour average when there is one, otherwise England', () => {
    assert.deepEqual(ragComparator(82, 85.7), { kind: 'neighbours', value: 82 });
    assert.deepEqual(ragComparator(null, 85.7), { kind: 'england', value: 85.7 });
    assert.equal(ragComparator(null, null), null);
    assert.equal(ragRating({ ...base, neighbours: null })!.against.kind, 'england');
    assert.equal(ragRating({ ...base, neighbours: null })!.againstName, 'the England figure');
  });

  it('high is good: level or above is green, within the tolerance below is amber, further below red', () => {
    assert.equal(status({ value: 82 }), 'green');
    assert.equal(status({ value: 90 }), 'green');
    assert.equal(status({ value: 81.9 }), 'amber');
    assert.equal(status({ value: 80 }), 'amber', 'exactly the tolerance below is still amber');
    assert.equal(status({ value: 79.9 }), 'red');
  });

  it('low is good: the mirror image', () => {
    const low = { polarity: 'low_good' as const, neighbours: 22.6 };
    assert.equal(status({ ...low, value: 22.6 }), 'green');
    assert.equal(status({ ...low, value: 10 }), 'green');
    assert.equal(status({ ...low, value: 24.6 }), 'amber');
    assert.equal(status({ ...low, value: 24.7 }), 'red');
  });

  it('does not rate neutral measures, counts, missing values or measures without a comparator', () => {
    assert.equal(status({ polarity: 'neutral' }), null);
    assert.equal(status({ unit: 'count', aggregate: 'count', value: 3, neighbours: 10 }), null);
    // A mean of counts (children per worker) is rated, with the tolerance as a share of the comparator.
    assert.equal(
      status({ unit: 'count', aggregate: 'mean', polarity: 'low_good', value: 16.2, neighbours: 16 }),
      'amber',
    );
    assert.equal(status({ value: null }), null);
    assert.equal(status({ neighbours: null, england: null }), null);
  });

  it('reads the tolerance as points for percentages and as a share of the comparator otherwise', () => {
    assert.equal(toleranceFor('percent', 50, 2), 2);
    assert.equal(toleranceFor('rate_per_10k', 50, 2), 1);
    assert.equal(toleranceFor('days', 426, 5), 21.3);
    // A1: 426 days, low is good, tolerance 5% = 21.3 days.
    const a1 = {
      unit: 'days' as const,
      aggregate: 'mean' as const,
      polarity: 'low_good' as const,
      neighbours: null,
      england: 426,
    };
    assert.equal(status({ ...a1, value: 447.3, tolerancePoints: 5 }), 'amber');
    assert.equal(status({ ...a1, value: 447.4, tolerancePoints: 5 }), 'red');
    // Zero tolerance: anything on the wrong side is red.
    assert.equal(status({ value: 81.9, tolerancePoints: 0 }), 'red');
  });

  it('says what each rating means in words, so colour is never the only signal', () => {
    const amber = ragRating({ ...base, value: 81 })!;
    assert.equal(amber.label, 'Amber');
    assert.equal(amber.tagClass, 'govuk-tag--yellow');
    assert.equal(amber.shortfall, 1);
    assert.equal(amber.summary, 'Worse than the statistical neighbour average, within 2 percentage points');
    assert.match(amber.description, /^Amber: worse than .* A higher figure is better for this measure\.$/);
    const red = ragRating({ ...base, value: 70, unit: 'rate_per_10k', aggregate: 'rate' })!;
    assert.equal(red.summary, 'Worse than the statistical neighbour average by more than 2% of its value');
    const green = ragRating({ ...base, value: 82.05 })!;
    assert.equal(green.label, 'Green');
    assert.equal(green.shortfall, 0);
  });

  it('is not fooled by floating-point dust at the boundary', () => {
    // 45.1 − 43.1 = 2.0000000000000036 in binary floating point: still within a 2-point tolerance.
    assert.equal(status({ value: 43.1, neighbours: 45.1 }), 'amber');
  });
});
