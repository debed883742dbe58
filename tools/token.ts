// npm run token -- mint --label TEXT [--providers a,b] [--locations A,B] | list | rotate TOKEN_ID | revoke TOKEN_ID
//   [--database-url URL] [--json]
// Sync tokens over the admin functions, called as service_role (the only role allowed to). A minted or rotated
// token is printed ONCE; the database keeps only its SHA-256.
import { resolveDatabaseUrl } from './lib/db-stack-state';
import { withClient } from './local-postgres';

const USAGE = `usage: npm run token -- mint --label TEXT [--providers code,code] [--locations CODE,CODE]
       npm run token -- list
       npm run token -- rotate TOKEN_ID
       npm run token -- revoke TOKEN_ID
options: --database-url URL (default: the running stack, see npm run stack), --json`;

export interface TokenCommandResult {
  code: number;
  output: string;
}

async function asServiceRole<T>(databaseUrl: string, text: string, params: unknown[]): Promise<T> {
  return withClient(databaseUrl, async (c) => {
    await c.query('begin');
    try {
      await c.query('set local role service_role');
      const res = await c.query(text, params);
      await c.query('commit');
      return res.rows[0].result as T;
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    }
  });
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const codes = (v: string | undefined): string[] | null =>
  v === undefined || v === '' || v === 'all' ? null : v.split(',').map((s) => s.trim()).filter(Boolean);

interface TokenInfo {
  token_id: string;
  label: string;
  provider_codes: string[] | null;
  location_codes: string[] | null;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
  spreadsheet_ids: string[];
}

function describe(t: TokenInfo): string {
  const scope = `providers: ${t.provider_codes?.join(',') ?? 'all'}; locations: ${t.location_codes?.join(',') ?? 'all'}`;
  const state = t.revoked_at ? `REVOKED ${t.revoked_at}` : t.rotated_at ? `live (rotated ${t.rotated_at})` : 'live';
  return `${t.token_id}  ${t.label}\n    ${state}; ${scope}; spreadsheets: ${t.spreadsheet_ids.length ? t.spreadsheet_ids.join(', ') : 'none yet'}`;
}

export async function runTokenCommand(databaseUrl: string, argv: string[]): Promise<TokenCommandResult> {
  const [verb, ...rest] = argv;
  const json = rest.includes('--json');
  const out = (value: unknown, text: string): TokenCommandResult => ({ code: 0, output: `${json ? JSON.stringify(value, null, 2) : text}\n` });
  switch (verb) {
    case 'mint': {
      const label = option(rest, '--label');
      if (!label) return { code: 2, output: `${USAGE}\n` };
      const minted = await asServiceRole<{ token_id: string; token: string }>(
        databaseUrl,
        'select public.admin_mint_token(p_label => $1, p_provider_codes => $2, p_location_codes => $3) as result',
        [label, codes(option(rest, '--providers')), codes(option(rest, '--locations'))],
      );
      return out(minted, `token_id: ${minted.token_id}\ntoken:    ${minted.token}\nShown once: paste it into the add-on's settings now. Only its SHA-256 is stored.`);
    }
    case 'list': {
      const list = await asServiceRole<TokenInfo[]>(databaseUrl, 'select public.admin_list_tokens() as result', []);
      return out(list, list.length ? list.map(describe).join('\n') : 'no tokens');
    }
    case 'rotate': {
      const id = rest.find((a) => !a.startsWith('--'));
      if (!id) return { code: 2, output: `${USAGE}\n` };
      const rotated = await asServiceRole<{ token_id: string; token: string }>(databaseUrl, 'select public.admin_rotate_token(p_token_id => $1) as result', [id]);
      return out(rotated, `token_id: ${rotated.token_id}\ntoken:    ${rotated.token}\nThe old token no longer works; this one is shown once.`);
    }
    case 'revoke': {
      const id = rest.find((a) => !a.startsWith('--'));
      if (!id) return { code: 2, output: `${USAGE}\n` };
      const info = await asServiceRole<TokenInfo>(databaseUrl, 'select public.admin_revoke_token(p_token_id => $1) as result', [id]);
      return out(info, describe(info));
    }
    default:
      return { code: 2, output: `${USAGE}\n` };
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const rest = argv.filter((a, i) => a !== '--database-url' && argv[i - 1] !== '--database-url');
  if (!rest[0] || !['mint', 'list', 'rotate', 'revoke'].includes(rest[0])) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const result = await runTokenCommand(resolveDatabaseUrl(argv), rest);
  (result.code === 0 ? process.stdout : process.stderr).write(result.output);
  return result.code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`token: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
