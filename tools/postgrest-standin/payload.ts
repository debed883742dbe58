// Request media types and bodies for POST /rpc/<fn>, as PostgREST v14 reads them
// (src/PostgREST/MediaType.hs decodeMediaType, src/PostgREST/ApiRequest/Payload.hs getPayload):
// - no Content-Type means application/json;
// - application/json: an empty body is `{}`; invalid JSON is 400 PGRST102 "Empty or invalid json"; an object's
//   keys are the argument names; an array of objects takes the keys of its elements (they must all agree);
//   any other JSON value counts as no arguments;
// - application/x-www-form-urlencoded: the form's field names are the argument names, values are text. This is
//   what UrlFetchApp sends when `contentType` is not set, so a JSON text arrives as ONE field named after the
//   whole JSON text, and no function matches it (404 PGRST202);
// - text/plain, text/xml, application/octet-stream: the raw body, for a single unnamed text/xml/bytea parameter;
// - anything else: 400 PGRST102 "Content-Type not acceptable: <type>".

export type MediaKind = 'json' | 'form' | 'text' | 'xml' | 'octet' | 'csv' | 'other';

export interface RequestMedia {
  kind: MediaKind;
  /** The Content-Type as PostgREST would name it in messages. */
  mime: string;
}

export function decodeContentType(header: string | undefined): RequestMedia {
  if (header === undefined) return { kind: 'json', mime: 'application/json' };
  const [typePart] = header.split(';');
  const t = typePart.trim().toLowerCase();
  switch (t) {
    case 'application/json':
    case 'application/vnd.pgrst.array+json':
    case 'application/vnd.pgrst.array':
      return { kind: 'json', mime: 'application/json' };
    case 'application/x-www-form-urlencoded':
      return { kind: 'form', mime: t };
    case 'text/plain':
      return { kind: 'text', mime: t };
    case 'text/xml':
      return { kind: 'xml', mime: t };
    case 'application/octet-stream':
      return { kind: 'octet', mime: t };
    case 'text/csv':
      return { kind: 'csv', mime: t };
    default:
      return { kind: 'other', mime: header };
  }
}

export type Payload =
  /** `raw` is what json_to_record(set) reads; `isObject` picks which of the two. */
  | { kind: 'json'; raw: string; keys: string[]; isObject: boolean }
  | { kind: 'form'; fields: Map<string, string>; keys: string[] }
  | { kind: 'raw'; raw: Buffer; keys: string[] };

export type PayloadResult = { ok: true; payload: Payload } | { ok: false; message: string };

export function readPayload(body: Buffer, media: RequestMedia): PayloadResult {
  switch (media.kind) {
    case 'json':
      return readJson(body);
    case 'form': {
      const fields = parseForm(body.toString('utf8'));
      return { ok: true, payload: { kind: 'form', fields, keys: [...fields.keys()] } };
    }
    case 'text':
    case 'xml':
    case 'octet':
      return { ok: true, payload: { kind: 'raw', raw: body, keys: [] } };
    case 'csv':
      return { ok: false, message: 'csv' };
    default:
      return { ok: false, message: `Content-Type not acceptable: ${media.mime}` };
  }
}

const EMPTY_ARRAY: Payload = { kind: 'json', raw: '[]', keys: [], isObject: false };

function readJson(body: Buffer): PayloadResult {
  const text = body.toString('utf8');
  if (text.length === 0) return { ok: true, payload: { kind: 'json', raw: '{}', keys: [], isObject: true } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Empty or invalid json' };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: true, payload: EMPTY_ARRAY };
    if (!isPlainObject(value[0])) return { ok: true, payload: EMPTY_ARRAY };
    const keys = Object.keys(value[0]).sort();
    const uniform = value.every((v) => isPlainObject(v) && sameKeys(Object.keys(v).sort(), keys));
    if (!uniform) return { ok: false, message: 'All object keys must match' };
    return { ok: true, payload: { kind: 'json', raw: text, keys, isObject: false } };
  }
  if (isPlainObject(value)) {
    return { ok: true, payload: { kind: 'json', raw: text, keys: Object.keys(value), isObject: true } };
  }
  return { ok: true, payload: EMPTY_ARRAY };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** http-types' parseSimpleQuery: fields split on `&` and `;`, name and value on the first `=`, `+` is a space. */
export function parseForm(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const body = text.startsWith('?') ? text.slice(1) : text;
  if (body === '') return fields;
  for (const part of body.split(/[&;]/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    fields.set(formDecode(name), formDecode(value));
  }
  return fields;
}

/** Percent-decoding that leaves malformed escapes as they are instead of throwing. */
function formDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus.replace(/(%[0-9A-Fa-f]{2})+/g, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  }
}
