// PostgREST's SQLSTATE → HTTP status table, row by row as docs.postgrest.org/en/v14/references/errors.html
// ("HTTP Status Codes") lists it, plus the special cases of PostgREST v14's Error.hs pgErrorStatus.
import { responseForPgError, statusForSqlState } from '../../../tools/postgrest-standin/errors';

describe('SQLSTATE → HTTP status (PostgREST v14 table)', () => {
  it.each([
    ['08006', 503], // 08* pg connection err
    ['09000', 500], // 09* triggered action exception
    ['0L000', 403], // 0L* invalid grantor
    ['0P000', 403], // 0P* invalid role specification
    ['23503', 409], // foreign key violation
    ['23505', 409], // uniqueness violation
    ['23502', 400], // other 23*: "other" → 400
    ['25006', 405], // read only sql transaction
    ['25001', 500], // 25* invalid transaction state
    ['28000', 403], // 28* invalid auth specification
    ['2D000', 500], // 2D* invalid transaction termination
    ['38000', 500], // 38* external routine exception
    ['39000', 500], // 39* external routine invocation
    ['3B000', 500], // 3B* savepoint exception
    ['40001', 500], // 40* transaction rollback
    ['53400', 500], // config limit exceeded
    ['53100', 503], // 53* insufficient resources
    ['54000', 500], // 54* too complex
    ['55000', 500], // 55* obj not in prerequisite state
    ['57014', 500], // 57* operator intervention (statement timeout)
    ['57P01', 503], // admin shutdown (Error.hs)
    ['58000', 500], // 58* system error
    ['F0000', 500], // F0* config file error
    ['HV000', 500], // HV* foreign data wrapper error
    ['P0001', 400], // default code for "raise"
    ['P0002', 500], // P0* PL/pgSQL error
    ['XX000', 500], // XX* internal error
    ['42883', 404], // undefined function
    ['42P01', 404], // undefined table
    ['42P17', 500], // infinite recursion
    ['42703', 400], // other 42*
    ['22P02', 400], // other
    ['PT402', 402], // RAISE sqlstate 'PTxyz' → xyz
    ['PT409', 409],
    ['PTABC', 500], // not a status number
  ])('maps %s to %i', (sqlState, status) => {
    expect(statusForSqlState(sqlState, 'some message', false)).toBe(status);
  });

  it('maps 42501 to 401 for anon and 403 for any other role', () => {
    expect(statusForSqlState('42501', 'permission denied for table t', true)).toBe(401);
    expect(statusForSqlState('42501', 'permission denied for table t', false)).toBe(403);
  });

  it("treats pg-safeupdate's 21000 as a client error and other cardinality violations as server errors", () => {
    expect(statusForSqlState('21000', 'DELETE requires a WHERE clause', false)).toBe(400);
    expect(statusForSqlState('21000', 'more than one row returned by a subquery used as an expression', false)).toBe(500);
  });

  it('answers RAISE sqlstate PGRST with the status, headers and body the function put in its JSON', () => {
    const r = responseForPgError(
      {
        code: 'PGRST',
        message: '{"code":"123","message":"Payment Required","details":"Quota exceeded","hint":"Upgrade your plan"}',
        detail: '{"status":402,"headers":{"X-Powered-By":"Nerd Rage"}}',
      },
      true,
    );
    expect(r.status).toBe(402);
    expect(r.headers['x-powered-by']).toBe('Nerd Rage');
    expect(JSON.parse(r.body!)).toEqual({ code: '123', message: 'Payment Required', details: 'Quota exceeded', hint: 'Upgrade your plan' });
  });

  it('answers an unparsable RAISE sqlstate PGRST with 500 PGRST121', () => {
    const r = responseForPgError({ code: 'PGRST', message: 'not json' }, false);
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body!)).toMatchObject({ code: 'PGRST121', details: "Invalid JSON value for MESSAGE: 'not json'" });
  });
});
