// Saving and testing the connection settings. They go to the USER store only (script properties are shared by
// every user of a published add-on); a secret or service-role key is refused by the validator before anything
// is written. Inputs the user left empty keep the saved value, so the card never has to echo a secret back.
import type { KeyValueStore } from '../core/ports';
import {
  failureMessage,
  saveSettings,
  validateSettings,
  type ConnectionSettings,
  type SettingsProblem,
} from '../core/sync';
import { openActiveSheetSource } from './active-sheet-source';
import type { SheetsContext } from './event';
import { savedSettings, syncApi, userStore } from './sync-services';

export interface SettingsForm {
  restUrl: string | null;
  publishableKey: string | null;
  syncToken: string | null;
}

export interface SettingsState {
  restUrl: string;
  keySaved: boolean;
  tokenSaved: boolean;
}

export function settingsState(store: KeyValueStore = userStore()): SettingsState {
  const saved = savedSettings(store);
  return { restUrl: saved?.restUrl ?? '', keySaved: saved !== null, tokenSaved: saved !== null };
}

function merged(form: SettingsForm, saved: ConnectionSettings | null) {
  const pick = (typed: string | null, kept: string | undefined) => (typed !== null && typed.trim() !== '' ? typed : kept ?? '');
  return {
    restUrl: pick(form.restUrl, saved?.restUrl),
    publishableKey: pick(form.publishableKey, saved?.publishableKey),
    syncToken: pick(form.syncToken, saved?.syncToken),
  };
}

export type SaveOutcome = { ok: true; state: SettingsState } | { ok: false; problems: SettingsProblem[]; state: SettingsState };

export function saveSettingsForm(form: SettingsForm): SaveOutcome {
  const store = userStore();
  const saved = saveSettings(store, merged(form, savedSettings(store)));
  return saved.ok ? { ok: true, state: settingsState(store) } : { ok: false, problems: saved.problems, state: settingsState(store) };
}

export type TestOutcome = { ok: boolean; message: string; problems: SettingsProblem[] };

/**
 * One directory call (sync_directory) with what the form holds (or, for empty inputs, what is saved), and the
 * precise problem when it fails: bad URL, bad key, bad token and missing RPC each read differently (toUserMessage).
 * The directory call needs a spreadsheet id: the open one, which the token's first call binds (contract 6).
 */
export function testConnection(form: SettingsForm, sheets: SheetsContext | null): TestOutcome {
  const store = userStore();
  const checked = validateSettings(merged(form, savedSettings(store)));
  if (!checked.ok) return { ok: false, message: 'Not tested: fix the settings above first.', problems: checked.problems };
  const source = openActiveSheetSource(sheets);
  const spreadsheetId = source?.describe().spreadsheetId ?? sheets?.id ?? null;
  if (!spreadsheetId) return { ok: false, message: 'Open a spreadsheet to test the connection: the test asks the database about it.', problems: [] };
  const api = syncApi(checked.settings);
  const r = api.directory(spreadsheetId);
  if (!r.ok) return { ok: false, message: failureMessage(r.failure), problems: [] };
  const d = r.value.directory;
  const scope = r.value.scope.provider_codes === null ? 'all providers' : `${r.value.scope.provider_codes.length} provider(s)`;
  return {
    ok: true,
    message: `Connected to ${d.clinic.name}: ${d.providers.length} providers, ${d.locations.length} offices; the token covers ${scope}.`,
    problems: [],
  };
}
