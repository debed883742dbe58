// Buttons more than one card shows. Each callback name is written as `ACTIONS.<key>` right at its
// setFunctionName, once in the bundle, so the entry-point check (test/bundle) can resolve it.
import { ACTIONS } from './actions';

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
