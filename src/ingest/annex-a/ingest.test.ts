import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestFileError, ingestAnnexA, writeAnnexAWorkbook } from './index.ts';
import { ingestCsvs, runList, tmpDir, writeListCsv } from './test-support/fixtures.ts';
import type { NormalisedRow } from './types.ts';

const SAMPLE = new URL('../../../../shared/samples/annex-a/Annex_A_2024_Jan.xlsx', import.meta.url).pathname;

test('the sample workbook reads with warnings and the right row counts', async () => {
  const rows: NormalisedRow[] = [];
  const r = await ingestAnnexA([{ path: SAMPLE, name: 'Annex_A_2024_Jan.xlsx' }], {
    onRow: (x) => void rows.push(x),
  });
  // data rows counted by hand from the workbook
  const expected = { 1: 5, 2: 5, 3: 6, 4: 5, 5: 5, 6: 5, 7: 7, 8: 5, 9: 6, 10: 5, 11: 5 } as const;
  for (const [n, count] of Object.entries(expected)) {
    const l = r.lists[Number(n) as keyof typeof expected];
    assert.equal(l.rowsRead, count, `list ${n}`);
    assert.equal(l.sheet, `List ${n}`);
  }
  assert.equal(r.issues.filter((i) => i.severity === 'error').length, 0);
  assert.ok(
    r.issues.some((i) => i.code === 'AA006' && i.value === 'PSRMEM - Support with memory and cognition'),
  );
  assert.deepEqual(
    r.unrecognised.map((u) => [u.list, u.codeSet, u.value, u.count]),
    [[6, 'primary_need', 'PSRMEM - Support with memory and cognition', 1]],
  );
  assert.equal(r.sources[0]?.sha256.length, 64);
  const first = rows[0];
  assert.equal(first?.values.child_id, '9212044');
  assert.equal(first?.values.gender, 'F');
  assert.equal(first?.values.date_of_contact, '2020-09-16');
  assert.equal(first?.values.contact_source, '6');
  assert.equal(first?.raw.contact_source, 'q) 6: Police');
  const l10 = rows.find((x) => x.list === 10);
  assert.equal(l10?.values.date_decision_adoption, '2009-08-11', 'formula read by its cached value');
  const l3 = rows.find((x) => x.list === 3);
  assert.equal(l3?.values.allocated_worker, 'Dustin Hazlett');
  assert.equal(r.latestEventDate, '2021-03-15');
});

test('header variants and extra columns', async () => {
  const dir = await tmpDir();
  const headers = [
    'child unique id ',
    'GENDER',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Date\u00a0of\u00a0Contact.',
    'Contact Source',
    'Notes',
  ];
  const path = await writeListCsv(
    dir,
    'c.csv',
    1,
    [
      {
        'child unique id ': 'A1',
        GENDER: 'Male',
        'Date\u00a0of\u00a0Contact.': '05/03/2021',
        'Contact Source': 'Police',
        Notes: 'hello',
      },
    ],
    headers,
  );
  const { result, rows } = await ingestCsvs([{ path, name: 'Annex A List 1 - Contacts.csv' }]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.values.date_of_contact, '2021-03-05');
  assert.equal(rows[0]?.values.gender, 'M');
  assert.deepEqual(rows[0]?.extra, { Notes: 'hello' });
  assert.deepEqual(result.lists[1].unmappedColumns, ['Notes']);
  assert.ok(result.issues.some((i) => i.code === 'AA101' && i.column === 'Notes'));
});

test('list detected by headers when the name says nothing; missing required column is an error', async () => {
  const dir = await tmpDir();
  const p = await writeListCsv(dir, 'export.csv', 3, [
    { child_id: 'C1', date_of_referral: '2021-01-02', referral_source: '6' },
  ]);
  const { result, rows } = await ingestCsvs([{ path: p, name: 'export.csv' }]);
  assert.equal(result.lists[3].rowsAccepted, 1);
  assert.equal(rows[0]?.list, 3);
  const q = await writeListCsv(
    dir,
    'l3.csv',
    3,
    [{ 'Child Unique ID': 'C1', 'Referral Source': '6' }],
    ['Child Unique ID', 'Referral Source'],
  );
  const r2 = await ingestCsvs([{ path: q, name: 'List_3.csv' }]);
  const err = r2.result.issues.find((i) => i.code === 'AA100');
  assert.ok(err?.message.includes('List 3') && err.message.includes('Date of Referral'));
  assert.equal(r2.result.lists[3].rowsAccepted, 0);
});

test('a file with no recognisable list throws IngestFileError naming the file', async () => {
  const dir = await tmpDir();
  const p = join(dir, 'x.csv');
  await writeFile(p, 'a,b,c\n1,2,3\n');
  await assert.rejects(
    ingestCsvs([{ path: p, name: 'shopping.csv' }]),
    (e: unknown) =>
      e instanceof IngestFileError && e.file === 'shopping.csv' && e.message.includes('shopping.csv'),
  );
});

test('local mappings and unrecognised codes are counted', async () => {
  const rows = [
    { child_id: '1', date_of_contact: '2021-01-01', ethnicity: 'Brit', contact_source: 'Pigeon' },
    { child_id: '2', date_of_contact: '2021-01-01', ethnicity: 'WENG', contact_source: 'Pigeon' },
  ];
  const { result, rows: out } = await runList(1, rows, {
    localMappings: [{ codeSet: 'ethnicity', value: 'Brit', code: 'WBRI' }],
  });
  assert.equal(out[0]?.values.ethnicity, 'WBRI');
  assert.equal(out[1]?.values.ethnicity, 'WBRI');
  assert.equal(out[1]?.raw.ethnicity, 'WENG');
  assert.deepEqual(
    result.unrecognised.map((u) => [u.column, u.value, u.count]),
    [['Contact Source', 'Pigeon', 2]],
  );
  assert.equal(result.issues.filter((i) => i.code === 'AA006').length, 2);
  assert.equal(out[0]?.raw.contact_source, 'Pigeon');
});

test('writer round trip: write then read gives the same values', async () => {
  const read: NormalisedRow[] = [];
  await ingestAnnexA([{ path: SAMPLE, name: 's.xlsx' }], { onRow: (x) => void read.push(x) });
  const dir = await tmpDir();
  const out = join(dir, 'out.xlsx');
  await writeAnnexAWorkbook(out, read);
  const again: NormalisedRow[] = [];
  const r = await ingestAnnexA([{ path: out, name: 'out.xlsx' }], { onRow: (x) => void again.push(x) });
  assert.equal(again.length, read.length);
  for (let i = 0; i < read.length; i++)
    assert.deepEqual(again[i]?.values, read[i]?.values, `row ${String(i)}`);
  assert.equal(r.issues.filter((x) => x.code === 'AA101').length, 0);
});
