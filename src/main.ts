// Global entry points. Apps Script calls these by name (appsscript.json triggers, ACTIONS callbacks, the hourly
// trigger), so each is exported here and rollup turns it into a top-level function declaration of dist/Code.js.
// Each one reads the event, calls gas (which calls core), builds the card from a view (ui), and returns through
// the guard of its kind. Keep them a few lines long.
import { logEntryError } from './gas/error-log';
import { formValue, parameter, readAddonEvent, type AddonEvent } from './gas/event';
import { hasHourlyTrigger } from './gas/hourly-trigger';
import { describeOpenSpreadsheet } from './gas/open-spreadsheet';
import { saveSettingsForm, settingsState, testConnection, type SettingsForm } from './gas/settings-actions';
import {
  confirmBinding,
  enrolForHourly,
  loadSyncSetup,
  prerequisites,
  refreshAllMappings,
  runHourlySync,
  saveColumnOverrides,
  syncOpenSpreadsheet,
  type Ready,
} from './gas/sync-actions';
import { ACTIONS, columnField, FIELDS, PARAMS } from './ui/actions';
import { buildColumnsCard } from './ui/cards/columns-card';
import { buildHomepageCard } from './ui/cards/homepage-card';
import { buildNoSpreadsheetCard } from './ui/cards/no-spreadsheet-card';
import { buildSettingsCard, type SettingsView } from './ui/cards/settings-card';
import { buildSyncResultCard } from './ui/cards/sync-result-card';
import { createEntryGuards } from './ui/entry-guards';
import { overridesFromPicks, toColumnsView } from './ui/columns-view';
import { countOf } from './ui/format';
import { toHomepageView } from './ui/homepage-view';
import { notificationResponse, pushCardResponse, replaceCardResponse, requestFileScopeResponse, rootCardResponse, showCardsResponse } from './ui/responses';
import { toSyncResultView } from './ui/sync-result-view';
import { toSyncSetupView } from './ui/sync-setup-view';

const guard = createEntryGuards(logEntryError);

/** Manifest: addOns.common.homepageTrigger and addOns.sheets.homepageTrigger. */
export function onHomepage(e: unknown) {
  return guard.cards('onHomepage', () => [homepageCard(readAddonEvent(e))]);
}

/** Manifest: addOns.sheets.onFileScopeGrantedTrigger, after the user allows access to this file. */
export function onFileScopeGranted(e: unknown) {
  return guard.cards('onFileScopeGranted', () => [homepageCard(readAddonEvent(e))]);
}

/** ACTIONS.refreshHomepage */
export function onRefreshHomepage(e: unknown) {
  return guard.action('onRefreshHomepage', () => replaceCardResponse(homepageCard(readAddonEvent(e))));
}

/** ACTIONS.requestFileScope */
export function onRequestFileScope(_e: unknown) {
  return guard.action('onRequestFileScope', () => requestFileScopeResponse());
}

/** ACTIONS.openSettings, and the manifest's universal action "Settings". */
export function onOpenSettings(_e: unknown) {
  return guard.universalAction('onOpenSettings', () => showCardsResponse([settingsCard({})]));
}

/** ACTIONS.showSettings: the homepage's Settings button. */
export function onShowSettings(_e: unknown) {
  return guard.action('onShowSettings', () => pushCardResponse(settingsCard({})));
}

/** ACTIONS.saveSettings: validated, then stored in User properties only; nothing stored when any field is refused. */
export function onSaveSettings(e: unknown) {
  return guard.action('onSaveSettings', () => {
    const saved = saveSettingsForm(settingsForm(readAddonEvent(e)));
    if (!saved.ok) return replaceCardResponse(settingsCard({ problems: saved.problems }), 'Production Sync: settings not saved.');
    return replaceCardResponse(settingsCard({ status: 'Saved. Use Test connection to check them.' }), 'Production Sync: settings saved.');
  });
}

/** ACTIONS.testConnection: one directory call, and the precise problem when it fails. */
export function onTestConnection(e: unknown) {
  return guard.action('onTestConnection', () => {
    const event = readAddonEvent(e);
    const tested = testConnection(settingsForm(event), event.sheets);
    return replaceCardResponse(settingsCard({ problems: tested.problems, status: tested.message }), `Production Sync: ${tested.ok ? 'connected' : 'connection failed'}.`);
  });
}

/** ACTIONS.confirmBinding: sync_bind with the chosen provider, default office and the saved column overrides. */
export function onConfirmBinding(e: unknown) {
  return guard.action('onConfirmBinding', () => whenReady(e, (ready, event) => {
    const provider = formValue(event, FIELDS.providerCode);
    if (!provider) return notificationResponse('Production Sync: choose whose sheet this is first.');
    const bound = confirmBinding(ready, {
      provider_code: provider,
      default_location_code: formValue(event, FIELDS.defaultLocationCode) || null,
      column_overrides: JSON.parse(parameter(event, PARAMS.columnOverrides) ?? '{}') as Record<string, string>,
    });
    if (!bound.ok) return notificationResponse(`Production Sync: ${bound.message}`);
    return replaceCardResponse(homepageCard(event), 'Production Sync: binding saved.');
  }));
}

/** ACTIONS.showColumns: the Columns card, what each header of the month tabs means (contract 8). */
export function onShowColumns(e: unknown) {
  return guard.action('onShowColumns', () => whenReady(e, (ready) => {
    const setup = loadSyncSetup(ready, ACTIONS.hourlySync);
    if (setup.kind !== 'ready') return notificationResponse(`Production Sync: ${setup.message}`);
    return pushCardResponse(buildColumnsCard(toColumnsView(setup.data)));
  }));
}

/** ACTIONS.saveColumns: the Columns card's choices into the binding (sync_bind), then the homepage again. */
export function onSaveColumns(e: unknown) {
  return guard.action('onSaveColumns', () => whenReady(e, (ready, event) => {
    const listed = JSON.parse(parameter(event, PARAMS.columnChoices) ?? '[]') as [string, string | null][];
    const picks = listed.map(([key, detected], i) => ({ key, detected, value: formValue(event, columnField(i)) }));
    const saved = saveColumnOverrides(ready, (existing) => overridesFromPicks(existing, picks));
    if (!saved.ok) return notificationResponse(`Production Sync: ${saved.message}`);
    const count = Object.keys(saved.binding.column_overrides).length;
    return rootCardResponse(homepageCard(event), `Production Sync: columns saved (${countOf(count, 'column')} set by hand).`);
  }));
}

/** ACTIONS.syncNow (also "Continue"): the open spreadsheet, a 25 s budget, resumable. */
export function onSyncNow(e: unknown) {
  return guard.action('onSyncNow', () => whenReady(e, (ready) => {
    const { result, ...layout } = syncOpenSpreadsheet(ready);
    const card = buildSyncResultCard(toSyncResultView(result, layout));
    return pushCardResponse(card, `Production Sync: ${result.message}`.slice(0, 400));
  }));
}

/** ACTIONS.refreshMappings: the directory and bindings from the server, for this and every enrolled spreadsheet. */
export function onRefreshMappings(e: unknown) {
  return guard.action('onRefreshMappings', () => whenReady(e, (ready, event) => {
    const outcomes = refreshAllMappings(ready);
    const failed = outcomes.filter((o) => !o.ok);
    const text = failed.length === 0 ? `mappings refreshed (${countOf(outcomes.length, 'spreadsheet')}).` : `${failed[0].message}`;
    return replaceCardResponse(homepageCard(event), `Production Sync: ${text}`);
  }));
}

/** ACTIONS.enableHourlySync: enrol this spreadsheet, install the ONE hourly trigger, then ask for this file's grant. */
export function onEnableHourlySync(e: unknown) {
  return guard.action('onEnableHourlySync', () => whenReady(e, (ready, event) => {
    const enrolled = enrolForHourly(ready);
    if (!enrolled.ok) return notificationResponse(`Production Sync: ${enrolled.message}`);
    installHourlyTrigger();
    // The trigger reads the file through the Sheets API, which needs this file's drive.file grant.
    if (event.sheets?.hasFileScope !== true) return requestFileScopeResponse();
    return replaceCardResponse(homepageCard(event), 'Production Sync: this spreadsheet now syncs every hour.');
  }));
}

/** The hourly time-driven trigger (installed by onEnableHourlySync): every enrolled spreadsheet, outcomes recorded. */
export function onHourlySync(_e: unknown) {
  return guard.background('onHourlySync', () => {
    runHourlySync();
  });
}

// One hourly trigger per user: add-ons may run time-driven triggers at most hourly and hold one per type per
// document (DESIGN limits table); the handler visits every enrolled spreadsheet itself.
function installHourlyTrigger(): void {
  if (!hasHourlyTrigger(ScriptApp, ACTIONS.hourlySync)) ScriptApp.newTrigger(ACTIONS.hourlySync).timeBased().everyHours(1).create();
}

type ActionAnswer = ReturnType<typeof notificationResponse> | ReturnType<typeof requestFileScopeResponse>;

/** Runs a button's work once settings and the open spreadsheet are there; else says which one is missing. */
function whenReady(e: unknown, run: (ready: Ready, event: AddonEvent) => ActionAnswer): ActionAnswer {
  const event = readAddonEvent(e);
  const pre = prerequisites(event.sheets);
  if (pre.kind === 'ready') return run(pre, event);
  if (pre.kind === 'not-configured') return pushCardResponse(settingsCard({}), 'Production Sync: enter the connection settings first.');
  return notificationResponse('Production Sync: no spreadsheet is open.');
}

function settingsForm(event: AddonEvent): SettingsForm {
  return {
    restUrl: formValue(event, FIELDS.restUrl),
    publishableKey: formValue(event, FIELDS.publishableKey),
    syncToken: formValue(event, FIELDS.syncToken),
  };
}

function settingsCard(extra: Partial<Pick<SettingsView, 'problems' | 'status'>>): GoogleAppsScript.Card_Service.Card {
  return buildSettingsCard({ ...settingsState(), problems: extra.problems ?? [], status: extra.status ?? null });
}

function homepageCard(event: AddonEvent): GoogleAppsScript.Card_Service.Card {
  const { sheets } = event;
  const pre = prerequisites(sheets);
  if (pre.kind === 'ready') {
    const setup = loadSyncSetup(pre, ACTIONS.hourlySync);
    const sync = setup.kind === 'ready' ? { kind: 'ready' as const, setup: toSyncSetupView(setup.data) } : setup;
    return buildHomepageCard(toHomepageView(pre.outline, sheets?.hasFileScope === true, sync));
  }
  const outline = pre.kind === 'no-spreadsheet' ? null : describeOpenSpreadsheet(sheets);
  if (!outline) return buildNoSpreadsheetCard({ canRequestAccess: sheets !== null && !sheets.hasFileScope });
  return buildHomepageCard(toHomepageView(outline, sheets?.hasFileScope === true));
}
