// "Sync every hour" and the hourly trigger in the built add-on against the real stack: the card enrols the
// spreadsheet, installs ONE trigger and asks for the file's grant; the trigger then runs in trigger context (no
// active spreadsheet) and reads the granted file through Sheets batchGet. Assertions on the DATABASE.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import { fixtureSeeds } from './support/fixture-seeds';
import { confirmDefaults, createSharedState, dbDays, runs, startSyncStack, type SyncStack } from './support/sync-stack';

let stack: SyncStack;
let adriane: SpreadsheetSeed;

beforeAll(async () => {
  stack = await startSyncStack();
  ({ adriane } = await fixtureSeeds());
});
afterAll(() => stack?.stop());

function enrolled() {
  const shared = createSharedState();
  const card = stack.user({ seed: adriane, sharedState: shared });
  if (card.homepage().text.includes('Confirm and save')) confirmDefaults(card); // the binding outlives this user's state
  const home = card.homepage();
  const pressed = card.press(home.data, 'Sync every hour');
  const trigger = stack.user({ seed: null, sharedState: shared, context: 'trigger', spreadsheets: [adriane], driveFileGrants: [adriane.id], configure: false });
  return { shared, card, pressed, trigger };
}

describe('Sync every hour', () => {
  test('given a bound sheet without the file grant, when pressed, then it enrols the sheet, installs one hourly trigger and asks for this file’s grant', () => {
    const { shared, card, pressed } = enrolled();
    expect(pressed.data).toEqual({ kind: 'EditorFileScopeActionResponse', requestFileScopeForActiveDocument: true });
    expect(shared.triggers.map((t) => [t.handlerFunction, t.eventType, t.intervalMs])).toEqual([['onHourlySync', 'CLOCK', 3_600_000]]);
    // Once on, the card no longer offers it; asked again (from another device, with the grant now): still one trigger.
    expect(card.homepage().text).toContain('Hourly sync is on for this spreadsheet.');
    card.hasFileScope = true;
    const again = card.click('onEnableHourlySync');
    expect(again.notification).toBe('Production Sync: this spreadsheet now syncs every hour.');
    expect(shared.triggers).toHaveLength(1);
  });

  test('when the hour comes, then the trigger syncs the enrolled sheet through batchGet, with no active spreadsheet, and records the run as hourly', async () => {
    const { trigger } = enrolled();
    trigger.runtime.resetCallCounts();
    stack.clock.advance(3_600_000);
    const fired = trigger.runtime.fireDueTriggers(trigger.bundle);
    expect(fired.map((f) => [f.handlerFunction, f.ok])).toEqual([['onHourlySync', true]]);
    const counts = trigger.runtime.callCounts() as Record<string, number>;
    expect(counts['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
    expect(counts['SpreadsheetApp.getActiveSpreadsheet'] ?? 0).toBe(0);
    const days = (await dbDays(stack.db)).filter((d) => d.provider_code === 'adriane_fontenot');
    expect(days).toHaveLength(15);
    expect(days[0]).toMatchObject({ location_code: 'BAYTOWN_MAIN', work_date: '2023-12-04', verified_production: '177.12', hours_worked: '5.49', source_tab: 'Dec-23', source_row: 3 });
    expect((await runs(stack.db)).filter((r) => r.trigger === 'hourly').map((r) => [r.spreadsheet_id, r.status, r.written])).toEqual([[adriane.id, 'success', 15]]);
  });

  test('given the user’s authorisation lapsed, when the trigger fires, then it does nothing at all', async () => {
    const shared = createSharedState();
    const card = stack.user({ seed: adriane, sharedState: shared, email: 'cy@kamdental.example' });
    card.press(card.homepage().data, 'Sync every hour');
    const trigger = stack.user({ seed: null, sharedState: shared, email: 'cy@kamdental.example', context: 'trigger', spreadsheets: [adriane], driveFileGrants: [adriane.id], configure: false, authorization: 'REQUIRED' });
    const before = (await runs(stack.db)).length;
    stack.clock.advance(3_600_000);
    expect(trigger.runtime.fireDueTriggers(trigger.bundle).map((f) => f.ok)).toEqual([true]);
    expect(trigger.runtime.urlFetch.calls).toEqual([]);
    expect(trigger.runtime.consoleEntries.map((e) => e.message)).toEqual(['hourly: the add-on needs re-authorisation by this user; nothing was done']);
    expect((await runs(stack.db)).length).toBe(before);
  });
});
