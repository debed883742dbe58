import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  URL_FETCH_WHITELIST,
  loadSettings,
  maskSecret,
  matchesWhitelist,
  redactSecrets,
  saveSettings,
  validatePublishableKey,
  validateRestUrl,
  validateSyncToken,
} from '../../../src/core/sync/settings';
import { STORE_KEYS } from '../../../src/core/sync/store-keys';
import { CountingStore } from './fakes';

// JWT-shaped test strings (unsigned; only the payload's role matters to validation).
const jwt = (payload: object) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;

describe('validateRestUrl', () => {
  test.each([
    ['https://abcdefghijklmnop.supabase.co/rest/v1', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
    ['https://abcdefghijklmnop.supabase.co/rest/v1/', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
    ['  https://ABCDEFGHIJKLMNOP.supabase.co  ', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateRestUrl(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'URL_EMPTY'],
    ['abcdefghijklmnop.supabase.co', 'URL_INVALID'],
    ['http://abcdefghijklmnop.supabase.co/rest/v1', 'URL_NOT_HTTPS'],
    ['https://evil.example.com/rest/v1', 'URL_NOT_WHITELISTED'],
    ['https://a.b.supabase.co/rest/v1', 'URL_NOT_WHITELISTED'],
    ['https://supabase.co.evil.com/rest/v1', 'URL_NOT_WHITELISTED'],
    ['https://abc.supabase.co/rest/v2', 'URL_INVALID'],
    ['https://abc.supabase.co/rest/v1?x=1', 'URL_INVALID'],
    ['https://user@abc.supabase.co/rest/v1', 'URL_INVALID'],
    ['http://127.0.0.1:54321/rest/v1', 'URL_LOCAL_NOT_ALLOWED'],
    ['http://localhost:3000', 'URL_LOCAL_NOT_ALLOWED'],
  ])('refuses %j with %s', (input, code) => {
    const r = validateRestUrl(input);
    expect(r.ok === false && r.problem.code).toBe(code);
  });

  test('accepts the local stack only with the dev flag', () => {
    expect(validateRestUrl('http://127.0.0.1:54321/rest/v1/', { allowLocal: true })).toEqual({ ok: true, value: 'http://127.0.0.1:54321/rest/v1' });
    expect(validateRestUrl('http://localhost:3000', { allowLocal: true })).toEqual({ ok: true, value: 'http://localhost:3000/rest/v1' });
  });

  test("the whitelist settings enforce is appsscript.json's urlFetchWhitelist", () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'appsscript.json'), 'utf8'));
    expect(URL_FETCH_WHITELIST).toEqual(manifest.urlFetchWhitelist);
  });

  test('every accepted production URL matches the manifest whitelist pattern', () => {
    const r = validateRestUrl('https://xyzxyzxyz.supabase.co');
    expect(r.ok && matchesWhitelist(`${r.value}/rpc/sync_plan`, 'https://*.supabase.co/rest/v1/')).toBe(true);
  });
});

describe('validatePublishableKey', () => {
  test('accepts a publishable key and a legacy anon JWT', () => {
    expect(validatePublishableKey('sb_publishable_AbC123_xyz-789QWE')).toEqual({ ok: true, value: 'sb_publishable_AbC123_xyz-789QWE' });
    const anon = jwt({ iss: 'supabase', role: 'anon' });
    expect(validatePublishableKey(anon)).toEqual({ ok: true, value: anon });
  });

  test('refuses a secret key with a message that says why and what to paste', () => {
    const r = validatePublishableKey('sb_secret_abcdefghijklmnop');
    expect(r).toEqual({
      ok: false,
      problem: {
        field: 'publishableKey',
        code: 'KEY_SECRET',
        message: 'That is a secret key (sb_secret_…): it bypasses row-level security and must never be put in an add-on. It was not saved. Paste the publishable key (sb_publishable_…) instead.',
      },
    });
  });

  test('refuses a service_role JWT', () => {
    const r = validatePublishableKey(jwt({ iss: 'supabase', role: 'service_role' }));
    expect(r.ok === false && r.problem.code).toBe('KEY_SERVICE_ROLE');
  });

  test.each([[''], ['hello'], [jwt({ role: 'authenticated' })]])('refuses %j as not a publishable key', (key) => {
    const r = validatePublishableKey(key);
    expect(r.ok).toBe(false);
  });
});

describe('validateSyncToken', () => {
  test('accepts the demo token shape', () => {
    expect(validateSyncToken(' pst_demo_LOCAL_STACK_ONLY_not_a_secret ')).toEqual({ ok: true, value: 'pst_demo_LOCAL_STACK_ONLY_not_a_secret' });
  });
  test.each([
    ['', 'TOKEN_EMPTY'],
    ['sb_publishable_AbC123_xyz-789QWE', 'TOKEN_LOOKS_LIKE_KEY'],
    [jwt({ role: 'anon' }), 'TOKEN_LOOKS_LIKE_KEY'],
    ['short', 'TOKEN_INVALID_FORMAT'],
    ['has spaces in it but long enough', 'TOKEN_INVALID_FORMAT'],
  ])('refuses %j with %s', (token, code) => {
    const r = validateSyncToken(token);
    expect(r.ok === false && r.problem.code).toBe(code);
  });
});

describe('saveSettings / loadSettings', () => {
  const good = { restUrl: 'https://abcdefghijklmnop.supabase.co', publishableKey: 'sb_publishable_AbC123_xyz-789QWE', syncToken: 'pst_live_0123456789abcdefghij' };

  test('given valid settings, when saved, then all three land in the user store in ONE setAll and load back', () => {
    const user = new CountingStore();
    const r = saveSettings(user, good);
    expect(r.ok).toBe(true);
    expect(user.calls).toEqual({ get: 0, getAll: 0, set: 0, setAll: 1, delete: 0 });
    expect(loadSettings(user)).toEqual({ ...good, restUrl: 'https://abcdefghijklmnop.supabase.co/rest/v1' });
  });

  test('given one invalid field, when saved, then nothing is written and every problem is listed', () => {
    const user = new CountingStore();
    const r = saveSettings(user, { ...good, publishableKey: 'sb_secret_zzzzzzzzzzzz', restUrl: 'http://x.supabase.co' });
    expect(r.ok === false && r.problems.map((p) => p.code)).toEqual(['URL_NOT_HTTPS', 'KEY_SECRET']);
    expect(user.writes()).toBe(0);
    expect(user.data).toEqual({});
  });

  test('given nothing saved, loadSettings is null', () => {
    const user = new CountingStore();
    user.data[STORE_KEYS.restUrl] = 'https://abc.supabase.co/rest/v1';
    expect(loadSettings(user)).toBeNull();
  });
});

describe('redactSecrets and maskSecret', () => {
  test('removes the given secrets and anything shaped like a Supabase key or JWT', () => {
    const anon = jwt({ role: 'anon' });
    const text = `token pst_live_0123456789abcdefghij key sb_publishable_AbC123 secret sb_secret_Q1w2 jwt ${anon}`;
    expect(redactSecrets(text, ['pst_live_0123456789abcdefghij'])).toBe('token [redacted] key [redacted] secret [redacted] jwt [redacted]');
  });
  test('a card shows only the kind and the last four characters', () => {
    expect(maskSecret('sb_publishable_AbC123_xyz-789QWE')).toBe('sb_publishable_…9QWE');
    expect(maskSecret('pst_live_0123456789abcdefghij')).toBe('…ghij');
    expect(maskSecret('short')).toBe('…');
  });
});
