// The small ports the core sync loop needs, for a Node process that runs it once (npm run sync, benchmarks):
// a workbook already read from disk as the SheetSource, an in-memory KeyValueStore (nothing outlives the
// command: the server, not local memory, decides what is unchanged — contract 4), a blocking Sleeper for the
// synchronous PostgREST client's retries, and the wall clock.
import type { Clock, KeyValueStore, SheetSource, SheetTab, Sleeper, Workbook } from '../../src/core/ports';

export function workbookSheetSource(workbook: Workbook): SheetSource & { reads: () => number } {
  let reads = 0;
  return {
    describe: () => ({
      spreadsheetId: workbook.spreadsheetId,
      title: workbook.title,
      timeZone: workbook.timeZone,
      tabs: workbook.tabs.map((t) => ({ name: t.name, sheetId: t.sheetId })),
    }),
    read(tabNames: string[]): SheetTab[] {
      reads++;
      const wanted = new Set(tabNames);
      return workbook.tabs.filter((t) => wanted.has(t.name));
    },
    reads: () => reads,
  };
}

export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    delete: (k) => void data.delete(k),
    getAll: () => Object.fromEntries(data),
    setAll: (values) => {
      for (const [k, v] of Object.entries(values)) data.set(k, v);
    },
  };
}

/** Blocks the thread, like Utilities.sleep: the client is synchronous, so nothing else should run meanwhile. */
export const blockingSleeper: Sleeper = {
  sleep(ms: number): void {
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
};

export const systemClock: Clock = { now: () => Date.now() };
