import type { SyncRunRecord } from '../../src/core/api-contract';
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { bindDemo, DEMO_TOKEN, SHEET_ID } from '../support/db-payloads';

const run: SyncRunRecord = {
  started_at: '2026-11-25T02:00:00.000Z',
  ended_at: '2026-11-25T02:00:07.250Z',
  status: 'partial',
  trigger: 'hourly',
  written: 3,
  unchanged: 27,
  skipped: 2,
  rejected: 1,
  deleted: 0,
  rejects: [{ tab: 'Nov-24', row: 12, column: 'Verified Production', value: '#N/A', reason: 'not a number' }],
  totals_check: [
    { tab: 'Nov-24', month: '2024-11', location_code: null, figure: 'verified_production', sheet_value: '69567.03', rows_value: '69567.03', difference: '0', status: 'agree' },
  ],
  addon_version: '0.1.0',
  self_healed: true,
  message: null,
};

describe('sync_record_run', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db);
  });
  afterAll(() => db?.drop());

  it('stores the whole SyncRunRecord with the binding it belongs to', async () => {
    const res = await rpcAs(db, 'anon', 'sync_record_run', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_run: run });
    expect(res).toEqual({ ok: true, run_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const [row] = await sql(
      db,
      `select spreadsheet_id, provider_code, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at,
              to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ended_at, status, trigger, written, unchanged, skipped,
              rejected, deleted, rejects, totals_check, addon_version, self_healed, message
         from public.sync_runs where id = $1`,
      [res.run_id],
    );
    expect(row).toEqual({ spreadsheet_id: SHEET_ID, provider_code: 'obinna_ezeji', ...run });
  });

  it.each([
    ['a bad status', { status: 'ok' }, 'status must be success, partial, failed or yielded.'],
    ['a bad timestamp', { ended_at: 'yesterday-ish' }, 'started_at and ended_at must be ISO timestamps.'],
    ['a negative count', { written: -1 }, 'written must be a non-negative integer.'],
    ['rejects not a list', { rejects: {} }, 'rejects and totals_check must be arrays.'],
  ])('refuses %s as BAD_PAYLOAD data, storing nothing', async (_n, patch, message) => {
    const [{ n: before }] = await sql(db, 'select count(*)::int as n from public.sync_runs');
    const res = await rpcAs(db, 'anon', 'sync_record_run', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_run: { ...run, ...patch } });
    expect(res).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message } });
    expect((await sql(db, 'select count(*)::int as n from public.sync_runs'))[0].n).toBe(before);
  });
});
