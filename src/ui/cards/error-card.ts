import { escapeCardText } from '../format';

export interface ErrorView {
  message: string; // a sentence for a person; never a stack
}

export function buildErrorCard(view: ErrorView): GoogleAppsScript.Card_Service.Card {
  return CardService.newCardBuilder()
    .setName('error')
    .setHeader(CardService.newCardHeader().setTitle('Production Sync').setSubtitle('Something went wrong'))
    .addSection(
      CardService.newCardSection()
        .addWidget(CardService.newTextParagraph().setText(escapeCardText(view.message)))
        .addWidget(CardService.newTextParagraph().setText('Try again; if it keeps failing, tell your practice administrator.')),
    )
    .build();
}
