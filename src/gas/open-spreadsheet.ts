// The spreadsheet open in the editor, as the homepage needs it: title, time zone and tab names, no values.
// First SpreadsheetApp.getActiveSpreadsheet() (spreadsheets.currentonly), null where there is no open document.
// Google's restrictions page lists it as unsupported in Workspace add-ons while field reports say it works
// (DESIGN, limits table), so when it is null or refused and the user has granted this file (drive.file, with
// `e.sheets.id`), the Sheets API describes the same spreadsheet: the fallback DESIGN names.
import type { SheetSource } from '../core/ports';
import type { SheetsContext } from './event';
import { findOpenSheetSource } from './active-sheet-source';

export type SpreadsheetOutline = ReturnType<SheetSource['describe']>;

export function describeOpenSpreadsheet(context: SheetsContext | null): SpreadsheetOutline | null {
  const { source, refusal } = findOpenSheetSource(context);
  if (source) {
    try {
      return source.describe();
    } catch (error) {
      throw refusal ?? error; // the first failure says more than the fallback's
    }
  }
  if (refusal !== null) throw refusal;
  return null;
}
