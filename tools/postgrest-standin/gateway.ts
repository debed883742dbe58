// Supabase's API gateway in front of PostgREST: the `apikey` header (or `?apikey=` URL parameter) picks the
// database role. The publishable key (sb_publishable_…, not a JWT) runs as `anon`, a secret key as
// `service_role` (supabase.com/docs/guides/api/api-keys). Its refusals are 401s WITHOUT a `code` field — the body
// shape Supabase's gateway answers, which the add-on's client tells apart from PostgREST's {code,…} errors.
import { createHash, timingSafeEqual } from 'node:crypto';
import { JSON_CONTENT_TYPE, type StandinResponse } from './errors';

export type GatewayRole = 'anon' | 'service_role';

export interface GatewayKeys {
  publishable: string;
  secret: string;
}

export function gatewayError(status: number, message: string, hint?: string): StandinResponse {
  const body: Record<string, string> = { message };
  if (hint !== undefined) body.hint = hint;
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE }, body: JSON.stringify(body) };
}

export function roleForApiKey(apikey: string | null, keys: GatewayKeys): GatewayRole | StandinResponse {
  if (apikey === null || apikey === '') {
    return gatewayError(401, 'No API key found in request', 'No `apikey` request header or url param was found.');
  }
  if (sameSecret(apikey, keys.publishable)) return 'anon';
  if (sameSecret(apikey, keys.secret)) return 'service_role';
  return gatewayError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
}

/** The `apikey` header wins over the URL parameter; a repeated header is taken as its first value. */
export function apiKeyOf(headers: Record<string, string | string[] | undefined>, url: URL): string | null {
  const h = headers['apikey'];
  const fromHeader = Array.isArray(h) ? h[0] : h;
  if (fromHeader !== undefined) return fromHeader;
  return url.searchParams.get('apikey');
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
