import { ACTIONS, FIELDS } from '../actions';
import { escapeCardText } from '../format';

export interface SettingsView {
  /** The saved REST URL (not a secret), or '' before the first save. */
  restUrl: string;
  /** Saved secrets are never echoed back, not even masked in an input: only that they are saved. */
  keySaved: boolean;
  tokenSaved: boolean;
  /** One line per refused field, from the settings validator (src/core/sync/settings). */
  problems: { field: 'restUrl' | 'publishableKey' | 'syncToken'; message: string }[];
  /** The outcome of Save or Test connection, as a sentence. */
  status: string | null;
}

const SAVED = 'saved ••••';

// The universal "Settings" action and the homepage's Settings button open this. Inputs for the key and token
// always start empty: left empty on Save, the saved value is kept.
export function buildSettingsCard(view: SettingsView): GoogleAppsScript.Card_Service.Card {
  const problem = (field: SettingsView['problems'][number]['field']) => view.problems.find((p) => p.field === field)?.message ?? null;
  const section = CardService.newCardSection().setHeader('Connection');
  section.addWidget(
    CardService.newTextInput()
      .setFieldName(FIELDS.restUrl)
      .setTitle('Supabase REST URL')
      .setHint('https://<project-ref>.supabase.co/rest/v1')
      .setValue(view.restUrl),
  );
  secretInput(section, FIELDS.publishableKey, 'Publishable key', 'sb_publishable_…', view.keySaved);
  secretInput(section, FIELDS.syncToken, 'Sync token', 'from your administrator', view.tokenSaved);
  for (const field of ['restUrl', 'publishableKey', 'syncToken'] as const) {
    const message = problem(field);
    if (message) section.addWidget(CardService.newTextParagraph().setText(`<font color="#b3261e">${escapeCardText(message)}</font>`));
  }
  if (view.status) section.addWidget(CardService.newTextParagraph().setText(escapeCardText(view.status)));
  const save = CardService.newTextButton()
    .setText('Save')
    .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
    .setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.saveSettings));
  const test = CardService.newTextButton()
    .setText('Test connection')
    .setOnClickAction(CardService.newAction().setFunctionName(ACTIONS.testConnection));
  section.addWidget(CardService.newButtonSet().addButton(save).addButton(test));
  return CardService.newCardBuilder()
    .setName('settings')
    .setHeader(CardService.newCardHeader().setTitle('Settings').setSubtitle('Stored for you only (your user properties)'))
    .addSection(section)
    .build();
}

function secretInput(section: GoogleAppsScript.Card_Service.CardSection, field: string, title: string, hint: string, saved: boolean): void {
  section.addWidget(
    CardService.newTextInput()
      .setFieldName(field)
      .setTitle(saved ? `${title} (${SAVED})` : title)
      .setHint(saved ? 'leave empty to keep the saved one' : hint),
  );
}
