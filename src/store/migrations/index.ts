import { sql as foundation } from './0001_foundation.ts';

/** Ordered, forward-only migrations. Never edit one that has shipped: add the next. */
export const migrations: readonly { id: string; sql: string }[] = [
  { id: '0001_foundation', sql: foundation },
];
