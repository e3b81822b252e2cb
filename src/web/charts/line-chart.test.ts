import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineChart, niceTicks } from './line-chart.ts';

const options = {
  id: 'trend',
  title: 'Re-referrals within 12 months',
  description: 'Percentage of referrals that were re-referrals, by snapshot.',
  xLabel: 'As at',
  yLabel: 'Per cent',
};

const ours = {
  name: 'Our council',
  points: [
    { x: '31 Mar 2025', y: 20 },
    { x: '30 Jun 2025', y: 25.5 },
    { x: '30 Sep 2025', y: 22 },
  ],
};

describe('SVG line chart', () => {
  it('names itself with a title and description the svg points to, and labels both axes', () => {
    const svg = lineChart([ours], options);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
    assert.match(svg, /aria-labelledby="trend-title trend-desc"/);
    assert.match(svg, /<title id="trend-title">Re-referrals within 12 months<\/title>/);
    assert.match(svg, /<desc id="trend-desc">Percentage of referrals/);
    assert.match(svg, /class="app-chart__axis-label"[^>]*>As at<\/text>/);
    assert.match(svg, /class="app-chart__axis-label"[^>]*>Per cent<\/text>/);
    assert.match(svg, />30 Sep 2025<\/text>/);
    assert.match(svg, /<\/svg>$/);
  });

  it('draws one line through the values and a marker with a tooltip at each', () => {
    const svg = lineChart([ours], options);
    const paths = [...svg.matchAll(/<path class="app-chart__line" d="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(paths.length, 1);
    assert.equal(paths[0]!.match(/[ML]/g)!.length, 3);
    assert.equal([...svg.matchAll(/class="app-chart__marker"/g)].length, 3);
    assert.match(svg, /<title>Our council, 30 Jun 2025: 25.5<\/title>/);
  });

  it('puts higher values higher up the chart, from zero', () => {
    const svg = lineChart([ours], options);
    const ys = [...svg.matchAll(/<circle class="app-chart__marker"[^>]* cy="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    assert.equal(ys.length, 3);
    assert.ok(ys[1]! < ys[2]! && ys[2]! < ys[0]!, `y positions ${ys.join(', ')}`);
    assert.match(svg, /text-anchor="end"[^>]*>0<\/text>/);
  });

  it('leaves a gap where a value is missing', () => {
    const gappy = {
      name: 'Ours',
      points: [
        { x: 'a', y: 1 },
        { x: 'b', y: 2 },
        { x: 'c', y: null },
        { x: 'd', y: 3 },
        { x: 'e', y: 4 },
      ],
    };
    const svg = lineChart([gappy], options);
    assert.equal([...svg.matchAll(/class="app-chart__line"/g)].length, 2);
    assert.equal([...svg.matchAll(/class="app-chart__marker"/g)].length, 4);
  });

  it('escapes every text it is given', () => {
    const svg = lineChart([{ name: '<script>alert(1)</script>', points: [{ x: 'A & "B"', y: 1 }] }], {
      ...options,
      id: 'x"><script>',
      title: '<b>title</b>',
      description: "it's & <that>",
    });
    assert.doesNotMatch(svg, /<script|<b>/);
    assert.match(svg, /&lt;b&gt;title&lt;\/b&gt;/);
    assert.match(svg, /A &amp; &quot;B&quot;/);
    assert.match(svg, /it&#39;s &amp; &lt;that&gt;/);
    assert.match(svg, /id="x---script--title"/);
  });

  it('has no script and no style attribute, so the Content-Security-Policy allows it', () => {
    const svg = lineChart(
      [ours, { name: 'England', points: ours.points.map((p) => ({ ...p, y: 21 })) }],
      options,
    );
    assert.doesNotMatch(svg, /<script|style=|on\w+=/i);
  });

  it('tells series apart by marker and dash as well as colour, with a legend', () => {
    const england = { name: 'England', points: ours.points.map((p) => ({ ...p, y: 21 })) };
    const svg = lineChart([ours, england], options);
    assert.match(svg, /class="app-chart__legend"/);
    assert.match(svg, />England<\/text>/);
    assert.match(svg, /<rect class="app-chart__marker"/, 'the second series uses squares');
    assert.match(svg, /stroke-dasharray="8 4"/);
  });

  it('copes with a single point and with no values at all', () => {
    const one = lineChart([{ name: 'Ours', points: [{ x: 'only', y: 5 }] }], options);
    assert.match(one, /<circle class="app-chart__marker"[^>]* cx="344"/, 'a lone point sits in the middle');
    const none = lineChart([{ name: 'Ours', points: [{ x: 'a', y: null }] }], options);
    assert.match(none, /No values to plot/);
    assert.doesNotMatch(none, /NaN|Infinity/);
  });

  it('keeps percentages on an axis that stops at 100', () => {
    const svg = lineChart(
      [
        {
          name: 'Ours',
          points: [
            { x: 'a', y: 97 },
            { x: 'b', y: 99 },
          ],
        },
      ],
      {
        ...options,
        yCeiling: 100,
      },
    );
    assert.match(svg, />100<\/text>/);
    assert.doesNotMatch(svg, />120<\/text>/);
  });

  it('chooses nice axis ticks', () => {
    assert.deepEqual(niceTicks(0, 97), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(0, 10), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(niceTicks(0, 0), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(0, 3), [0, 1, 2, 3]);
    assert.deepEqual(niceTicks(0, 426), [0, 100, 200, 300, 400, 500]);
    assert.deepEqual(niceTicks(0, 1234), [0, 250, 500, 750, 1000, 1250]);
    assert.deepEqual(niceTicks(-5, 5), [-6, -4, -2, 0, 2, 4, 6]);
  });
});
