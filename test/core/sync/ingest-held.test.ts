// MonthPayload.held travels to sync_ingest untouched, and the month outcome's `held` count comes back when the
// server sends it (BEHAVIOR.md "Unreadable cells keep what is stored").
import type { RpcCaller, RpcResult } from '../../../src/core/postgrest/rpc-caller';
import type { MonthPayload } from '../../../src/core/production';
import { createSyncApi } from '../../../src/core/sync/sync-api';
import { TOKEN } from './fakes';

function scripted(answer: unknown) {
  const calls: { fn: string; args: Record<string, unknown> }[] = [];
  const caller: RpcCaller = {
    rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
      calls.push({ fn, args: JSON.parse(JSON.stringify(args)) });
      return { data: answer, error: null } as RpcResult<T>;
    },
  };
  return { calls, api: createSyncApi(caller, TOKEN) };
}

const outcome = { provider_code: 'obinna_ezeji', month: '2024-11', hash: 'h', written: 0, unchanged: 1, rejected: 0, deleted: 0, totals: [] };
const payload: MonthPayload = {
  provider_code: 'obinna_ezeji',
  month: '2024-11',
  rows: [],
  figures: [],
  held: [{ location_code: 'HUMBLE_MAIN', work_date: '2024-11-04', reason: 'row 5 Verified Production Humble: the sheet shows an error (#REF!)' }],
};

describe('held rows through the sync API', () => {
  it('sends the month with its held list as JSON', () => {
    const s = scripted({ ok: true, directory_version: 'v1', months: [{ ...outcome, held: 1 }], rows: [] });
    s.api.ingest('sid-1', [payload]);
    expect(s.calls).toEqual([{ fn: 'sync_ingest', args: { p_token: TOKEN, p_spreadsheet_id: 'sid-1', p_months: [payload] } }]);
  });

  it('reads the kept count, and leaves it out when an older server does not send it', () => {
    const withHeld = scripted({ ok: true, directory_version: 'v1', months: [{ ...outcome, held: 1 }], rows: [] }).api.ingest('sid-1', [payload]);
    const without = scripted({ ok: true, directory_version: 'v1', months: [outcome], rows: [] }).api.ingest('sid-1', [payload]);
    expect([withHeld.ok && withHeld.value.months[0].held, without.ok && 'held' in without.value.months[0]]).toEqual([1, false]);
  });
});
