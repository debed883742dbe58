// Everything the sync engine needs from Apps Script, assembled in one place for the entry points: the USER
// properties store (never script properties: they are shared by every user of a published add-on), the
// PostgREST client over UrlFetchApp, the digest hasher, the user lock, the clock, the sleeper and a console
// logger whose every line the engine has already redacted. Nothing here decides anything.
import type { KeyValueStore, Logger, SheetSource } from '../core/ports';
import { createPostgrestClient, type PostgrestClient } from '../core/postgrest/postgrest-client';
import { understandWorkbook } from '../core/sheet/understand-workbook';
import { createSyncApi, type SyncApi, type SyncDeps } from '../core/sync';
import { loadSettings, type ConnectionSettings } from '../core/sync/settings';
import { gasClock } from './clock';
import { userPropertiesStore } from './properties-kv-store';
import { UtilitiesSleeper } from './sleeper';
import { UrlFetchHttpClient, type UrlFetchLike } from './url-fetch-http-client';
import { GasUserLock } from './user-lock';
import { UtilitiesHasher } from './utilities-hasher';

/** Recorded with every run (sync_runs.addon_version). */
export const ADDON_VERSION = 'production-sync-addon/0.1.0';

export function userStore(): KeyValueStore {
  return userPropertiesStore(PropertiesService);
}

export function savedSettings(store: KeyValueStore): ConnectionSettings | null {
  return loadSettings(store);
}

/** Retries end by `deadline` (epoch ms), so a retry wait never outlives the card's or the trigger's budget. */
export function postgrestClient(settings: ConnectionSettings, deadline: number | null = null): PostgrestClient {
  return createPostgrestClient({
    restUrl: settings.restUrl,
    apiKey: settings.publishableKey,
    http: new UrlFetchHttpClient(UrlFetchApp as unknown as UrlFetchLike),
    sleeper: new UtilitiesSleeper(Utilities),
    clock: gasClock,
    retryDeadline: () => deadline,
  });
}

/** The sync RPCs with the user's token, for the calls a card makes outside a run (directory, bind, refresh). */
export function syncApi(settings: ConnectionSettings): SyncApi {
  return createSyncApi(postgrestClient(settings), settings.syncToken);
}

// Lines reach Cloud Logging; the engine redacts the token and key from each before it gets here.
export const consoleLogger: Logger = { log: (message) => console.log(message) };

/**
 * Who holds the server lease: Google's temporary per-user key (not the e-mail, which is personal data, and not
 * secret). The user lock keeps one user's own runs apart; the lease keeps different users apart.
 */
export function leaseHolder(): string {
  return `addon:${Session.getTemporaryActiveUserKey()}`;
}

export function syncDeps(settings: ConnectionSettings, store: KeyValueStore, source: SheetSource, deadline: number | null): SyncDeps {
  return { ...engineDeps(settings, store, deadline), source };
}

/** Everything a run needs but the sheet: the hourly run opens one source per enrolled spreadsheet. */
export function engineDeps(settings: ConnectionSettings, store: KeyValueStore, deadline: number | null): Omit<SyncDeps, 'source'> {
  return {
    api: postgrestClient(settings, deadline),
    token: settings.syncToken,
    store,
    understand: understandWorkbook,
    hasher: new UtilitiesHasher(Utilities),
    clock: gasClock,
    lock: new GasUserLock(LockService),
    holderId: leaseHolder(),
    addonVersion: ADDON_VERSION,
    logger: consoleLogger,
    secrets: [settings.publishableKey],
  };
}
