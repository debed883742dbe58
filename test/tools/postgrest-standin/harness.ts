// One database (bootstrap only + fixtures.sql) and one REST stand-in per test file, logged in as `authenticator`
// like PostgREST on Supabase. Keys are random per run: the stand-in only compares them.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startPostgrestStandin, type PostgrestStandin } from '../../../tools/postgrest-standin';
import { createTestDatabase, sql, type TestDatabase } from '../../support/db';

export interface Harness {
  db: TestDatabase;
  standin: PostgrestStandin;
  keys: { publishable: string; secret: string };
  /** POST /rest/v1/rpc/<fn> with the publishable key and Content-Type application/json unless overridden. */
  rpc(fn: string, body: string | undefined, options?: { key?: string | null; contentType?: string | null; headers?: Record<string, string> }): Promise<Reply>;
  request(pathAndQuery: string, init?: RequestInit): Promise<Reply>;
  /** Exactly these headers (fetch would add a Content-Type of its own to a string body). */
  raw(method: string, pathAndQuery: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply>;
  sql: (text: string, params?: unknown[]) => Promise<any[]>;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  json(): any;
}

export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase({ migrations: false });
  await sql(db, readFileSync(path.join(__dirname, 'fixtures.sql'), 'utf8'));
  const keys = {
    publishable: `sb_publishable_${randomBytes(12).toString('base64url')}`,
    secret: `sb_secret_${randomBytes(12).toString('base64url')}`,
  };
  const standin = await startPostgrestStandin({ databaseUrl: db.authenticatorUrl, port: 0, keys });
  const request = async (pathAndQuery: string, init: RequestInit = {}): Promise<Reply> => {
    const res = await fetch(standin.url + pathAndQuery, init);
    const text = await res.text();
    return { status: res.status, statusText: res.statusText, headers: res.headers, text, json: () => JSON.parse(text) };
  };
  const raw = (method: string, pathAndQuery: string, headers: Record<string, string>, body?: string | Buffer) =>
    new Promise<Reply>((resolve, reject) => {
      const req = http.request(standin.url + pathAndQuery, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: h, text, json: () => JSON.parse(text) });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    db,
    standin,
    keys,
    request,
    raw,
    rpc(fn, body, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const key = options.key === undefined ? keys.publishable : options.key;
      if (key !== null) headers.apikey = key;
      const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
      if (contentType !== null) headers['content-type'] = contentType;
      return request(`/rest/v1/rpc/${fn}`, { method: 'POST', headers, body });
    },
    sql: (text, params) => sql(db, text, params),
    async stop() {
      await standin.stop();
      await db.drop();
    },
  };
}
