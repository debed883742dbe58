// Buttons more than one card shows. Each callback name is written as `ACTIONS.<key>` right at its
// setFunctionName, once in the bundle, so the entry-point check (test/bundle) can resolve it.
import { ACTIONS } from './actions';
import { escapeCardText } from './format';

type TextButton = GoogleAppsScript.Card_Service.TextButton;

function styled(button: TextButton, filled: boolean): TextButton {
  return filled ? button.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : button;
}

export function refreshButton(text = 'Refresh'): TextButton {
  return CardService.newTextButton().setText(text).setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.refreshHomepage));
}

export function settingsButton(filled = false): TextButton {
  return styled(CardService.newTextButton().setText('Settings').setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.showSettings)), filled);
}

export function syncNowButton(text: 'Sync now' | 'Continue'): TextButton {
  return styled(CardService.newTextButton().setText(text).setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.syncNow)), true);
}

export interface DropdownItem {
  value: string;
  label: string;
}

/** A dropdown form field; labels are escaped (they may come from the sheet or the directory). */
export function dropdown(title: string, fieldName: string, items: readonly DropdownItem[], selected: string | null): GoogleAppsScript.Card_Service.SelectionInput {
  const input = CardService.newSelectionInput().setType(CardService.SelectionInputType.DROPDOWN).setTitle(title).setFieldName(fieldName);
  for (const item of items) input.addItem(escapeCardText(item.label), item.value, item.value === selected);
  return input;
}

/** A button for one callback; the caller writes `CardService.newAction().setFunctionName(ACTIONS.<key>)` itself. */
export function button(text: string, onClick: GoogleAppsScript.Card_Service.Action, filled = false): TextButton {
  return styled(CardService.newTextButton().setText(text).setOnClickAction(onClick), filled);
}

export function allowAccessButton(): TextButton {
  return button('Allow access to this file', CardService.newAction().setFunctionName(ACTIONS.requestFileScope), true);
}
