/**
 * The analytics tables, generated from the Annex A spec (`src/ingest/annex-a/spec.ts`).
 *
 * One table per list, `annex_a_list_<n>`:
 *   snapshot_id VARCHAR NOT NULL, source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER,
 *   then one column per spec column, named by its key and typed by its column type
 *   (id/text → VARCHAR, date → DATE, integer → INTEGER, number → DOUBLE, yesno → BOOLEAN, code → VARCHAR
 *   holding the canonical code), then `<key>_raw VARCHAR` for each code column (the value as written in the
 *   file), then `extra JSON` (cells of columns the spec does not know, by header; NULL when there were none).
 *
 * Spec keys are stable (the spec promises never to rename one), so a key added to the spec later becomes a
 * new nullable column when the store next opens (`plannedColumnChanges`). A changed type, or a removed key, is
 * not guessed at: it needs a numbered migration in `store.ts`.
 */
import type { ColumnSpec, ColumnType, ListNumber, ListSpec } from '../ingest/annex-a/spec.ts';

export type SqlType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'JSON';

/** How a spec column is stored. */
export type CellKind = 'varchar' | 'date' | 'integer' | 'double' | 'boolean';

export interface StoredColumn {
  /** column name in the table */
  readonly name: string;
  readonly sqlType: SqlType;
}

export interface ValueColumn extends StoredColumn {
  readonly key: string;
  readonly specType: ColumnType;
  readonly kind: CellKind;
}

export interface ListTable {
  readonly list: ListNumber;
  readonly title: string;
  readonly name: string;
  readonly spec: ListSpec;
  /** spec columns, in spec order */
  readonly values: readonly ValueColumn[];
  /** `<key>_raw` column names of code columns, in spec order, and the key each belongs to */
  readonly raws: readonly { readonly key: string; readonly name: string }[];
  /** every column in table order */
  readonly columns: readonly StoredColumn[];
  /** true when the list has a child_id column (all but list 11, adopters) */
  readonly hasChildId: boolean;
}

export const SOURCE_COLUMNS: readonly StoredColumn[] = [
  { name: 'snapshot_id', sqlType: 'VARCHAR' },
  { name: 'source_file', sqlType: 'VARCHAR' },
  { name: 'source_sheet', sqlType: 'VARCHAR' },
  { name: 'source_row', sqlType: 'INTEGER' },
];
export const EXTRA_COLUMN: StoredColumn = { name: 'extra', sqlType: 'JSON' };

const KIND_BY_TYPE: Record<ColumnType, { kind: CellKind; sqlType: SqlType }> = {
  id: { kind: 'varchar', sqlType: 'VARCHAR' },
  text: { kind: 'varchar', sqlType: 'VARCHAR' },
  code: { kind: 'varchar', sqlType: 'VARCHAR' },
  date: { kind: 'date', sqlType: 'DATE' },
  integer: { kind: 'integer', sqlType: 'INTEGER' },
  number: { kind: 'double', sqlType: 'DOUBLE' },
  yesno: { kind: 'boolean', sqlType: 'BOOLEAN' },
};

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

export function tableName(list: number): string {
  return `annex_a_list_${list}`;
}

/** Double-quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function valueColumn(list: number, column: ColumnSpec): ValueColumn {
  if (!IDENTIFIER.test(column.key)) {
    throw new Error(
      `Annex A list ${list}: column key ${JSON.stringify(column.key)} is not a snake_case name`,
    );
  }
  const mapping = KIND_BY_TYPE[column.type];
  if (!mapping) throw new Error(`Annex A list ${list}: column ${column.key} has unknown type ${column.type}`);
  return { name: column.key, key: column.key, specType: column.type, ...mapping };
}

/** The table layout of one list. Throws when a key would collide with another column. */
export function listTable(spec: ListSpec): ListTable {
  const values = spec.columns.map((c) => valueColumn(spec.list, c));
  const raws = spec.columns
    .filter((c) => c.type === 'code')
    .map((c) => ({ key: c.key, name: `${c.key}_raw` }));
  const columns: StoredColumn[] = [
    ...SOURCE_COLUMNS,
    ...values.map(({ name, sqlType }) => ({ name, sqlType })),
    ...raws.map(({ name }) => ({ name, sqlType: 'VARCHAR' as const })),
    EXTRA_COLUMN,
  ];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new Error(`Annex A list ${spec.list}: two columns would be named ${c.name}`);
    seen.add(c.name);
  }
  return {
    list: spec.list,
    title: spec.title,
    name: tableName(spec.list),
    spec,
    values,
    raws,
    columns,
    hasChildId: values.some((v) => v.key === 'child_id'),
  };
}

export function listTables(specs: readonly ListSpec[]): ListTable[] {
  const lists = new Set<number>();
  return specs.map((spec) => {
    if (lists.has(spec.list)) throw new Error(`Annex A list ${spec.list} is specified twice`);
    lists.add(spec.list);
    return listTable(spec);
  });
}

export function createTableSql(table: ListTable): string {
  const columns = table.columns.map(
    (c) => `  ${quoteIdent(c.name)} ${c.sqlType}${c.name === 'snapshot_id' ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (\n${columns.join(',\n')}\n)`;
}

export interface ExistingColumn {
  readonly name: string;
  /** DuckDB's data_type, e.g. 'VARCHAR', 'DATE', 'INTEGER', 'JSON' */
  readonly dataType: string;
}

/**
 * The ALTER TABLE statements that bring an existing table up to the spec: new columns are added (nullable).
 * Throws when an existing column has another type, or a column the code expects is missing in a way that
 * cannot be added (none today), so that a schema change is made by a deliberate migration.
 * Columns in the table that the spec no longer has are left alone (old snapshots keep their data).
 */
export function plannedColumnChanges(table: ListTable, existing: readonly ExistingColumn[]): string[] {
  const byName = new Map(existing.map((c) => [c.name, c.dataType.toUpperCase()]));
  const statements: string[] = [];
  for (const column of table.columns) {
    const found = byName.get(column.name);
    if (found === undefined) {
      statements.push(
        `ALTER TABLE ${quoteIdent(table.name)} ADD COLUMN ${quoteIdent(column.name)} ${column.sqlType}`,
      );
    } else if (found !== column.sqlType) {
      throw new Error(
        `Analytics table ${table.name}: column ${column.name} is ${found} but the Annex A spec needs ` +
          `${column.sqlType}; add a migration in src/analytics/store.ts`,
      );
    }
  }
  return statements;
}
