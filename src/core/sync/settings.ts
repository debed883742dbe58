// Connection settings: REST URL, publishable key, sync token. They live in the USER store only: script properties
// are shared by every user of a published add-on (DESIGN limits table, security model). Nothing here is logged;
// `redactSecrets` is applied to every message that can reach a log, a run record or a card.
import type { KeyValueStore } from '../ports';
import { redact, REDACTED } from '../postgrest/redact';
import { STORE_KEYS } from './store-keys';

export interface ConnectionSettings {
  /** Normalised: `https://<ref>.supabase.co/rest/v1`, no trailing slash. */
  restUrl: string;
  publishableKey: string;
  syncToken: string;
}

export type SettingsField = 'restUrl' | 'publishableKey' | 'syncToken';

export type SettingsProblemCode =
  | 'URL_EMPTY'
  | 'URL_INVALID'
  | 'URL_NOT_HTTPS'
  | 'URL_NOT_WHITELISTED'
  | 'URL_LOCAL_NOT_ALLOWED'
  | 'KEY_EMPTY'
  | 'KEY_SECRET'
  | 'KEY_SERVICE_ROLE'
  | 'KEY_UNKNOWN_FORMAT'
  | 'TOKEN_EMPTY'
  | 'TOKEN_LOOKS_LIKE_KEY'
  | 'TOKEN_INVALID_FORMAT';

export interface SettingsProblem {
  field: SettingsField;
  code: SettingsProblemCode;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: SettingsProblem };

export interface UrlOptions {
  /** Accept http://127.0.0.1 and http://localhost (the local stack). Only ever set by dev tools and tests. */
  allowLocal?: boolean;
  /** The manifest's urlFetchWhitelist; a URL settings accept must match one of these. */
  whitelist?: readonly string[];
}

/** Must equal appsscript.json's urlFetchWhitelist: UrlFetchApp refuses anything else in a published add-on. */
export const URL_FETCH_WHITELIST: readonly string[] = ['https://*.supabase.co/rest/v1/'];

const REST_PATH = '/rest/v1';

export function validateRestUrl(input: string, options: UrlOptions = {}): Checked<string> {
  const fail = (code: SettingsProblemCode, message: string): Checked<string> => ({ ok: false, problem: { field: 'restUrl', code, message } });
  const text = String(input ?? '').trim();
  if (text === '') return fail('URL_EMPTY', 'Enter the Supabase REST URL (https://<project-ref>.supabase.co/rest/v1).');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(text);
  if (!m) return fail('URL_INVALID', 'That is not a URL: expected https://<project-ref>.supabase.co/rest/v1.');
  const scheme = m[1].toLowerCase();
  const authority = m[2].toLowerCase();
  let path = m[3].replace(/\/+$/, '');
  if (m[4] || m[5] || authority.includes('@'))
    return fail('URL_INVALID', 'The REST URL must not carry a query, a fragment or a user name: expected https://<project-ref>.supabase.co/rest/v1.');
  if (path === '') path = REST_PATH; // the project URL: the REST endpoint lives under it
  if (path !== REST_PATH) return fail('URL_INVALID', `The REST URL must end in ${REST_PATH} (got path '${m[3]}').`);

  const local = /^(127\.0\.0\.1|localhost)(:\d{1,5})?$/.test(authority);
  if (local) {
    if (!options.allowLocal) return fail('URL_LOCAL_NOT_ALLOWED', 'A local URL (127.0.0.1/localhost) is only accepted by the development tools.');
    if (scheme !== 'http' && scheme !== 'https') return fail('URL_INVALID', 'The REST URL must start with http:// or https://.');
    return { ok: true, value: `${scheme}://${authority}${REST_PATH}` };
  }
  if (scheme !== 'https') return fail('URL_NOT_HTTPS', 'The REST URL must start with https:// (the key and token travel with every call).');
  const url = `https://${authority}${REST_PATH}`;
  const whitelist = options.whitelist ?? URL_FETCH_WHITELIST;
  if (!whitelist.some((pattern) => matchesWhitelist(`${url}/`, pattern)))
    return fail('URL_NOT_WHITELISTED', `The add-on may only call ${whitelist.join(' or ')}: use your project's https://<project-ref>.supabase.co URL.`);
  return { ok: true, value: url };
}

/** urlFetchWhitelist semantics: a prefix match, where `*` stands for exactly one host label. */
export function matchesWhitelist(url: string, pattern: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?');
  return new RegExp(`^${escaped}`, 'i').test(url);
}

export function validatePublishableKey(input: string): Checked<string> {
  const fail = (code: SettingsProblemCode, message: string): Checked<string> => ({ ok: false, problem: { field: 'publishableKey', code, message } });
  const key = String(input ?? '').trim();
  if (key === '') return fail('KEY_EMPTY', 'Enter the project publishable key (sb_publishable_…).');
  if (/^sb_secret_/.test(key))
    return fail('KEY_SECRET', 'That is a secret key (sb_secret_…): it bypasses row-level security and must never be put in an add-on. It was not saved. Paste the publishable key (sb_publishable_…) instead.');
  if (/^sb_publishable_[A-Za-z0-9_-]{8,}$/.test(key)) return { ok: true, value: key };
  const role = jwtRole(key);
  if (role === 'anon') return { ok: true, value: key };
  if (role === 'service_role')
    return fail('KEY_SERVICE_ROLE', 'That is the service_role key: it bypasses row-level security and must never be put in an add-on. It was not saved. Paste the publishable key (sb_publishable_…) or the legacy anon key instead.');
  if (role !== null) return fail('KEY_UNKNOWN_FORMAT', `That key is for role '${role}': paste the publishable key (sb_publishable_…) or the legacy anon key.`);
  return fail('KEY_UNKNOWN_FORMAT', 'That does not look like a Supabase publishable key (sb_publishable_…) or a legacy anon key.');
}

export function validateSyncToken(input: string): Checked<string> {
  const fail = (code: SettingsProblemCode, message: string): Checked<string> => ({ ok: false, problem: { field: 'syncToken', code, message } });
  const token = String(input ?? '').trim();
  if (token === '') return fail('TOKEN_EMPTY', 'Enter the sync token your administrator gave you.');
  if (/^sb_(secret|publishable)_/.test(token) || jwtRole(token) !== null)
    return fail('TOKEN_LOOKS_LIKE_KEY', 'That is a Supabase key, not a sync token: the token comes from your administrator (npm run token).');
  if (!/^[A-Za-z0-9_.~-]{20,256}$/.test(token))
    return fail('TOKEN_INVALID_FORMAT', 'That does not look like a sync token (20 to 256 letters, digits, - _ . ~, no spaces).');
  return { ok: true, value: token };
}

export function validateSettings(
  input: { restUrl: string; publishableKey: string; syncToken: string },
  options: UrlOptions = {},
): { ok: true; settings: ConnectionSettings } | { ok: false; problems: SettingsProblem[] } {
  const url = validateRestUrl(input.restUrl, options);
  const key = validatePublishableKey(input.publishableKey);
  const token = validateSyncToken(input.syncToken);
  if (url.ok && key.ok && token.ok) return { ok: true, settings: { restUrl: url.value, publishableKey: key.value, syncToken: token.value } };
  return { ok: false, problems: [url, key, token].flatMap((c) => (c.ok ? [] : [c.problem])) };
}

/** Validates, then writes all three in ONE setAll on the user store. Nothing is written when any is invalid. */
export function saveSettings(
  userStore: KeyValueStore,
  input: { restUrl: string; publishableKey: string; syncToken: string },
  options: UrlOptions = {},
): { ok: true; settings: ConnectionSettings } | { ok: false; problems: SettingsProblem[] } {
  const checked = validateSettings(input, options);
  if (checked.ok)
    userStore.setAll({
      [STORE_KEYS.restUrl]: checked.settings.restUrl,
      [STORE_KEYS.publishableKey]: checked.settings.publishableKey,
      [STORE_KEYS.syncToken]: checked.settings.syncToken,
    });
  return checked;
}

/** Null when any of the three is missing (first run, or cleared). One getAll. */
export function loadSettings(userStore: KeyValueStore): ConnectionSettings | null {
  const all = userStore.getAll();
  const restUrl = all[STORE_KEYS.restUrl];
  const publishableKey = all[STORE_KEYS.publishableKey];
  const syncToken = all[STORE_KEYS.syncToken];
  return restUrl && publishableKey && syncToken ? { restUrl, publishableKey, syncToken } : null;
}

export function clearSettings(userStore: KeyValueStore): void {
  userStore.delete(STORE_KEYS.restUrl);
  userStore.delete(STORE_KEYS.publishableKey);
  userStore.delete(STORE_KEYS.syncToken);
}

/** What a card may show of a secret: its kind and last four characters. */
export function maskSecret(value: string): string {
  const v = value.trim();
  const kind = /^sb_publishable_/.test(v) ? 'sb_publishable_' : /^eyJ/.test(v) ? 'eyJ' : '';
  return v.length >= 16 ? `${kind}…${v.slice(-4)}` : '…';
}

/**
 * Removes the given secrets, and anything shaped like a Supabase key or JWT, from text bound for a log, a run
 * record or a card. Applied to messages built from server answers too: an error body may echo what was sent.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  return redact(String(text), secrets.filter((s): s is string => !!s))
    .replace(/sb_(secret|publishable)_[A-Za-z0-9_-]+/g, REDACTED)
    .replace(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, REDACTED);
}

/** The `role` claim of a JWT-shaped string, or null when it is not a readable JWT. */
export function jwtRole(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 3 || !/^eyJ/.test(parts[0])) return null;
  const payload = base64UrlDecodeUtf8(parts[1]);
  if (payload === null) return null;
  try {
    const claims = JSON.parse(payload) as { role?: unknown };
    return typeof claims.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}

// Core may not use Utilities.base64Decode, and Apps Script's V8 has no atob: a small decoder.
function base64UrlDecodeUtf8(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    buffer = (buffer << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (extra < 0 || i + extra > bytes.length - 1) return null; // not UTF-8, or cut short
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}
