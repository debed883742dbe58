// Where a running local stack (npm run stack) says how to reach it, so reseed, post-reseed, token and sync find
// it. Local development only: the keys in it are generated per start and are worthless elsewhere.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STACK_STATE_FILE = path.resolve(__dirname, '..', '..', '.stack', 'state.json');

export interface StackState {
  /** http://127.0.0.1:PORT/rest/v1 */
  restUrl: string;
  /** http://127.0.0.1:PORT (what the add-on's settings take as the project URL) */
  supabaseUrl: string;
  publishableKey: string;
  secretKey: string;
  demoToken: string;
  /** Superuser URL of the app database. */
  databaseUrl: string;
  pid: number;
  startedAt: string;
}

export function writeStackState(state: StackState, file = STACK_STATE_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function readStackState(file = STACK_STATE_FILE): StackState | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as StackState;
}

export function removeStackState(file = STACK_STATE_FILE): void {
  rmSync(file, { force: true });
}

/** --database-url wins, then PS_DATABASE_URL, then the running stack's state file. */
export function resolveDatabaseUrl(argv: string[]): string {
  const i = argv.indexOf('--database-url');
  if (i >= 0 && argv[i + 1]) return argv[i + 1];
  if (process.env.PS_DATABASE_URL) return process.env.PS_DATABASE_URL;
  const state = readStackState();
  if (state) return state.databaseUrl;
  throw new Error(`no database: start the stack (npm run stack), or pass --database-url / set PS_DATABASE_URL`);
}
