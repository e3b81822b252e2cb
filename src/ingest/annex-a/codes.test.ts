import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeSetMatcher, EXTENDED_ETHNICITY } from './codes.ts';

test('codes in every published form', () => {
  const src = new CodeSetMatcher('contact_source');
  for (const v of ['q) 6: Police', '6', 'Police', 'POLICE', '6: Police', '6 - Police'])
    assert.equal(src.match(v)?.code, '6', v);
  assert.equal(src.match('b) 1B: Individual')?.code, '1B');
  assert.equal(src.match('1b')?.code, '1B');
  assert.equal(src.match('HEALTH SERVICES – general practitioner (GP)')?.code, '3A');
  assert.equal(src.match('Individual'), null, 'ambiguous label is not guessed');
  const need = new CodeSetMatcher('primary_need');
  assert.equal(need.match('N1 - Abuse or Neglect')?.code, 'N1');
  assert.equal(need.match('Abuse or neglect')?.code, 'N1');
  assert.equal(need.match('PSRMEM - Support with memory and cognition'), null);
  const pt = new CodeSetMatcher('placement_provider');
  assert.equal(pt.match('e) PR4 - Private provision')?.code, 'PR4');
  assert.equal(pt.match('a) PR0: Parents/Parental responsibility')?.code, 'PR0');
  const g = new CodeSetMatcher('gender');
  assert.equal(g.match('Female')?.code, 'F');
  assert.equal(g.match('b) Female')?.code, 'F');
  assert.equal(g.match('c) Not stated/recorded')?.code, 'U');
  const rc = new CodeSetMatcher('reason_ceased');
  assert.equal(rc.match('k) E47: Special Guardianship Orders - relative/friend')?.code, 'E47');
  assert.equal(rc.match('E4A')?.code, 'E4A');
  const abuse = new CodeSetMatcher('abuse_category');
  assert.equal(abuse.match('Physical abuse')?.code, 'PHY');
});

test('extended ethnicity codes roll up to the main codes', () => {
  const e = new CodeSetMatcher('ethnicity');
  const cases: [string, string][] = [
    ['WENG', 'WBRI'],
    ['WSCO', 'WBRI'],
    ['WOWB', 'WBRI'],
    ['WALB', 'WOTH'],
    ['WPOR', 'WOTH'],
    ['MWAP', 'MWAS'],
    ['AOPK', 'APKN'],
    ['BANN', 'BAFR'],
    ['CHKC', 'CHNE'],
    ['OOEG', 'OOTH'],
    ['WROG', 'WROM'],
  ];
  for (const [ext, main] of cases) assert.deepEqual(e.match(ext), { code: main, how: 'extended' }, ext);
  for (const [ext, , main] of EXTENDED_ETHNICITY) assert.equal(e.match(ext)?.code, main, ext);
  assert.equal(e.match('a) WBRI')?.code, 'WBRI');
  assert.equal(e.match('White British')?.code, 'WBRI');
});

test('local mappings apply before a value is called unrecognised', () => {
  const e = new CodeSetMatcher('ethnicity', [{ codeSet: 'ethnicity', value: 'White Brit.', code: 'WBRI' }]);
  assert.deepEqual(e.match('white brit'), { code: 'WBRI', how: 'local' });
  assert.equal(new CodeSetMatcher('ethnicity').match('white brit'), null);
});
