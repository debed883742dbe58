// The open spreadsheet as a SheetSource for a card's sync: getValues() through SpreadsheetApp
// (spreadsheets.currentonly), else, once the user granted this file (drive.file, `e.sheets.id`), the Sheets API —
// the same fallback describeOpenSpreadsheet uses (DESIGN limits table: getActiveSpreadsheet's support in
// Workspace add-ons is disputed). Null when there is no spreadsheet to read.
import type { SheetSource } from '../core/ports';
import type { SheetsContext } from './event';
import { SheetsApiSheetSource, advancedSheetsService } from './sheets-api-sheet-source';
import { SpreadsheetAppSheetSource } from './spreadsheet-app-sheet-source';

export interface OpenSheetSource {
  source: SheetSource | null;
  /** getActiveSpreadsheet's error when it refused: it says more than a failing fallback would. */
  refusal: unknown;
}

/** Finds the open spreadsheet's source without reading it: SpreadsheetApp first, else the Sheets API under the grant. */
export function findOpenSheetSource(context: SheetsContext | null): OpenSheetSource {
  let refusal: unknown = null;
  let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  try {
    active = SpreadsheetApp.getActiveSpreadsheet();
  } catch (error) {
    refusal = error;
  }
  if (active) return { source: new SpreadsheetAppSheetSource(active, Utilities), refusal: null };
  const sheetsApi = advancedSheetsService();
  if (context?.id && context.hasFileScope && sheetsApi) return { source: new SheetsApiSheetSource(sheetsApi, context.id), refusal };
  return { source: null, refusal };
}

export function openActiveSheetSource(context: SheetsContext | null): SheetSource | null {
  const { source, refusal } = findOpenSheetSource(context);
  if (source) return source;
  if (refusal !== null) throw refusal;
  return null;
}

/** The background source for one enrolled spreadsheet (a trigger has no active document). */
export function backgroundSheetSource(spreadsheetId: string): SheetSource {
  const sheetsApi = advancedSheetsService();
  if (!sheetsApi) throw new Error('The Sheets advanced service is not enabled in the manifest (enabledAdvancedServices).');
  return new SheetsApiSheetSource(sheetsApi, spreadsheetId);
}
