/** Synthetic Annex A rows for the analytics store's tests and measurements. */
import { addDays } from '../domain/dates.ts';
import { ANNEX_A_LISTS } from '../ingest/annex-a/spec.ts';
import type { CellValue } from '../ingest/annex-a/types.ts';
import type { SnapshotRow } from './store.ts';

/** A row of `list` whose every column has a value derived from `i` (deterministic). */
export function syntheticRow(list: number, i: number, childId = `C${i % 50_000}`): SnapshotRow {
  const spec = ANNEX_A_LISTS.find((s) => s.list === list);
  if (!spec) throw new RangeError(`No list ${list}`);
  const values: Record<string, CellValue> = {};
  const raw: Record<string, string | null> = {};
  for (const column of spec.columns) {
    switch (column.type) {
      case 'id':
        values[column.key] =
          column.key === 'child_id' ? childId : `${column.key.slice(0, 1).toUpperCase()}${i}`;
        break;
      case 'text':
        values[column.key] = `${column.key} ${i % 97}`;
        break;
      case 'date':
        values[column.key] = addDays('2024-01-01', i % 600);
        break;
      case 'integer':
        values[column.key] = i % 7;
        break;
      case 'number':
        values[column.key] = (i % 18) + 0.5;
        break;
      case 'yesno':
        values[column.key] = i % 2 === 0;
        break;
      case 'code':
        values[column.key] = `K${i % 9}`;
        raw[column.key] = `${String.fromCharCode(97 + (i % 9))}) K${i % 9}`;
        break;
    }
  }
  return { list, file: 'annex-a.xlsx', sheet: `List ${list}`, row: i + 2, values, raw, extra: {} };
}
