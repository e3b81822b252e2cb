import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mean, median, oneDecimal, quartileBand, quartileCutPoints, rankOf } from './compare.ts';

describe('LAIT benchmarking conventions', () => {
  it('cuts quartiles by linear interpolation (R type 7, Excel QUARTILE.INC)', () => {
    // 1..10: h = 9p → 3.25, 5.5, 7.75
    assert.deepEqual(quartileCutPoints([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), [3.25, 5.5, 7.75]);
    assert.deepEqual(quartileCutPoints([4]), [4, 4, 4]);
    assert.deepEqual(quartileCutPoints([]), []);
    assert.deepEqual(quartileCutPoints([1, 2, 3, 4, 5]), [2, 3, 4]);
  });

  it('bands A–D flip with polarity; a value on a cut point is in the lower interval', () => {
    const cuts = [2, 3, 4];
    const low = [1, 2, 2.5, 3, 3.5, 4, 5].map((v) => quartileBand(v, cuts, 'low_good'));
    assert.deepEqual(low, ['A', 'A', 'B', 'B', 'C', 'C', 'D']);
    const high = [1, 2, 2.5, 3, 3.5, 4, 5].map((v) => quartileBand(v, cuts, 'high_good'));
    assert.deepEqual(high, ['D', 'D', 'C', 'C', 'B', 'B', 'A']);
    assert.equal(quartileBand(3, cuts, 'neutral'), null);
    assert.equal(quartileBand(null, cuts, 'low_good'), null);
    assert.equal(quartileBand(3, [], 'low_good'), null);
  });

  it('ranks 1 as best given polarity, ties sharing the better rank', () => {
    const all = [10, 20, 20, 30];
    assert.deepEqual(
      all.map((v) => rankOf(v, all, 'low_good')),
      [1, 2, 2, 4],
    );
    assert.deepEqual(
      all.map((v) => rankOf(v, all, 'high_good')),
      [4, 2, 2, 1],
    );
    assert.equal(rankOf(20, all, 'neutral'), null);
    assert.equal(rankOf(null, all, 'low_good'), null);
  });

  it('averages and medians of those with data', () => {
    assert.equal(mean([1, 2, 4]), 7 / 3);
    assert.equal(mean([]), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
    assert.equal(oneDecimal(17.98), 18);
    assert.equal(oneDecimal(18.35), 18.4);
    assert.equal(oneDecimal(null), null);
  });
});
