// The spreadsheet open in the editor, as the homepage needs it: title, time zone and tab names, no values.
// Under `spreadsheets.currentonly` getActiveSpreadsheet() works in card callbacks, and is null where there is
// no open document (a time-driven trigger, or a host other than Sheets): DESIGN, limits table.
import type { SheetSource } from '../core/ports';

export type SpreadsheetOutline = ReturnType<SheetSource['describe']>;

export function describeActiveSpreadsheet(): SpreadsheetOutline | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return null;
  return {
    spreadsheetId: spreadsheet.getId(),
    title: spreadsheet.getName(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    tabs: spreadsheet.getSheets().map((sheet) => ({ name: sheet.getName(), sheetId: sheet.getSheetId() })),
  };
}
