// The Sleeper port over Utilities.sleep (Apps Script has no timers: a synchronous sleep is the only way to back
// off between retries).
import type { Sleeper } from '../core/ports';

export interface SleepUtilitiesLike {
  sleep(milliseconds: number): void;
}

export class UtilitiesSleeper implements Sleeper {
  constructor(private readonly utilities: SleepUtilitiesLike) {}

  sleep(ms: number): void {
    if (ms > 0) this.utilities.sleep(Math.round(ms));
  }
}
