// .xlsx → the Cell grid (contract 1) the SpreadsheetApp adapter yields: cached formula results (a cached 0 stays
// 0), error cells as {error}, cells covered by a merge blank except the first, as Sheets shows them. exceljs gives
// dates as UTC wall-clock Date objects, so their UTC fields ARE the calendar date, whatever the machine's zone.
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../src/core/cell';
import type { SheetTab } from '../../src/core/ports';

function dateCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return { error: '#VALUE!' };
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return { date: `${y}-${m}-${day}` };
}

function plainValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return { error: v.error };
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) return plainValue((v.richText as { text: string }[]).map((r) => r.text).join(''));
    if (typeof v.text === 'string') return plainValue(v.text);
  }
  return String(value);
}

export function worksheetToGrid(sheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.type === ExcelJS.ValueType.Merge) row.push(null);
      // cell.value drops a falsy cached result ({formula} without `result` when it is 0); cell.result keeps it.
      else if (cell.type === ExcelJS.ValueType.Formula) row.push(plainValue(cell.result));
      else row.push(plainValue(cell.value));
    }
    grid.push(row);
  }
  return grid;
}

export async function readXlsxTabs(path: string): Promise<SheetTab[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, sheetId: sheet.id, values: worksheetToGrid(sheet) }));
}
