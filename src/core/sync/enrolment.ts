// The spreadsheets a user enrolled for the hourly background sync, in the User store. A trigger has no active
// document (DESIGN "Reading the sheet"), so this list is how the hourly run knows what to visit. Each entry
// remembers its last visit so a run that cannot visit everything starts next hour with the ones it missed.
import type { KeyValueStore } from '../ports';
import { utf8Bytes, DEFAULT_MAX_ENTRY_BYTES } from './chunked-json';
import { STORE_KEYS } from './store-keys';

export interface Enrolment {
  spreadsheet_id: string;
  title: string;
  enrolled_at: string; // ISO
  last_visited_at: string | null;
}

export const MAX_ENROLLED = 40;

export function listEnrolled(store: KeyValueStore): Enrolment[] {
  const raw = store.get(STORE_KEYS.enrolled);
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as Enrolment[];
    return Array.isArray(list) ? list.filter((e) => e && typeof e.spreadsheet_id === 'string') : [];
  } catch {
    return [];
  }
}

export function isEnrolled(store: KeyValueStore, spreadsheetId: string): boolean {
  return listEnrolled(store).some((e) => e.spreadsheet_id === spreadsheetId);
}

export type EnrolResult = { ok: true; enrolled: Enrolment[] } | { ok: false; message: string };

export function enrol(store: KeyValueStore, spreadsheetId: string, title: string, nowIso: string): EnrolResult {
  const list = listEnrolled(store);
  const existing = list.find((e) => e.spreadsheet_id === spreadsheetId);
  if (existing) {
    existing.title = shortTitle(title);
    return write(store, list);
  }
  if (list.length >= MAX_ENROLLED)
    return { ok: false, message: `At most ${MAX_ENROLLED} spreadsheets can sync in the background; remove one first.` };
  return write(store, [...list, { spreadsheet_id: spreadsheetId, title: shortTitle(title), enrolled_at: nowIso, last_visited_at: null }]);
}

export function unenrol(store: KeyValueStore, spreadsheetId: string): Enrolment[] {
  const list = listEnrolled(store).filter((e) => e.spreadsheet_id !== spreadsheetId);
  if (list.length === 0) store.delete(STORE_KEYS.enrolled);
  else write(store, list);
  return list;
}

export function markVisited(store: KeyValueStore, spreadsheetId: string, nowIso: string): void {
  const list = listEnrolled(store);
  const e = list.find((x) => x.spreadsheet_id === spreadsheetId);
  if (!e) return;
  e.last_visited_at = nowIso;
  write(store, list);
}

/** Least recently visited first; never visited first of all. */
export function visitOrder(list: readonly Enrolment[]): Enrolment[] {
  return [...list].sort((a, b) => (a.last_visited_at ?? '').localeCompare(b.last_visited_at ?? '') || a.enrolled_at.localeCompare(b.enrolled_at));
}

function write(store: KeyValueStore, list: Enrolment[]): EnrolResult {
  const text = JSON.stringify(list);
  if (utf8Bytes(STORE_KEYS.enrolled) + utf8Bytes(text) > DEFAULT_MAX_ENTRY_BYTES)
    return { ok: false, message: 'The list of background-synced spreadsheets is full; remove one first.' };
  store.set(STORE_KEYS.enrolled, text);
  return { ok: true, enrolled: list };
}

function shortTitle(title: string): string {
  const t = String(title ?? '').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
