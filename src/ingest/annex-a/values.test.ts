import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NO_CACHED_VALUE,
  parseDate,
  parseInteger,
  parseYesNo,
  simplifyExcelValue,
  parseId,
  parseText,
} from './values.ts';

test('dates: Excel dates, serials, ISO and day-first text, never month-first', () => {
  assert.equal(parseDate(new Date(Date.UTC(2021, 2, 5))), '2021-03-05');
  assert.equal(parseDate(44260), '2021-03-05');
  assert.equal(parseDate('44260'), '2021-03-05');
  assert.equal(parseDate('2021-03-05'), '2021-03-05');
  assert.equal(parseDate('2021-03-05T00:00:00.000Z'), '2021-03-05');
  assert.equal(parseDate('05/03/2021'), '2021-03-05');
  assert.equal(parseDate('5/3/2021'), '2021-03-05');
  assert.equal(parseDate('05-03-2021'), '2021-03-05');
  assert.equal(parseDate('5 Mar 2021'), '2021-03-05');
  assert.equal(parseDate('03/13/2021'), undefined, 'month 13 means mm/dd: refused');
  assert.equal(parseDate('31/02/2021'), undefined);
  assert.equal(parseDate('29/02/2020'), '2020-02-29');
  assert.equal(parseDate('nope'), undefined);
  assert.equal(parseDate(''), null);
  assert.equal(parseDate('#N/A'), null);
  assert.equal(parseDate(null), null);
});

test('missing markers and formula cells', () => {
  for (const m of ['', ' ', '#N/A', 'N/A', 'NULL', '-']) assert.equal(parseText(m), null, m);
  assert.equal(simplifyExcelValue({ formula: 'A1+1', result: 44260 }), 44260);
  assert.equal(simplifyExcelValue({ sharedFormula: 'A1', result: 'x' }), 'x');
  assert.equal(simplifyExcelValue({ formula: 'A1+1' }), NO_CACHED_VALUE);
  assert.equal(simplifyExcelValue({ error: '#N/A' }), null);
  assert.equal(simplifyExcelValue({ richText: [{ text: 'a' }, { text: 'b' }] }), 'ab');
  assert.equal(parseText('Dustin\u00a0Hazlett'), 'Dustin Hazlett');
  assert.equal(parseId(9212044), '9212044');
  assert.equal(parseId(' 12 '), '12');
});

test('yes/no in every form', () => {
  for (const y of ['Yes', 'yes', 'Y', 'a) Yes', '1', 'True', 'TRUE', 1, true])
    assert.equal(parseYesNo(y), true, String(y));
  for (const n of ['No', 'N', 'b) No', '0', 'False', 0, false]) assert.equal(parseYesNo(n), false, String(n));
  for (const u of ['c) Unknown', 'Unknown', '', '#N/A']) assert.equal(parseYesNo(u), null, u);
  assert.equal(parseYesNo('CS Assessment Updated'), undefined);
});

test('integers', () => {
  assert.equal(parseInteger('3'), 3);
  assert.equal(parseInteger(2), 2);
  assert.equal(parseInteger('1,200'), 1200);
  assert.equal(parseInteger('2.5'), undefined);
  assert.equal(parseInteger('two'), undefined);
});
