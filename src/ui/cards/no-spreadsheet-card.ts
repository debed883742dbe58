// Shown where there is no open spreadsheet to read: another host app, or the editor before a file is open.
export function buildNoSpreadsheetCard(): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .setName('no-spreadsheet')
    .setHeader(CardService.newCardHeader().setTitle('Production Sync'))
    .addSection(
      CardService.newCardSection().addWidget(
        CardService.newTextParagraph().setText(
          'No spreadsheet is open. Open a provider production spreadsheet in Google Sheets to see its month tabs.',
        ),
      ),
    )
    .build();
}
