// The names Apps Script calls back when a user clicks a card button. Every `setFunctionName` reads this table,
// and test/bundle proves each name is a top-level function in dist/Code.js: a misspelt or renamed callback
// would otherwise fail only when a user clicks it ("Script function not found").
export const ACTIONS = {
  refreshHomepage: 'onRefreshHomepage',
  requestFileScope: 'onRequestFileScope',
  /** Also the manifest's universal action (appsscript.json addOns.common.universalActions). */
  openSettings: 'onOpenSettings',
  /** The same settings card from a card button (an ActionResponse, where the universal action answers differently). */
  showSettings: 'onShowSettings',
  saveSettings: 'onSaveSettings',
  testConnection: 'onTestConnection',
  confirmBinding: 'onConfirmBinding',
  /** Also "Continue" after a run that ran out of time: the next run resumes by re-planning. */
  syncNow: 'onSyncNow',
  refreshMappings: 'onRefreshMappings',
  /** Opens the Columns card: what each header of the month tabs means, changeable (contract 8). */
  showColumns: 'onShowColumns',
  /** Stores the Columns card's choices in the binding (sync_bind) and shows the homepage again. */
  saveColumns: 'onSaveColumns',
  enableHourlySync: 'onEnableHourlySync',
  /** The time-driven trigger's handler, installed by name (ScriptApp.newTrigger), so checked like a callback. */
  hourlySync: 'onHourlySync',
} as const;

export type ActionKey = keyof typeof ACTIONS;
export type ActionFunctionName = (typeof ACTIONS)[ActionKey];

/** Form field names the cards set and the entry points read. */
export const FIELDS = {
  restUrl: 'rest_url',
  publishableKey: 'publishable_key',
  syncToken: 'sync_token',
  providerCode: 'provider_code',
  defaultLocationCode: 'default_location_code',
} as const;

/** The Columns card's dropdowns are named by position (`column_0`, …): a header may hold any character. */
export function columnField(index: number): string {
  return `column_${index}`;
}

/** Action parameter names (strings only). */
export const PARAMS = {
  columnOverrides: 'column_overrides',
  /** The Columns card's headers in dropdown order, each with what detection alone makes of it (JSON). */
  columnChoices: 'column_choices',
} as const;
