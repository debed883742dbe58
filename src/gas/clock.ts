// The Clock port in Apps Script (and under gas-local, whose sandbox drives Date from the runtime's clock).
import type { Clock } from '../core/ports';

export const gasClock: Clock = { now: () => Date.now() };
