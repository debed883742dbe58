import { allowAccessButton } from '../widgets';

export interface NoSpreadsheetView {
  /** The add-on runs in Sheets without this file's grant: the grant lets it read the file through the Sheets API. */
  canRequestAccess: boolean;
}

// Shown when the open spreadsheet cannot be read: no document (another host, a function run from the editor), or
// getActiveSpreadsheet() unavailable in this Workspace add-on context before the user grants the file.
export function buildNoSpreadsheetCard(view: NoSpreadsheetView): GoogleAppsScript.Card_Service.Card {
  const section = CardService.newCardSection();
  if (view.canRequestAccess) {
    section
      .addWidget(
        CardService.newTextParagraph().setText(
          'Production Sync could not read the open spreadsheet. Allow access to this file (this file only) to let it read the file.',
        ),
      )
      .addWidget(allowAccessButton());
  } else {
    section.addWidget(
      CardService.newTextParagraph().setText(
        'No spreadsheet is open. Open a provider production spreadsheet in Google Sheets to see its month tabs.',
      ),
    );
  }
  return CardService.newCardBuilder()
    .setName('no-spreadsheet')
    .setHeader(CardService.newCardHeader().setTitle('Production Sync'))
    .addSection(section)
    .build();
}
