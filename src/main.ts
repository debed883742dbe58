// Global entry points. Apps Script calls these by name (appsscript.json triggers, ACTIONS callbacks), so each
// is exported here and rollup turns it into a top-level function declaration of dist/Code.js. Each one reads
// the event, calls ui/gas/core, and returns through the guard of its kind. Keep them a few lines long.
import { logEntryError } from './gas/error-log';
import { readAddonEvent } from './gas/event';
import { describeOpenSpreadsheet } from './gas/open-spreadsheet';
import { buildHomepageCard } from './ui/cards/homepage-card';
import { buildNoSpreadsheetCard } from './ui/cards/no-spreadsheet-card';
import { buildSettingsCard } from './ui/cards/settings-card';
import { createEntryGuards } from './ui/entry-guards';
import { toHomepageView } from './ui/homepage-view';
import { replaceCardResponse, requestFileScopeResponse, showCardsResponse } from './ui/responses';

const guard = createEntryGuards(logEntryError);

/** Manifest: addOns.common.homepageTrigger and addOns.sheets.homepageTrigger. */
export function onHomepage(e: unknown) {
  return guard.cards('onHomepage', () => [homepageCard(e)]);
}

/** Manifest: addOns.sheets.onFileScopeGrantedTrigger, after the user allows access to this file. */
export function onFileScopeGranted(e: unknown) {
  return guard.cards('onFileScopeGranted', () => [homepageCard(e)]);
}

/** ACTIONS.refreshHomepage */
export function onRefreshHomepage(e: unknown) {
  return guard.action('onRefreshHomepage', () => replaceCardResponse(homepageCard(e)));
}

/** ACTIONS.requestFileScope */
export function onRequestFileScope(_e: unknown) {
  return guard.action('onRequestFileScope', () => requestFileScopeResponse());
}

/** ACTIONS.openSettings, and the manifest's universal action "Settings". */
export function onOpenSettings(_e: unknown) {
  return guard.universalAction('onOpenSettings', () => showCardsResponse([buildSettingsCard()]));
}

function homepageCard(e: unknown): GoogleAppsScript.Card_Service.Card {
  const { sheets } = readAddonEvent(e);
  const outline = describeOpenSpreadsheet(sheets);
  if (!outline) return buildNoSpreadsheetCard({ canRequestAccess: sheets !== null && !sheets.hasFileScope });
  return buildHomepageCard(toHomepageView(outline, sheets?.hasFileScope === true));
}
