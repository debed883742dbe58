// One getAll per run, however many keys the run reads: PropertiesService calls are slow and counted
// (STYLE practice 6, "a second directory read costs no property read"). Writes go straight through.
// Valid while the run holds the user lock: no other execution of this user writes the store meanwhile.
import type { KeyValueStore } from '../ports';

export class SnapshotStore implements KeyValueStore {
  private values: Record<string, string> | null = null;

  constructor(private readonly inner: KeyValueStore) {}

  private load(): Record<string, string> {
    if (this.values === null) this.values = { ...this.inner.getAll() };
    return this.values;
  }

  get(key: string): string | null {
    return this.load()[key] ?? null;
  }

  getAll(): Record<string, string> {
    return { ...this.load() };
  }

  set(key: string, value: string): void {
    this.inner.set(key, value);
    if (this.values) this.values[key] = value;
  }

  setAll(values: Record<string, string>): void {
    this.inner.setAll(values);
    if (this.values) Object.assign(this.values, values);
  }

  delete(key: string): void {
    this.inner.delete(key);
    if (this.values) delete this.values[key];
  }
}
