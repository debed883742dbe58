// Contract 1 (DESIGN.md "Contracts between the parts"): every SheetSource yields rows of these cells.
// Plain objects, never Date instances: gas-local runs the bundle in another realm, where `instanceof Date` fails.

export type DateCell = { date: string }; // 'YYYY-MM-DD', a calendar date in the spreadsheet's time zone
export type ErrorCell = { error: string }; // '#N/A', '#REF!', '#DIV/0!', …
export type Cell = number | string | boolean | DateCell | ErrorCell | null; // blank = null

export type Grid = Cell[][];

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && typeof (cell as DateCell).date === 'string';
}

export function isErrorCell(cell: Cell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && typeof (cell as ErrorCell).error === 'string';
}

/** Sheets shows these error values; getValues() returns them as strings, exceljs as error objects. */
export const SHEET_ERROR_VALUES = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'] as const;
