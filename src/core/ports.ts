// Ports: core takes these as arguments; src/gas adapts Apps Script to them, tools/ and tests adapt Node.
import type { Grid } from './cell';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Several keys in one call (getProperties / setProperties on an Apps Script Properties store), to keep call counts low. */
  getAll(): Record<string, string>;
  setAll(values: Record<string, string>): void;
}

export interface HttpRequest {
  url: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  headers: Record<string, string>;
  body?: string; // JSON text
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Synchronous: Apps Script callbacks cannot be relied on to await Promises. Throws only on network failure. */
export interface HttpClient {
  fetch(request: HttpRequest): HttpResponse;
}

export interface SheetTab {
  name: string;
  sheetId: number;
  values: Grid;
}

export interface Workbook {
  spreadsheetId: string;
  title: string;
  timeZone: string;
  tabs: SheetTab[];
}

export interface SheetSource {
  /** Title, time zone and tab names without reading any values. */
  describe(): { spreadsheetId: string; title: string; timeZone: string; tabs: { name: string; sheetId: number }[] };
  /** Values of the named tabs, in as few platform calls as the adapter allows. */
  read(tabNames: string[]): SheetTab[];
}

export interface Clock {
  now(): number; // epoch ms
}

export interface Hasher {
  /** Lower-case hex SHA-256 of the UTF-8 bytes of text. */
  sha256Hex(text: string): string;
}

export interface Sleeper {
  sleep(ms: number): void;
}

export interface Logger {
  log(message: string): void;
}
