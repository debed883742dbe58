import { ACTIONS } from '../actions';
import { countOf, escapeCardText, formatMonth } from '../format';
import type { HomepageView, TabView } from '../homepage-view';

// A card shows at most 100 widgets; Google ignores the rest (Card reference, developers.google.com/workspace/
// chat/api/reference/rest/v1/cards#Card). The tab list stops short of that to leave room for the other sections.
export const MAX_LISTED_TABS = 90;

export function buildHomepageCard(view: HomepageView): GoogleAppsScript.Card_Service.Card {
  const monthTabs = view.tabs.filter((tab) => tab.month !== null).length;
  const summary = CardService.newCardSection()
    .addWidget(CardService.newDecoratedText().setTopLabel('Spreadsheet').setText(escapeCardText(view.title)).setWrapText(true))
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Tabs')
        .setText(`${countOf(view.tabs.length, 'tab')}, ${countOf(monthTabs, 'month tab')}`),
    );

  const tabs = CardService.newCardSection().setHeader('Tabs');
  for (const tab of view.tabs.slice(0, MAX_LISTED_TABS)) tabs.addWidget(tabWidget(tab));
  const unlisted = view.tabs.length - MAX_LISTED_TABS;
  if (unlisted > 0) tabs.addWidget(CardService.newTextParagraph().setText(`…and ${countOf(unlisted, 'more tab')}.`));

  return CardService.newCardBuilder()
    .setName('homepage')
    .setHeader(CardService.newCardHeader().setTitle('Production Sync').setSubtitle(escapeCardText(view.title)))
    .addSection(summary)
    .addSection(tabs)
    .addSection(accessSection(view.hasFileScope))
    .build();
}

function tabWidget(tab: TabView): GoogleAppsScript.Card_Service.DecoratedText {
  const label = tab.month !== null ? `Month tab: ${formatMonth(tab.month)}` : `Skipped: ${tab.skipReason}`;
  return CardService.newDecoratedText().setText(escapeCardText(tab.name)).setBottomLabel(label).setWrapText(true);
}

// Background sync reads the file through the Sheets API under a per-file `drive.file` grant (DESIGN "Reading
// the sheet"); the user gives it here, once per file.
function accessSection(hasFileScope: boolean): GoogleAppsScript.Card_Service.CardSection {
  const refresh = CardService.newTextButton()
    .setText('Refresh')
    .setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.refreshHomepage));
  const section = CardService.newCardSection().setHeader('Background sync');
  if (hasFileScope) {
    return section
      .addWidget(CardService.newDecoratedText().setText('This file is shared with Production Sync.').setWrapText(true))
      .addWidget(CardService.newButtonSet().addButton(refresh));
  }
  const allow = CardService.newTextButton()
    .setText('Allow access to this file')
    .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
    .setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.requestFileScope));
  return section
    .addWidget(
      CardService.newTextParagraph().setText('To sync this file in the background, Production Sync needs access to it (this file only).'),
    )
    .addWidget(CardService.newButtonSet().addButton(allow).addButton(refresh));
}
