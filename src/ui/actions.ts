// The names Apps Script calls back when a user clicks a card button. Every `setFunctionName` reads this table,
// and test/bundle proves each name is a top-level function in dist/Code.js: a misspelt or renamed callback
// would otherwise fail only when a user clicks it ("Script function not found").
export const ACTIONS = {
  refreshHomepage: 'onRefreshHomepage',
  requestFileScope: 'onRequestFileScope',
  /** Also the manifest's universal action (appsscript.json addOns.common.universalActions). */
  openSettings: 'onOpenSettings',
} as const;

export type ActionKey = keyof typeof ACTIONS;
export type ActionFunctionName = (typeof ACTIONS)[ActionKey];
