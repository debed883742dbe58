// Every key the sync engine writes to the User store, in one place so none collide and tests can name them.
// User properties hold one user's settings and state; script properties are shared by ALL users of a published
// add-on (DESIGN limits table) and are never used for any of this.

export const STORE_KEYS = {
  restUrl: 'ps.settings.rest_url',
  publishableKey: 'ps.settings.publishable_key',
  syncToken: 'ps.settings.sync_token',
  enrolled: 'ps.enrolled',
  mappingPrefix: 'ps.map.', // ps.map.<spreadsheetId>.m (manifest) and .0, .1, … (chunks)
  checkpointPrefix: 'ps.ckpt.', // ps.ckpt.<spreadsheetId>
} as const;

export function mappingManifestKey(spreadsheetId: string): string {
  return `${STORE_KEYS.mappingPrefix}${spreadsheetId}.m`;
}

export function mappingChunkKey(spreadsheetId: string, index: number): string {
  return `${STORE_KEYS.mappingPrefix}${spreadsheetId}.${index}`;
}

export function checkpointKey(spreadsheetId: string): string {
  return `${STORE_KEYS.checkpointPrefix}${spreadsheetId}`;
}
