// The Columns card (contract 8, saved overrides) in the BUILT add-on against the real stack: a header's meaning
// changed through the card is stored in the binding (sync_bind), shown on the homepage, and decides the next
// sync's database rows; choosing detection's meaning again removes the saved choice.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import type { CardData } from '../../tools/gas-runtime/card-service';
import type { AddonSession } from '../../tools/lib/addon-session';
import { sql } from '../support/db';
import { fixtureSeeds } from './support/fixture-seeds';
import { confirmDefaults, dbDays, startSyncStack, type SyncStack } from './support/sync-stack';

let stack: SyncStack;
let obi: SpreadsheetSeed;

beforeAll(async () => {
  stack = await startSyncStack();
  ({ obi } = await fixtureSeeds());
});
afterAll(() => stack?.stop());

const BAYTOWN_HEADER = 'Verified Production (Billing Department Only) Baytown';

function dropdown(card: CardData, titleStart: string): { name: string; items: { text: string; value: string; selected: boolean }[] } {
  const widgets = ((card.sections as CardData[]) ?? []).flatMap((s) => (s.widgets as CardData[]) ?? []);
  const found = widgets.map((w) => w.selectionInput as CardData | undefined).find((d) => typeof d?.label === 'string' && d.label.startsWith(titleStart));
  if (!found) throw new Error(`no dropdown '${titleStart}'`);
  return found as never;
}

const obiDays = async () => (await dbDays(stack.db)).filter((d) => d.provider_code === 'obinna_ezeji');
const overrides = async () => (await sql(stack.db, 'select column_overrides from public.sync_bindings where spreadsheet_id = $1', [obi.id]))[0]?.column_overrides;

describe('the Columns card', () => {
  let user: AddonSession;

  test('given a bound sheet, then the homepage opens a card with one dropdown per header, each saying what it can mean', () => {
    user = stack.user({ seed: obi });
    confirmDefaults(user);
    expect(user.click('onSyncNow').notification).toBe('Production Sync: 60 row(s) written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted.');
    const opened = user.press(user.homepage().data, 'Change what a column means');
    expect((opened.card!.header as CardData).title).toBe('Columns');
    const baytown = dropdown(opened.card!, BAYTOWN_HEADER);
    expect(baytown.items.filter((i) => i.selected).map((i) => i.text)).toEqual(['Day: verified production at Baytown']);
    expect(baytown.items.map((i) => i.value)).toEqual(expect.arrayContaining(['location:HUMBLE_MAIN', 'location:BAYTOWN_MAIN', 'note', 'ignore']));
    expect(dropdown(opened.card!, 'Total Production').items.find((i) => i.selected)?.text).toBe('Month figure: total production');
    expect(opened.text).toContain(`${BAYTOWN_HEADER}:\n     ( ) Day: the day (date)`);
    if (process.env.SHOW_CARDS) console.log(opened.text);
  });

  test('given the Baytown column set to "Not used" and saved, then the binding stores it by normalised header and the next sync writes Humble rows only', async () => {
    const card = user.press(user.homepage().data, 'Change what a column means').card!;
    const saved = user.press(card, 'Save', { [dropdown(card, BAYTOWN_HEADER).name]: 'ignore' });
    expect(saved.notification).toBe('Production Sync: columns saved (1 column set by hand).');
    expect((saved.card!.header as CardData).title).toBe('Production Sync'); // back on the homepage
    expect(saved.text).toContain(`• ${BAYTOWN_HEADER} → not used (set by hand)`);
    expect(saved.text).toContain('1 column set by hand (saved for every month tab).');
    expect(await overrides()).toEqual({ 'verified production (billing department only) baytown': 'ignore' });

    const synced = user.click('onSyncNow');
    expect(synced.notification).toMatch(/^Production Sync: 0 row\(s\) written, 30 unchanged, 0 skipped, 0 rejected, 30 deleted\./);
    const days = await obiDays();
    expect([...new Set(days.map((d) => d.location_code))]).toEqual(['HUMBLE_MAIN']);
    expect(days).toHaveLength(30);
  });

  test('given detection’s meaning chosen again, then the saved choice is removed and the Baytown rows come back', async () => {
    const card = user.press(user.homepage().data, 'Change what a column means').card!;
    const baytown = dropdown(card, BAYTOWN_HEADER);
    expect(baytown.items.filter((i) => i.selected).map((i) => i.value)).toEqual(['ignore']);
    const saved = user.press(card, 'Save', { [baytown.name]: 'location:BAYTOWN_MAIN' });
    expect(saved.notification).toBe('Production Sync: columns saved (0 columns set by hand).');
    expect(await overrides()).toEqual({});
    expect(user.click('onSyncNow').notification).toMatch(/^Production Sync: 30 row\(s\) written, 30 unchanged,/);
    expect(await obiDays()).toHaveLength(60);
  });
});
