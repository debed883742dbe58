import { ACTIONS, columnField, PARAMS } from '../actions';
import type { ColumnsView } from '../columns-view';
import { countOf, escapeCardText } from '../format';
import { button, dropdown } from '../widgets';

// Opened from the homepage's Columns section. One dropdown per header of the month tabs; Save stores the choices
// in the binding (contract 8), so they hold for every month tab with that header, on every device.
export function buildColumnsCard(view: ColumnsView): GoogleAppsScript.Card_Service.Card {
  const intro = CardService.newCardSection().addWidget(
    CardService.newTextParagraph().setText(
      escapeCardText(
        `What each column of the month tabs means${view.provider ? ` for ${view.provider}'s sheet` : ''}. Change one and Save: the choice holds for every month tab with that header. Choosing what the add-on found by itself again removes a saved choice.`,
      ),
    ),
  );
  const columns = CardService.newCardSection().setHeader('Columns');
  view.choices.forEach((c, i) => {
    const notes = [c.overridden ? 'set by hand' : null, c.onlyIn ? `only in ${c.onlyIn.join(', ')}` : null].filter((x): x is string => x !== null);
    columns.addWidget(dropdown(`${c.header}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`, columnField(i), c.options, c.selected));
  });
  if (view.choices.length === 0) columns.addWidget(CardService.newTextParagraph().setText('No month tab with a header row to describe.'));
  if (view.unlisted > 0) columns.addWidget(CardService.newTextParagraph().setText(`…and ${countOf(view.unlisted, 'more column')}, not listed (a card holds 100 items).`));
  const choices = JSON.stringify(view.choices.map((c) => [c.key, c.detected]));
  const save = button('Save', CardService.newAction().setFunctionName(ACTIONS.saveColumns).setParameters({ [PARAMS.columnChoices]: choices }), true);
  const card = CardService.newCardBuilder()
    .setName('columns')
    .setHeader(CardService.newCardHeader().setTitle('Columns').setSubtitle(escapeCardText(view.title)))
    .addSection(intro)
    .addSection(columns);
  if (view.choices.length > 0) card.addSection(CardService.newCardSection().addWidget(CardService.newButtonSet().addButton(save)));
  return card.build();
}
