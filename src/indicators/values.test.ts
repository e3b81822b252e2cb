import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { figureFrom, round1, suppressFigure } from './values.ts';

const counts = (numeratorRows: number, rows: number, amountSum = 0, amountRows = 0) => ({
  numeratorRows,
  rows,
  amountSum,
  amountRows,
});

describe('indicator values', () => {
  it('rounds to one decimal place, half away from zero', () => {
    assert.equal(round1(22.45), 22.5);
    assert.equal(round1(22.449), 22.4);
    assert.equal(round1(100 / 3), 33.3);
    assert.equal(round1(2 / 3), 0.7);
    assert.equal(round1(-1.25), -1.3);
  });

  it('gives a share on a 0–100 scale and null when the denominator is empty', () => {
    assert.deepEqual(figureFrom('share', counts(1, 3), null), { value: 33.3, numerator: 1, denominator: 3 });
    assert.deepEqual(figureFrom('share', counts(0, 0), null), { value: null, numerator: 0, denominator: 0 });
  });

  it('gives a rate per 10,000 of the population, null without one', () => {
    assert.deepEqual(figureFrom('rate', counts(347, 347), 51_234), {
      value: 67.7,
      numerator: 347,
      denominator: 51_234,
    });
    assert.equal(figureFrom('rate', counts(5, 5), null).value, null);
    assert.equal(figureFrom('rate', counts(5, 5), 0).value, null);
  });

  it('gives a count with no denominator, and a mean of the amounts', () => {
    assert.deepEqual(figureFrom('count', counts(12, 40), null), {
      value: 12,
      numerator: 12,
      denominator: null,
    });
    assert.deepEqual(figureFrom('mean', counts(0, 3, 1000, 3), null), {
      value: 333.3,
      numerator: 1000,
      denominator: 3,
    });
    assert.equal(figureFrom('mean', counts(0, 0, 0, 0), null).value, null);
  });

  it('withholds a figure built on 1 to 4 children, but not on 0 or 5', () => {
    assert.equal(suppressFigure({ value: 50, numerator: 2, denominator: 4 }).suppressed, true);
    assert.equal(suppressFigure({ value: 50, numerator: 2, denominator: 4 }).value, null);
    assert.equal(suppressFigure({ value: 0, numerator: 0, denominator: 20 }).suppressed, false);
    assert.equal(suppressFigure({ value: 25, numerator: 5, denominator: 20 }).suppressed, false);
    assert.equal(suppressFigure({ value: 80, numerator: 16, denominator: 20 }).value, 80);
  });
});
