// npm run stack's parts, end to end over HTTP: PostgreSQL + bootstrap + migrations + seed behind the REST stand-in.
import { startStack, type RunningStack } from '../../tools/start-stack';

describe.each([
  ['child process', false],
  ['this process', true],
])('the local stack (REST stand-in in %s)', (_where, inProcessStandin) => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ restPort: 0, inProcessStandin });
  });
  afterAll(() => stack?.stop());

  const rpc = (fn: string, body: unknown, key = stack.publishableKey) =>
    fetch(`${stack.restUrl}/rpc/${fn}`, { method: 'POST', headers: { apikey: key, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers the directory RPC with the publishable key and the demo token', async () => {
    const res = await rpc('sync_directory', { p_token: stack.demoToken, p_spreadsheet_id: 'stack-sheet' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.ok).toBe(true);
    expect(body.directory.clinic.code).toBe('KAMDENTAL');
  });

  it('refuses tables and admin functions to the publishable key', async () => {
    const res = await rpc('admin_list_tokens', {});
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).code).toBe('42501');
    expect((await rpc('admin_list_tokens', {}, stack.secretKey)).status).toBe(200);
  });
});
