// Review of issue 13 ("record the run in sync_runs (rejects and the totals check included, as data)"): what the
// BUILT add-on's Sync now leaves in public.sync_runs, read from the database — counts, the totals check with both
// figures when the sheet's own total disagrees with its day rows, and the add-on version.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import { sql } from '../support/db';
import { fixtureSeeds, withCell } from '../bundle/support/fixture-seeds';
import { confirmDefaults, startSyncStack, type SyncStack } from '../bundle/support/sync-stack';

let stack: SyncStack;
let obi: SpreadsheetSeed;

beforeAll(async () => {
  stack = await startSyncStack();
  ({ obi } = await fixtureSeeds());
});
afterAll(() => stack?.stop());

interface TotalsEntry { tab: string; month: string; location_code: string | null; figure: string; sheet_value: string; rows_value: string; difference: string; status: string }
async function lastRun() {
  const [run] = await sql(
    stack.db,
    `select status, trigger, provider_code, written, unchanged, skipped, rejected, deleted, rejects, totals_check, addon_version, self_healed,
            token_id is not null as has_token, ended_at >= started_at as ordered
       from public.sync_runs order by recorded_at desc limit 1`,
  );
  return run as Record<string, unknown> & { totals_check: TotalsEntry[] };
}
const byPlace = (t: TotalsEntry[]) =>
  t.map((e) => [e.tab, e.month, e.location_code, e.figure, e.sheet_value, e.rows_value, e.status]).sort((a, b) => `${a[2]} ${a[3]}`.localeCompare(`${b[2]} ${b[3]}`));

describe('the run record the built add-on writes to sync_runs', () => {
  test('given the Obi export synced, then the run holds its counts and the sheet’s own totals check, all agreeing', async () => {
    const user = stack.user({ seed: obi });
    confirmDefaults(user);
    expect((user.click('onSyncNow').card!.header as { title: string }).title).toBe('Synced');
    const run = await lastRun();
    expect({ ...run, totals_check: undefined }).toEqual({
      status: 'success', trigger: 'manual', provider_code: 'obinna_ezeji',
      written: 60, unchanged: 0, skipped: 0, rejected: 0, deleted: 0, rejects: [],
      totals_check: undefined, addon_version: expect.stringMatching(/\S/), self_healed: false, has_token: true, ordered: true,
    });
    // The sheet's own totals against its day rows, and (database_*) what the database stores against the sheet.
    expect(byPlace(run.totals_check)).toEqual([
      ['Nov-24', '2024-11', 'BAYTOWN_MAIN', 'database_hours_worked', '0', '0', 'agree'],
      ['Nov-24', '2024-11', 'BAYTOWN_MAIN', 'database_verified_production', '31893.08', '31893.08', 'agree'],
      ['Nov-24', '2024-11', 'BAYTOWN_MAIN', 'verified_production', '31893.08', '31893.08', 'agree'],
      ['Nov-24', '2024-11', 'HUMBLE_MAIN', 'database_hours_worked', '0', '0', 'agree'],
      ['Nov-24', '2024-11', 'HUMBLE_MAIN', 'database_verified_production', '37673.95', '37673.95', 'agree'],
      ['Nov-24', '2024-11', 'HUMBLE_MAIN', 'verified_production', '37673.95', '37673.95', 'agree'],
      ['Nov-24', '2024-11', null, 'verified_production', '69567.03', '69567.03', 'agree'],
    ]);
  });

  test('given one amount edited so the sheet’s totals no longer add up, then the run records the mismatch with both figures and the difference', async () => {
    // Row 5 is Nov 4; column C is Humble's verified production (4,342.00 → 4,400.50): +58.50.
    const user = stack.user({ seed: withCell(obi, 'Nov-24', 5, 3, 4400.5) });
    user.click('onSyncNow');
    const run = await lastRun();
    expect([run.status, run.written, run.unchanged]).toEqual(['success', 1, 59]);
    const mismatched = run.totals_check.filter((e) => e.status !== 'agree');
    expect(mismatched.map((e) => [e.location_code, e.sheet_value, e.rows_value, e.difference, e.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['HUMBLE_MAIN', '37673.95', '37732.45', '58.5', 'mismatch'],
      [null, '69567.03', '69625.53', '58.5', 'mismatch'],
    ]);
  });
});
