import type { ApiError } from '../../../src/core/api-contract';
import { ResponseShapeError } from '../../../src/core/postgrest/read-field';
import type { RpcError } from '../../../src/core/postgrest/rpc-caller';
import { toUserMessage } from '../../../src/core/postgrest/user-message';

function rpcError(overrides: Partial<RpcError>): RpcError {
  return { kind: 'server', status: 500, code: null, message: 'x', details: null, hint: null, ...overrides };
}

describe('toUserMessage', () => {
  it('names the function from the context when the error does not carry it', () => {
    expect(toUserMessage(rpcError({ kind: 'missing_rpc', status: 404, code: 'PGRST202' }), { fn: 'sync_plan' })).toBe(
      'The database has no function sync_plan (HTTP 404, PGRST202): run the migrations on this Supabase project, or check that Settings → Supabase URL names the right project.',
    );
  });

  it('prefers the function the error names over the context', () => {
    expect(toUserMessage(rpcError({ kind: 'server', status: 503, fn: 'sync_ingest' }), { fn: 'sync_plan' })).toBe(
      "Supabase had a server error running sync_ingest (HTTP 503). Sync again in a few minutes; if it keeps failing, check the project's status in the Supabase dashboard.",
    );
  });

  it('says how long to wait when the server said so', () => {
    expect(toUserMessage(rpcError({ kind: 'rate_limited', status: 429, retryAfterMs: 1000 }))).toBe(
      'Supabase is limiting requests (HTTP 429): wait 1 second and sync again.',
    );
    expect(toUserMessage(rpcError({ kind: 'rate_limited', status: 429 }))).toBe(
      'Supabase is limiting requests (HTTP 429): wait a minute and sync again.',
    );
  });

  // Bad token is told apart from bad key: the RPC answers 200 {ok:false,error:{code}} (DESIGN "Security model").
  it.each([
    ['TOKEN_INVALID', 'unknown sync token',
      'The sync token was refused: paste the token your administrator made for this spreadsheet into Settings → Sync token.'],
    ['TOKEN_REVOKED', 'token revoked',
      'The sync token has been revoked: ask your administrator for a new one and paste it into Settings → Sync token.'],
    ['TOKEN_OUT_OF_SCOPE', 'location BAYTOWN_MAIN is outside this token',
      'The sync token does not cover this provider or office: ask your administrator for a token that includes them. (location BAYTOWN_MAIN is outside this token)'],
    ['SPREADSHEET_BOUND_ELSEWHERE', 'bound to another token',
      'This spreadsheet is already linked to another sync token: use that token in Settings → Sync token, or ask your administrator to release the spreadsheet.'],
    ['NOT_BOUND', 'no binding',
      "This spreadsheet is not linked yet: confirm whose spreadsheet it is on the add-on's home card, then sync again."],
    ['UNKNOWN_PROVIDER', 'no provider dr_who',
      'The database does not know this provider: ask your administrator to add them, then refresh mappings. (no provider dr_who)'],
    ['UNKNOWN_LOCATION', 'no location PASADENA',
      'The database does not know this office: ask your administrator to add it, then refresh mappings. (no location PASADENA)'],
    ['LEASE_HELD', 'held by another run',
      'Another sync of this spreadsheet is running (another person or device): try again in a minute.'],
    ['BAD_PAYLOAD', 'p_months[0].month missing',
      'The database refused the data the add-on sent (p_months[0].month missing): please report this message.'],
  ] as const)('explains the API error %s', (code, message, expected) => {
    const error: ApiError = { code, message };
    expect(toUserMessage(error)).toBe(expected);
  });

  it('explains a response of the wrong shape as a version mismatch', () => {
    const error = new ResponseShapeError('sync_plan', 'months', 'array', 'nothing (missing)');
    expect(toUserMessage(error)).toBe(
      "Supabase answered sync_plan in a shape the add-on does not expect (field 'months' should be an array, found nothing (missing)): the database and the add-on are at different versions; run the latest migrations.",
    );
  });
});
