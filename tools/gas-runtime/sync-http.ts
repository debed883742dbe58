// A blocking HTTP call for the synchronous UrlFetchApp fake. Apps Script's UrlFetchApp blocks; Node's HTTP cannot,
// and a server in this same thread could never answer while we block (DESIGN.md "Build and run"). So one worker
// thread does the I/O with node:http (keep-alive) and this thread sleeps on Atomics.wait until the worker has posted
// the answer, which receiveMessageOnPort then reads synchronously. Chosen over spawnSync (a new process per call,
// tens of ms each): the worker round trip is well under a millisecond of overhead (see the runtime's report).
// Throws SyncHttpError with code 'NETWORK' (connection refused, DNS, reset) or 'TIMEOUT'.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

export interface SyncHttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface SyncHttpResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export class SyncHttpError extends Error {
  constructor(
    readonly code: 'NETWORK' | 'TIMEOUT',
    message: string,
    readonly causeCode?: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export const DEFAULT_TIMEOUT_MS = 60_000; // UrlFetchApp's own (undocumented, commonly reported) limit

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const { port, signal } = workerData;
const flag = new Int32Array(signal);
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
parentPort.on('message', (req) => {
  let done = false;
  const finish = (m) => { if (!done) { done = true; reply(Object.assign({ id: req.id }, m)); } };
  let url;
  try { url = new URL(req.url); } catch (e) { return finish({ error: { kind: 'NETWORK', code: 'EINVALIDURL', message: 'invalid URL ' + req.url } }); }
  const lib = url.protocol === 'https:' ? https : http;
  const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  const headers = Object.assign({}, req.headers);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);
  const r = lib.request(url, { method: req.method, headers, agent: agents[url.protocol] }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', (e) => finish({ error: { kind: 'NETWORK', code: e.code, message: e.message } }));
  });
  r.setTimeout(req.timeoutMs, () => { finish({ error: { kind: 'TIMEOUT', code: 'ETIMEDOUT', message: 'no answer within ' + req.timeoutMs + ' ms' } }); r.destroy(); });
  r.on('error', (e) => finish({ error: { kind: 'NETWORK', code: e.code, message: e.message } }));
  r.end(body);
});
`;

interface Channel {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  nextId: number;
}

let channel: Channel | null = null;

function open(): Channel {
  if (channel) return channel;
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  port1.unref();
  channel = { worker, port: port1, flag: new Int32Array(signal), nextId: 1 };
  return channel;
}

interface WorkerReply {
  id: number;
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  error?: { kind: 'NETWORK' | 'TIMEOUT'; code?: string; message: string };
}

export function syncHttpRequest(request: SyncHttpRequest): SyncHttpResponse {
  const ch = open();
  const id = ch.nextId++;
  const method = (request.method ?? 'GET').toUpperCase();
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  Atomics.store(ch.flag, 0, 0);
  ch.worker.postMessage({ id, url: request.url, method, headers: request.headers ?? {}, body: request.body, timeoutMs });
  // The worker enforces the timeout itself; the margin only guards against a worker that died.
  const deadline = Date.now() + timeoutMs + 2000;
  for (;;) {
    let reply: WorkerReply | undefined;
    for (let m = receiveMessageOnPort(ch.port); m; m = receiveMessageOnPort(ch.port)) {
      const candidate = m.message as WorkerReply;
      if (candidate.id === id) reply = candidate; // replies of earlier, abandoned calls are dropped
    }
    if (reply) return toResponse(reply, method, request.url);
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new SyncHttpError('TIMEOUT', `sync-http: ${method} ${request.url} got no answer within ${timeoutMs} ms`);
    }
    Atomics.wait(ch.flag, 0, 0, remaining);
    Atomics.store(ch.flag, 0, 0);
  }
}

function toResponse(reply: WorkerReply, method: string, url: string): SyncHttpResponse {
  if (reply.error) {
    const what = reply.error.kind === 'TIMEOUT' ? 'timed out' : 'network error';
    throw new SyncHttpError(reply.error.kind, `sync-http: ${method} ${url} ${what}: ${reply.error.message}`, reply.error.code);
  }
  return { status: reply.status ?? 0, headers: reply.headers ?? {}, body: reply.body ?? '' };
}

/** Stops the worker thread (tests call it in afterAll; the worker is unref'd, so a process can also just exit). */
export async function closeSyncHttp(): Promise<void> {
  const ch = channel;
  channel = null;
  if (ch) {
    ch.port.close();
    await ch.worker.terminate();
  }
}
