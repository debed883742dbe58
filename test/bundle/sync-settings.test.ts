// The settings card and the homepage's binding part in the built add-on against the real stack: what is stored
// where, what a secret key gets, how Test connection tells a bad URL, key, token and missing function apart, and
// how the homepage shows detection against the saved binding.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import { sql } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';
import { fixtureSeeds } from './support/fixture-seeds';
import { SETTINGS_URL, startSyncStack, type SyncStack } from './support/sync-stack';

let stack: SyncStack;
let obi: SpreadsheetSeed;
let adriane: SpreadsheetSeed;

beforeAll(async () => {
  stack = await startSyncStack();
  ({ obi, adriane } = await fixtureSeeds());
});
afterAll(() => stack?.stop());
beforeEach(() => {
  stack.hook = null;
});

const userProps = (user: ReturnType<SyncStack['user']>, email = 'ann@kamdental.example') => Object.fromEntries(user.runtime.sharedState.propertyStores.get(`user:${email}`) ?? new Map());

describe('the settings card', () => {
  test('given the three settings saved, then they are in User properties only, and the card shows the URL but never the key or token', () => {
    const user = stack.user({ seed: obi });
    expect(userProps(user)).toEqual({
      'ps.settings.rest_url': SETTINGS_URL,
      'ps.settings.publishable_key': stack.publishableKey,
      'ps.settings.sync_token': DEMO_TOKEN,
    });
    const card = user.click('onOpenSettings').text;
    expect(card).toContain(`Supabase REST URL: [${SETTINGS_URL}]`);
    expect(card).toContain('Publishable key (saved ••••): []');
    expect(card).toContain('Sync token (saved ••••): []');
    expect(card).not.toContain(stack.publishableKey);
    expect(card).not.toContain(DEMO_TOKEN);
  });

  test('given empty key and token inputs on Save, then the saved ones are kept', () => {
    const user = stack.user({ seed: obi });
    const saved = user.click('onSaveSettings', { rest_url: 'https://practice-test.supabase.co' });
    expect(saved.notification).toBe('Production Sync: settings saved.');
    expect(userProps(user)['ps.settings.sync_token']).toBe(DEMO_TOKEN);
  });

  test.each([
    ['a secret key', 'sb_secret_abcdefghijklmnop1234', 'That is a secret key (sb_secret_…): it bypasses row-level security and must never be put in an add-on. It was not saved.'],
    [
      'a service_role JWT',
      `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"role":"service_role"}').toString('base64url')}.c2lnbmF0dXJl`,
      'That is the service_role key: it bypasses row-level security and must never be put in an add-on. It was not saved.',
    ],
  ])('given %s pasted as the publishable key, then nothing is saved and the card says why', (_name, key, message) => {
    const user = stack.user({ seed: obi, email: 'dee@kamdental.example', configure: false });
    const refused = user.click('onSaveSettings', { rest_url: SETTINGS_URL, publishable_key: key, sync_token: DEMO_TOKEN });
    expect(refused.notification).toBe('Production Sync: settings not saved.');
    expect(refused.text).toContain(message);
    expect(refused.text).not.toContain(key);
    expect(userProps(user, 'dee@kamdental.example')).toEqual({});
  });
});

describe('Test connection', () => {
  test('given working settings, then it names the practice and the token’s scope', () => {
    const tested = stack.user({ seed: obi }).click('onTestConnection');
    expect(tested.notification).toBe('Production Sync: connected.');
    expect(tested.text).toContain('Connected to Kam Dental: 5 providers, 2 offices; the token covers all providers.');
  });

  test.each([
    ['a key the gateway does not know', { publishable_key: 'sb_publishable_notthekey12345678' }, 'The publishable key was refused by Supabase (HTTP 401): check Settings → Publishable key'],
    ['a token the database does not know', { sync_token: 'pst_not_a_token_anyone_made_1234' }, 'The sync token was refused: paste the token your administrator made for this spreadsheet into Settings → Sync token.'],
  ])('given %s, then it says which setting is wrong', (_name, form, message) => {
    const tested = stack.user({ seed: obi }).click('onTestConnection', form);
    expect(tested.notification).toBe('Production Sync: connection failed.');
    expect(tested.text).toContain(message);
  });

  test('given a URL that answers like a web page, not a REST endpoint, then it says the URL is wrong', () => {
    stack.hook = () => ({ status: 404, headers: { 'Content-Type': 'text/html' }, body: '<!doctype html><title>Not Found</title>' });
    const tested = stack.user({ seed: obi }).click('onTestConnection');
    expect(tested.text).toContain('The Supabase URL does not look like a Supabase REST endpoint (HTTP 404): check Settings → Supabase URL');
  });
});

describe('the homepage once settings exist', () => {
  test('given the hygiene export, then it shows detection with its confidence, the columns per office and field, the totals check, and asks for the office', () => {
    const home = stack.user({ seed: adriane }).homepage().text;
    expect(home).toContain("Detected provider: Adriane Fontenot\n     medium confidence, matched 'adriane'");
    expect(home).toContain("The sheet looks like Adriane Fontenot's, but not certainly (matched 'adriane'): confirm.");
    expect(home).toContain('Office (hygiene sheets have no office column):\n     (x) Baytown');
    expect(home).toContain('Dec-23 (15 rows) · hygienist layout\n   Day columns\n   • Date → the day (date)\n   • Hours Worked → hours worked\n');
    expect(home).toContain('• Verified Production → verified production\n');
    expect(home).toContain('Month figures\n   • Total Bonus → total bonus\n');
    expect(home).toContain("-- The sheet's own totals --\n   ✓ Dec-23 · all offices · production $12,487.62 — day rows match the sheet's total\n   ✓ Dec-23 · all offices · hours 104.73 h — day rows match the sheet's total\n");
    expect(home).toContain('[Confirm and save → onConfirmBinding]');
    expect(home).not.toContain('[Sync now → onSyncNow]');
  });

  test('given the Obi sheet bound to another dentist, then the homepage says detection differs and offers to confirm again', async () => {
    const user = stack.user({ seed: obi });
    const home = user.homepage();
    const bound = user.press(home.data, 'Confirm and save', { provider_code: 'kamdi_irondi' });
    expect(bound.notification).toBe('Production Sync: binding saved.');
    expect(bound.text).toContain(
      "Detection says Dr. Obinna Ezeji, the saved binding says Dr. Kamdi Irondi: confirm who this sheet belongs to. Until then, a sync sends the rows as Dr. Kamdi Irondi's.",
    );
    expect(bound.text).toContain('[Confirm and save → onConfirmBinding]');
    expect(await sql(stack.db, 'select provider_code from public.sync_bindings where spreadsheet_id = $1', [obi.id])).toEqual([{ provider_code: 'kamdi_irondi' }]);
    const fixed = user.press(bound.card!, 'Confirm and save', { provider_code: 'obinna_ezeji' });
    expect(fixed.text).toContain('[Sync now → onSyncNow]');
    expect(fixed.text).not.toContain('Detection says');
    expect(await sql(stack.db, 'select provider_code from public.sync_bindings where spreadsheet_id = $1', [obi.id])).toEqual([{ provider_code: 'obinna_ezeji' }]);
  });
});

describe('a database without the add-on’s functions', () => {
  test('given sync_directory missing, then Test connection says the function is missing and to run the migrations', async () => {
    await sql(stack.db, 'drop function public.sync_directory(text, text)');
    const tested = stack.user({ seed: obi }).click('onTestConnection');
    expect(tested.text).toContain('The database has no function sync_directory (HTTP 404, PGRST202): run the migrations on this Supabase project');
  });
});
