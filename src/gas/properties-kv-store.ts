// KeyValueStore over an Apps Script Properties object. getAll/setAll map to getProperties/setProperties so a run
// reads and writes its state in one call each (PropertiesService calls are slow and counted against a daily
// quota). The sync engine is only ever given the USER store: script properties are shared by every user of a
// published add-on (https://developers.google.com/apps-script/guides/properties), so secrets never go there.
import type { KeyValueStore } from '../core/ports';

/** The part of GoogleAppsScript.Properties.Properties used here; the real service and the runtime fake both fit. */
export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): unknown;
}

export interface PropertiesServiceLike {
  getUserProperties(): PropertiesLike;
}

export class PropertiesKvStore implements KeyValueStore {
  constructor(private readonly properties: PropertiesLike) {}

  get(key: string): string | null {
    const v = this.properties.getProperty(key);
    return v === undefined ? null : v;
  }

  set(key: string, value: string): void {
    this.properties.setProperty(key, value);
  }

  delete(key: string): void {
    this.properties.deleteProperty(key);
  }

  getAll(): Record<string, string> {
    // A copy from another realm under gas-local: rebuild it as a plain object of this realm.
    return { ...this.properties.getProperties() };
  }

  setAll(values: Record<string, string>): void {
    // deleteAllOthers stays false: the store also holds settings and other spreadsheets' entries.
    this.properties.setProperties(values, false);
  }
}

/** The one store the sync engine gets: this user's properties. */
export function userPropertiesStore(service: PropertiesServiceLike): KeyValueStore {
  return new PropertiesKvStore(service.getUserProperties());
}
