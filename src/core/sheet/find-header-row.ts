// The header row is the row among the first few whose cells best read as this kind's headers, and it must hold
// a date column and at least one day value. A blank row or a title row ("Monday", "Last updated …") above it
// cannot win: their words match no header rule (legacy scans took any cell containing 'date' or 'day').
import type { BindingSettings } from '../api-contract';
import type { Grid } from '../cell';
import type { Directory } from '../directory';
import { mapColumns, type MappedColumn } from './map-columns';
import type { SheetKindDefinition } from './sheet-kind';

export const HEADER_SCAN_ROWS = 10;

export interface HeaderRowFound {
  kind: SheetKindDefinition;
  row_index: number; // 0-based
  columns: MappedColumn[];
  score: number; // mapped columns
}

export function findHeaderRow(
  values: Grid,
  kind: SheetKindDefinition,
  directory: Directory,
  overrides: BindingSettings['column_overrides'] | null | undefined,
): HeaderRowFound | null {
  let best: HeaderRowFound | null = null;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, values.length); r++) {
    const row = values[r] ?? [];
    if (!row.some((c) => typeof c === 'string' && c.trim() !== '')) continue;
    const columns = mapColumns(row, kind, directory, overrides);
    const roles = columns.map((c) => c.definition?.role);
    if (!roles.includes('work_date') || !roles.includes('day_value')) continue;
    const score = columns.filter((c) => c.definition !== null).length;
    if (!best || score > best.score) best = { kind, row_index: r, columns, score };
  }
  return best;
}

/** The kind whose headers read best; kinds listed first win ties (callers put the provider's own kind first). */
export function findBestHeaderRow(
  values: Grid,
  kinds: readonly SheetKindDefinition[],
  directory: Directory,
  overrides: BindingSettings['column_overrides'] | null | undefined,
): HeaderRowFound | null {
  let best: HeaderRowFound | null = null;
  for (const kind of kinds) {
    const found = findHeaderRow(values, kind, directory, overrides);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}
