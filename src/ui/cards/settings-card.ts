// The universal "Settings" action opens this. The connection settings themselves (Supabase URL, publishable
// key, sync token) arrive with the sync engine; until then the card says so rather than offering dead inputs.
export function buildSettingsCard(): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .setName('settings')
    .setHeader(CardService.newCardHeader().setTitle('Settings'))
    .addSection(
      CardService.newCardSection().addWidget(
        CardService.newTextParagraph().setText(
          "Production Sync will store your practice's Supabase project URL, publishable key and sync token here. " +
            'This version does not connect to a database yet.',
        ),
      ),
    )
    .build();
}
