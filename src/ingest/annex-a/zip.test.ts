import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestFileError } from './index.ts';
import { ingestCsvs, tmpDir, writeListCsv } from './test-support/fixtures.ts';
import { writeZip } from './test-support/zip.ts';

const SAMPLE = new URL('../../../../shared/samples/annex-a/Annex_A_2024_Jan.xlsx', import.meta.url).pathname;

test('a zip of CSV files: each file is read as its list, named inside the zip', async () => {
  const dir = await tmpDir();
  const l1 = await writeListCsv(dir, 'l1.csv', 1, [
    { child_id: 'A', date_of_contact: '01/02/2021', contact_source: 'a) 1A: Individual' },
    { child_id: 'B', date_of_contact: '02/02/2021' },
  ]);
  const l3 = await writeListCsv(dir, 'l3.csv', 3, [{ child_id: 'A', date_of_referral: '2021-02-03' }]);
  const zip = join(dir, 'annex.zip');
  await writeZip(zip, [
    { name: 'List 1 - Contacts.csv', data: await readFile(l1) },
    { name: 'List 3 - Referrals.csv', data: await readFile(l3) },
  ]);
  const { result, rows } = await ingestCsvs([{ path: zip, name: 'Annex A.zip' }]);
  assert.equal(result.lists[1].rowsAccepted, 2);
  assert.equal(result.lists[3].rowsAccepted, 1);
  assert.equal(result.lists[1].file, 'Annex A.zip/List 1 - Contacts.csv');
  assert.equal(result.lists[1].sheet, 'List 1 - Contacts');
  assert.equal(rows[0]?.values.contact_source, '1A');
  assert.equal(rows[2]?.values.date_of_referral, '2021-02-03');
  assert.equal(result.sources.length, 1);
  assert.equal(result.sources[0]?.name, 'Annex A.zip');
  assert.equal(result.sources[0]?.sha256.length, 64);
});

test('a zip holding an xlsx workbook reads the workbook', async () => {
  const dir = await tmpDir();
  const zip = join(dir, 'return.zip');
  await writeZip(zip, [{ name: 'Annex_A_2024_Jan.xlsx', data: await readFile(SAMPLE) }]);
  const { result, rows } = await ingestCsvs([{ path: zip, name: 'return.zip' }]);
  assert.equal(result.lists[1].rowsRead, 5);
  assert.equal(result.lists[11].rowsRead, 5);
  assert.equal(result.lists[1].file, 'return.zip/Annex_A_2024_Jan.xlsx');
  assert.equal(result.lists[1].sheet, 'List 1');
  assert.equal(rows[0]?.values.child_id, '9212044');
  assert.equal(result.issues.filter((i) => i.severity === 'error').length, 0);
});

test('a zip with nothing usable throws IngestFileError naming the zip; each skipped entry is a warning', async () => {
  const dir = await tmpDir();
  const zip = join(dir, 'junk.zip');
  await writeZip(zip, [
    { name: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { name: 'minutes.docx', data: 'not really a document' },
    { name: '.DS_Store', data: 'x' },
    { name: '__MACOSX/._List 1.csv', data: 'x' },
    { name: 'shopping.csv', data: 'apples,pears\n1,2\n' },
  ]);
  await assert.rejects(ingestCsvs([{ path: zip, name: 'junk.zip' }]), (e: unknown) => {
    assert.ok(e instanceof IngestFileError);
    assert.equal(e.file, 'junk.zip');
    assert.match(e.message, /"junk\.zip" has no recognisable Annex A list/);
    return true;
  });
  // the same zip alongside a good file: the junk is reported entry by entry, hidden files are ignored
  const good = await writeListCsv(dir, 'l1.csv', 1, [{ child_id: 'A', date_of_contact: '01/02/2021' }]);
  const mixed = join(dir, 'mixed.zip');
  await writeZip(mixed, [
    { name: 'photo.png', data: 'x' },
    { name: '.DS_Store', data: 'x' },
    { name: '__MACOSX/._List 1.csv', data: 'x' },
    { name: 'List 1.csv', data: await readFile(good) },
  ]);
  const { result } = await ingestCsvs([{ path: mixed, name: 'mixed.zip' }]);
  const skipped = result.issues.filter((i) => i.code === 'AA103').map((i) => i.file);
  assert.deepEqual(skipped, ['mixed.zip/photo.png']);
  assert.equal(result.lists[1].rowsAccepted, 1);
});

test('a file named .zip that is not a zip throws IngestFileError naming it', async () => {
  const dir = await tmpDir();
  const p = join(dir, 'broken.zip');
  await writeFile(p, 'this is not a zip file at all');
  await assert.rejects(
    ingestCsvs([{ path: p, name: 'broken.zip' }]),
    (e: unknown) =>
      e instanceof IngestFileError &&
      e.file === 'broken.zip' &&
      /"broken\.zip" could not be read as a zip file/.test(e.message),
  );
});

test('nested folders in a zip: lists are recognised by file name wherever they are', async () => {
  const dir = await tmpDir();
  const l1 = await writeListCsv(dir, 'l1.csv', 1, [{ child_id: 'A', date_of_contact: '01/02/2021' }]);
  const l8 = await writeListCsv(dir, 'l8.csv', 8, [
    { child_id: 'A', date_started_looked_after: '2020-05-01' },
  ]);
  const zip = join(dir, 'nested.zip');
  await writeZip(zip, [
    { name: 'Annex A/' },
    { name: 'Annex A/2024 return/' },
    { name: 'Annex A/2024 return/List 1 - Contacts.csv', data: await readFile(l1) },
    { name: 'Annex A/2024 return/care/List 8.csv', data: await readFile(l8) },
    { name: '__MACOSX/Annex A/2024 return/._List 1 - Contacts.csv', data: 'x' },
    { name: 'Annex A/workbook/Annex_A_2024_Jan.xlsx', data: await readFile(SAMPLE) },
  ]);
  const { result } = await ingestCsvs([{ path: zip, name: 'nested.zip' }]);
  assert.equal(result.lists[1].file, 'nested.zip/Annex A/2024 return/List 1 - Contacts.csv');
  assert.equal(result.lists[1].sheet, 'List 1 - Contacts');
  assert.equal(result.lists[8].file, 'nested.zip/Annex A/2024 return/care/List 8.csv');
  // the workbook's lists are read too: list 1 appears twice (AA104), its rows counted from both
  assert.equal(result.lists[1].rowsRead, 1 + 5);
  assert.equal(result.lists[3].file, 'nested.zip/Annex A/workbook/Annex_A_2024_Jan.xlsx');
  assert.ok(
    result.issues.some(
      (i) =>
        i.code === 'AA104' && i.list === 1 && i.file === 'nested.zip/Annex A/workbook/Annex_A_2024_Jan.xlsx',
    ),
  );
});
