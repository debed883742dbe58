import { runTokenCommand } from '../../tools/token';
import { createTestDatabase, rpcAs, type TestDatabase } from '../support/db';

describe('npm run token', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('mints, lists, rotates and revokes through the admin functions', async () => {
    const minted = await runTokenCommand(db.url, ['mint', '--label', 'Kia laptop', '--providers', 'kia_redfearn', '--json']);
    expect(minted.code).toBe(0);
    const { token_id, token } = JSON.parse(minted.output);
    expect(token).toMatch(/^pst_[0-9a-f]{64}$/);
    expect((await rpcAs(db, 'anon', 'sync_directory', { p_token: token, p_spreadsheet_id: 'sheet-kia' })).ok).toBe(true);

    const list = await runTokenCommand(db.url, ['list']);
    expect(list.output).toContain(`${token_id}  Kia laptop\n    live; providers: kia_redfearn; locations: all; spreadsheets: sheet-kia`);
    expect(list.output).not.toContain(token);

    const rotated = JSON.parse((await runTokenCommand(db.url, ['rotate', token_id, '--json'])).output);
    expect(rotated.token_id).toBe(token_id);
    expect((await rpcAs(db, 'anon', 'sync_directory', { p_token: token, p_spreadsheet_id: 'sheet-kia' })).error.code).toBe('TOKEN_INVALID');

    const revoked = await runTokenCommand(db.url, ['revoke', token_id]);
    expect(revoked.output).toMatch(/REVOKED/);
    expect((await rpcAs(db, 'anon', 'sync_directory', { p_token: rotated.token, p_spreadsheet_id: 'sheet-kia' })).error.code).toBe('TOKEN_REVOKED');
  });

  it('prints its usage for an unknown verb or a missing label', async () => {
    expect((await runTokenCommand(db.url, ['grant'])).code).toBe(2);
    expect((await runTokenCommand(db.url, ['mint'])).output).toMatch(/^usage: npm run token -- mint/);
  });
});
