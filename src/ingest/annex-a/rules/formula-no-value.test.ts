import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ingestAnnexA } from '../ingest.ts';
import { listSpec } from '../spec.ts';
import { issuesOf, tmpDir } from '../test-support/fixtures.ts';
import type { NormalisedRow } from '../types.ts';

test('AA008 a formula saved without its value is a warning: the value is blank, the row kept', async () => {
  const path = join(await tmpDir(), 'formula.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('List 1');
  ws.addRow(listSpec(1).columns.map((c) => c.header));
  // Child Unique ID, Gender, Ethnicity, Date of Birth, Age, Date of Contact, Contact Source
  ws.addRow([
    'C1',
    'a) M',
    null,
    null,
    { formula: 'YEAR(F2)-YEAR(D2)' },
    new Date(Date.UTC(2021, 0, 5)),
    null,
  ]);
  ws.addRow(['C2', 'a) M', null, null, { formula: '2+2', result: 4 }, new Date(Date.UTC(2021, 0, 6)), null]);
  await wb.xlsx.writeFile(path);
  const rows: NormalisedRow[] = [];
  const result = await ingestAnnexA([{ path, name: 'formula.xlsx' }], { onRow: (r) => void rows.push(r) });
  const hits = issuesOf(result, 'AA008');
  assert.deepEqual(
    hits.map((i) => [i.row, i.column]),
    [[2, 'Age']],
  );
  assert.equal(rows.length, 2);
  assert.equal(rows[0]?.values.age, null);
  assert.equal(rows[1]?.values.age, 4);
});
