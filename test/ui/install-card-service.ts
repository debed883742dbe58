// Cards call the global CardService, as in Apps Script; unit tests give them the recording fake.
import { createCardServiceFake } from '../../tools/gas-runtime/card-service';

export function installCardService(): void {
  (globalThis as Record<string, unknown>).CardService = createCardServiceFake();
}
