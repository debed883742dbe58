// Benchmark (c): what one synchronous call costs. Raw: sync-http (the blocking worker-thread transport under
// createNodeHttpClient and the UrlFetchApp fake) against a trivial server in a child process. Client: the add-on's
// PostgREST client + typed sync API calling cheap RPCs on the local stack through the REST stand-in.
import { createPostgrestClient } from '../../src/core/postgrest/postgrest-client';
import { createSyncApi } from '../../src/core/sync';
import { syncHttpRequest } from '../gas-runtime/sync-http';
import { startChildHttpServer } from '../lib/child-http-server';
import { createNodeHttpClient } from '../lib/node-http-client';
import { blockingSleeper, systemClock } from '../lib/sync-node-ports';
import { stats, timeSync, type Stats } from './bench-stats';
import type { IngestTarget } from './bench-ingest';

const OK = `(req, res) => res.end('{"ok":true}')`;

export interface RoundTripResult {
  name: string;
  ms: Stats;
}

export async function runRawRoundTrip(calls = 300): Promise<RoundTripResult> {
  const server = await startChildHttpServer(OK);
  try {
    const url = `${server.base}/rest/v1/rpc/x`;
    for (let i = 0; i < 20; i++) syncHttpRequest({ url, method: 'POST', body: '{}' });
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      samples.push(timeSync(() => syncHttpRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"months":[]}' })).ms);
    }
    return { name: 'sync-http, trivial loopback server', ms: stats(samples) };
  } finally {
    server.stop();
  }
}

export function runClientRoundTrips(target: IngestTarget, calls = 100): RoundTripResult[] {
  const client = createPostgrestClient({ restUrl: target.restUrl, apiKey: target.apiKey, http: createNodeHttpClient(), sleeper: blockingSleeper, clock: systemClock });
  const api = createSyncApi(client, target.token);
  const sid = `bench-round-trip-${Date.now()}`;
  const first = api.directory(sid);
  if (!first.ok) throw new Error(`sync_directory failed: ${first.failure.message}`);
  const bound = api.bind(sid, { provider_code: 'kia_redfearn', default_location_code: null, column_overrides: {} });
  if (!bound.ok) throw new Error(`sync_bind failed: ${bound.failure.message}`);
  const out: RoundTripResult[] = [];
  const calls_: [string, () => { ok: boolean; failure?: { message: string } }][] = [
    ['client → stand-in → sync_plan (bound, empty)', () => api.plan(sid)],
    ['client → stand-in → sync_directory (whole directory)', () => api.directory(sid)],
  ];
  for (const [name, call] of calls_) {
    for (let i = 0; i < 10; i++) call();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const { ms, value } = timeSync(call);
      if (!value.ok) throw new Error(`${name}: ${value.failure?.message}`);
      samples.push(ms);
    }
    out.push({ name, ms: stats(samples) });
  }
  return out;
}
