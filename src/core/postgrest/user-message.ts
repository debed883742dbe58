// The one place a failure talking to Supabase becomes the sentence a person reads (STYLE practice 7): what is
// wrong and what to do. Bad URL, bad key, bad token, missing RPC and timeout are told apart (issue 13), because
// each sends the user to a different place. Never echoes a key or a token: RpcError texts are redacted by the
// client, and no message here quotes server text for the kinds whose text could carry an argument's value.
import type { ApiError } from '../api-contract';
import { isResponseShapeError, type ResponseShapeError } from './read-field';
import type { RpcError } from './rpc-caller';

export interface UserMessageContext {
  /** The RPC the message is about, when the error does not say (RpcError.fn wins). */
  fn?: string;
}

const SETTINGS_URL = 'Settings → Supabase URL';
const SETTINGS_KEY = 'Settings → Publishable key';
const SETTINGS_TOKEN = 'Settings → Sync token';

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}

function rpcMessage(error: RpcError, fn: string): string {
  const status = error.status === null ? '' : ` (HTTP ${error.status}${error.code ? `, ${error.code}` : ''})`;
  switch (error.kind) {
    case 'bad_url':
      return `The Supabase URL does not look like a Supabase REST endpoint${status}: check ${SETTINGS_URL} — it should look like https://<project>.supabase.co/rest/v1.`;
    case 'bad_key':
      return `The publishable key was refused by Supabase${status}: check ${SETTINGS_KEY} — paste the project's publishable key (it starts with sb_publishable_).`;
    case 'missing_rpc':
      return `The database has no function ${fn}${status}: run the migrations on this Supabase project, or check that ${SETTINGS_URL} names the right project.`;
    case 'permission':
      return `The database refused to run ${fn}: permission denied${status}. Run the migrations, which grant the add-on's functions to the anon role.`;
    case 'timeout':
      return error.code === '57014'
        ? `Timed out: the database stopped ${fn} at its statement time limit${status}. Nothing from that call was saved; sync again, and if it keeps happening, sync fewer months at a time.`
        : `Timed out waiting for Supabase to answer ${fn}${status}. Check your connection and sync again; nothing is lost, a sync can be repeated safely.`;
    case 'rate_limited':
      if (error.status === null) {
        return `Apps Script's daily limit on web requests is used up: sync again tomorrow (the limit resets every 24 hours).`;
      }
      return error.retryAfterMs
        ? `Supabase is limiting requests${status}: wait ${seconds(error.retryAfterMs)} and sync again.`
        : `Supabase is limiting requests${status}: wait a minute and sync again.`;
    case 'server':
      return `Supabase had a server error running ${fn}${status}. Sync again in a few minutes; if it keeps failing, check the project's status in the Supabase dashboard.`;
    case 'network':
      return `Could not reach Supabase: check your connection and ${SETTINGS_URL}, then sync again.`;
    case 'client':
      return `Supabase rejected the request to ${fn}${status}: the add-on and the database disagree on this call. Run the latest migrations; if that does not help, report this message.`;
  }
}

function apiMessage(error: ApiError): string {
  switch (error.code) {
    case 'TOKEN_INVALID':
      return `The sync token was refused: paste the token your administrator made for this spreadsheet into ${SETTINGS_TOKEN}.`;
    case 'TOKEN_REVOKED':
      return `The sync token has been revoked: ask your administrator for a new one and paste it into ${SETTINGS_TOKEN}.`;
    case 'TOKEN_OUT_OF_SCOPE':
      return `The sync token does not cover this provider or office: ask your administrator for a token that includes them. (${error.message})`;
    case 'SPREADSHEET_BOUND_ELSEWHERE':
      return `This spreadsheet is already linked to another sync token: use that token in ${SETTINGS_TOKEN}, or ask your administrator to release the spreadsheet.`;
    case 'NOT_BOUND':
      return `This spreadsheet is not linked yet: confirm whose spreadsheet it is on the add-on's home card, then sync again.`;
    case 'UNKNOWN_PROVIDER':
      return `The database does not know this provider: ask your administrator to add them, then refresh mappings. (${error.message})`;
    case 'UNKNOWN_LOCATION':
      return `The database does not know this office: ask your administrator to add it, then refresh mappings. (${error.message})`;
    case 'LEASE_HELD':
      return `Another sync of this spreadsheet is running (another person or device): try again in a minute.`;
    case 'BAD_PAYLOAD':
      return `The database refused the data the add-on sent (${error.message}): please report this message.`;
  }
}

/** `problem`: what is wrong with the answer (a ResponseShapeError's, or the sync API's own `malformed` failure's). */
export function unexpectedShapeMessage(where: string, problem: string): string {
  return `Supabase answered ${where} in a shape the add-on does not expect (${problem}): the database and the add-on are at different versions; run the latest migrations.`;
}

function shapeMessage(error: ResponseShapeError): string {
  return unexpectedShapeMessage(error.where, error.message.slice(error.where.length + 2));
}

export function toUserMessage(error: RpcError | ApiError | ResponseShapeError, context: UserMessageContext = {}): string {
  if (isResponseShapeError(error)) return shapeMessage(error);
  if ('kind' in error) return rpcMessage(error, error.fn ?? context.fn ?? 'the requested function');
  return apiMessage(error);
}
