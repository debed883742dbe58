// JSON spread over several store entries, each under the PropertiesService entry limit, with a manifest entry
// (version, chunk count, checksum) so a torn or stale write reads as a miss, never as wrong data.
// The documented limit is "9 KB / val" (developers.google.com/apps-script/guides/services/quotas); measurements
// (tanaikech, "Report: Specification of Properties Service", 2023) show the key's bytes count too and that values
// fail somewhat below 9,216 bytes. So the budget is UTF-8 BYTES of key + value, 8,000 by default.
import type { KeyValueStore } from '../ports';

export const DEFAULT_MAX_ENTRY_BYTES = 8000;

export interface ChunkManifest {
  v: 1;
  version: string; // what the payload is a version of (e.g. the directory version)
  chunks: number;
  bytes: number; // UTF-8 bytes of the whole JSON text
  checksum: string; // FNV-1a 32 of the JSON text
  saved_at: number;
}

export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits text so that bytes(key(i)) + bytes(chunk i) ≤ maxEntryBytes; never inside a code point. */
export function splitByBytes(text: string, keyFor: (index: number) => string, maxEntryBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let currentBytes = 0;
  let budget = maxEntryBytes - utf8Bytes(keyFor(0));
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (currentBytes + size > budget) {
      if (current === '') throw new Error(`chunk budget too small: key ${keyFor(chunks.length)} leaves ${budget} bytes`);
      chunks.push(current);
      current = '';
      currentBytes = 0;
      budget = maxEntryBytes - utf8Bytes(keyFor(chunks.length));
    }
    current += ch;
    currentBytes += size;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface ChunkKeys {
  manifest: string;
  chunk: (index: number) => string;
}

/** ONE setAll for the manifest and every chunk; deletes only chunks a previous, longer write left behind. */
export function writeChunkedJson(
  store: KeyValueStore,
  keys: ChunkKeys,
  version: string,
  value: unknown,
  now: number,
  maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES,
  previous: ChunkManifest | null = null,
): ChunkManifest {
  const text = JSON.stringify(value);
  const chunks = splitByBytes(text, keys.chunk, maxEntryBytes);
  const manifest: ChunkManifest = { v: 1, version, chunks: chunks.length, bytes: utf8Bytes(text), checksum: fnv1a(text), saved_at: now };
  const entries: Record<string, string> = { [keys.manifest]: JSON.stringify(manifest) };
  chunks.forEach((c, i) => (entries[keys.chunk(i)] = c));
  store.setAll(entries);
  for (let i = chunks.length; previous && i < previous.chunks; i++) store.delete(keys.chunk(i));
  return manifest;
}

export function readManifest(all: Record<string, string>, keys: ChunkKeys): ChunkManifest | null {
  const raw = all[keys.manifest];
  if (!raw) return null;
  try {
    const m = JSON.parse(raw) as ChunkManifest;
    return m && m.v === 1 && typeof m.version === 'string' && Number.isInteger(m.chunks) && typeof m.checksum === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** Null on any inconsistency (missing chunk, checksum mismatch, bad JSON): the caller refetches. */
export function readChunkedJson<T>(all: Record<string, string>, keys: ChunkKeys): { manifest: ChunkManifest; value: T } | null {
  const manifest = readManifest(all, keys);
  if (!manifest) return null;
  let text = '';
  for (let i = 0; i < manifest.chunks; i++) {
    const c = all[keys.chunk(i)];
    if (c === undefined) return null;
    text += c;
  }
  if (fnv1a(text) !== manifest.checksum) return null;
  try {
    return { manifest, value: JSON.parse(text) as T };
  } catch {
    return null;
  }
}
