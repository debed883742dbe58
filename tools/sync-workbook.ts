// npm run sync -- FILE.xlsx|FILE.csv ... [--url URL --key KEY --token TOKEN] [--json] [--spreadsheet-id ID]
//                 [--provider CODE] [--location CODE] [--tz Area/City] [--verbose]
// Backfills exported workbooks through the SAME core sync loop the add-on runs (runSync), in Node: no 25 s budget
// (a large one), a no-op user lock (one process), the server lease still taken. Target: the project --url names,
// else a running `npm run stack`, else a temporary local stack started for this command.
// Whose workbook it is must be certain before anything is written: a binding on the server, --provider, or a
// high-confidence, unambiguous detection. Otherwise the command stops and says which flag to give.
// Exit 0: every workbook synced completely. 1: something could not be synced (unreadable file, refused
// URL/key/token, unreachable stack, a failed or partial run). 2: bad arguments, or a flag is needed.
import { hostname } from 'node:os';
import type { BindingSettings } from '../src/core/api-contract';
import { linkedLocations, type Directory } from '../src/core/directory';
import { createPostgrestClient, normalizeRestUrl, type PostgrestClient } from '../src/core/postgrest/postgrest-client';
import { redact } from '../src/core/postgrest/redact';
import { toUserMessage } from '../src/core/postgrest/user-message';
import { buildReport, buildWorkbookReport } from '../src/core/report/build-report';
import { renderWorkbookText } from '../src/core/report/render-report-text';
import type { Report, WorkbookOutcome, WorkbookReport } from '../src/core/report/report-schema';
import { understandWorkbook } from '../src/core/sheet/understand-workbook';
import {
  createSyncApi,
  failureMessage,
  MappingCache,
  memoryUserLock,
  refreshMapping,
  runSync,
  suggestBinding,
  type BatchLimits,
  type CachedMapping,
  type SyncFailure,
} from '../src/core/sync';
import type { KeyValueStore, Workbook } from '../src/core/ports';
import { closeSyncHttp } from './gas-runtime/sync-http';
import { isTimeZone, parseCommandLine, processIo, runAsScript, type CommandIo } from './lib/command-line';
import { createNodeHttpClient } from './lib/node-http-client';
import { nodeHasher } from './lib/node-hasher';
import { buildOutcome, notAttempted, recordingCaller } from './lib/sync-outcome';
import { renderOutcomeText, renderSyncSummary } from './lib/sync-outcome-text';
import { blockingSleeper, memoryStore, systemClock, workbookSheetSource } from './lib/sync-node-ports';
import { resolveTarget, type SyncTarget, type TargetKind } from './lib/sync-target';
import { readWorkbookFiles, type UnreadableFile, type WorkbookFromFiles } from './lib/workbook-reader';

export interface SyncCommandOptions {
  /** Where a running stack is described (default .stack/state.json); tests point it elsewhere. */
  stateFile?: string;
  /** Ingest batch limits (the sync core's defaults otherwise). */
  batch?: Partial<BatchLimits>;
}

interface SyncArgs {
  files: string[];
  json: boolean;
  verbose: boolean;
  url: string | null;
  key: string | null;
  token: string | null;
  spreadsheetId: string | null;
  providerCode: string | null;
  locationCode: string | null;
  timeZone: string | null;
}

const USAGE =
  'usage: npm run sync -- FILE.xlsx|FILE.csv ... [--url URL --key KEY --token TOKEN] [--json] [--spreadsheet-id ID] [--provider CODE] [--location CODE] [--tz Area/City] [--verbose]';

/** Backfill has no card-click limit; an hour bounds a runaway. */
const BACKFILL_BUDGET_MS = 60 * 60_000;
/** Short, renewed before every batch: a crashed backfill must not keep others out for long. */
const LEASE_TTL_SECONDS = 120;
const DEFAULT_READ_TIME_ZONE = 'America/Chicago';

function parseArgs(argv: readonly string[]): SyncArgs | string {
  const args = parseCommandLine<SyncArgs>(
    argv,
    { files: [], json: false, verbose: false, url: null, key: null, token: null, spreadsheetId: null, providerCode: null, locationCode: null, timeZone: null },
    {
      switches: { '--json': 'json', '--verbose': 'verbose' },
      valued: {
        '--url': 'url',
        '--key': 'key',
        '--token': 'token',
        '--spreadsheet-id': 'spreadsheetId',
        '--provider': 'providerCode',
        '--location': 'locationCode',
        '--tz': 'timeZone',
      },
      trimValues: true,
    },
  );
  if (typeof args === 'string') return args;
  if (args.url !== null && (args.key === null || args.token === null)) return '--url needs --key (the publishable key) and --token (the sync token)';
  if (args.url === null && args.key !== null) return '--key goes with --url; the local stack supplies its own key';
  if (args.url !== null && !/^https?:\/\/[^/\s]+/i.test(args.url)) return '--url must be an http(s) URL such as https://<project>.supabase.co';
  if (args.timeZone !== null && !isTimeZone(args.timeZone)) return `unknown time zone ${JSON.stringify(args.timeZone)} (expected an IANA name such as America/Chicago)`;
  return args;
}

/** toUserMessage's sentence (written for the settings card), plus the flag that sets the same thing here. */
export function failureText(failure: SyncFailure, target: TargetKind = 'url'): string {
  if (failure.kind === 'rpc') {
    const message = toUserMessage(failure.error, { fn: failure.fn });
    if (target === 'local-stack' && (failure.error.kind === 'network' || failure.error.kind === 'bad_url')) {
      return `${message} (For npm run sync: the local stack named by .stack/state.json is not answering; restart it with npm run stack, or give --url/--key/--token.)`;
    }
    const flag = { bad_url: '--url', network: '--url', bad_key: '--key' }[failure.error.kind as string];
    return message + (flag ? ` (For npm run sync: check ${flag}.)` : '');
  }
  if (failure.kind === 'api') {
    const message = toUserMessage({ code: failure.code, message: failure.message });
    return failure.code.startsWith('TOKEN_') || failure.code === 'SPREADSHEET_BOUND_ELSEWHERE' ? `${message} (For npm run sync: check --token.)` : message;
  }
  return failureMessage(failure);
}

/** A refused URL, key or token: the same for every workbook, so the command stops at the first. */
function isConnectionFailure(failure: SyncFailure): boolean {
  if (failure.kind === 'rpc') return true;
  return failure.kind === 'api' && (failure.code === 'TOKEN_INVALID' || failure.code === 'TOKEN_REVOKED');
}

interface Decision {
  /** Passed to runSync and the engine when the spreadsheet is not bound yet (then the run binds it). */
  provider_code?: string;
  location_code?: string;
  /** Why the command must stop for this workbook (which flag to give). */
  stop: string | null;
}

function describeBest(w: Workbook, directory: Directory): string {
  const p = understandWorkbook(w, directory, {}).provider;
  if (!p.best) return `no provider in the directory is named in the title or tab names`;
  const runner = p.runner_up ? `; runner-up: ${p.runner_up.name} [${p.runner_up.provider_code}]` : '';
  return `best: ${p.best.name} [${p.best.provider_code}] matched '${p.best.matched}', ${p.confidence} confidence${p.ambiguous ? ', AMBIGUOUS' : ''}${runner}`;
}

function decide(w: Workbook, mapping: CachedMapping, args: SyncArgs): Decision {
  const { directory, binding } = mapping;
  const location = args.locationCode ?? undefined;
  if (location !== undefined && !directory.locations.some((l) => l.code === location)) {
    return { stop: `--location ${location} is not an office in the directory (${directory.locations.map((l) => l.code).join(', ')}).` };
  }
  if (binding) {
    if (args.providerCode !== null && args.providerCode !== binding.provider_code) {
      return {
        stop: `'${w.title}' is already bound to ${binding.provider_code} on the server; --provider ${args.providerCode} disagrees. Drop --provider to sync it as ${binding.provider_code}.`,
      };
    }
    const linked = linkedLocations(directory, binding.provider_code);
    if (location !== undefined && !linked.includes(location)) {
      return { stop: `${binding.provider_code} is not linked to ${location} in the directory (linked: ${linked.join(', ') || 'none'}). Nothing was written.` };
    }
    return { location_code: location, stop: null };
  }
  let providerCode = args.providerCode;
  if (providerCode === null) {
    const suggestion = suggestBinding(understandWorkbook(w, directory, { location_code: location }), directory);
    if (suggestion.kind === 'ask') {
      const detected = understandWorkbook(w, directory, {}).provider;
      const flags =
        detected.best === null
          ? `--provider CODE (one of ${directory.providers.map((p) => p.code).join(', ')})`
          : detected.ambiguous && detected.runner_up
            ? `--provider ${detected.best.provider_code} or --provider ${detected.runner_up.provider_code}, whichever it is`
            : `--provider ${detected.best.provider_code} if that is right`;
      return { stop: `Could not tell whose workbook '${w.title}' is (${describeBest(w, directory)}). Nothing was written. Re-run with ${flags}.` };
    }
    providerCode = suggestion.settings.provider_code;
  } else if (!directory.providers.some((p) => p.code === providerCode)) {
    return { stop: `--provider ${providerCode} is not a provider in the directory (${directory.providers.map((p) => p.code).join(', ')}).` };
  }
  const provider = directory.providers.find((p) => p.code === providerCode);
  const offices = linkedLocations(directory, providerCode);
  if (location !== undefined && !offices.includes(location)) {
    return { stop: `${providerCode} is not linked to ${location} in the directory (linked: ${offices.join(', ') || 'none'}). Nothing was written. Re-run with --location ${offices[0] ?? 'CODE'}, or ask your administrator to link the office.` };
  }
  if (location === undefined && provider?.kind === 'hygienist') {
    if (offices.length === 1) return { provider_code: providerCode, location_code: offices[0], stop: null };
    return {
      stop: `'${w.title}' is ${provider.name}'s hygiene sheet, which names no office, and ${provider.name} works at ${offices.length ? offices.join(' and ') : 'no linked office'}. Nothing was written. Re-run with --location ${offices[0] ?? 'CODE'} (the office these rows belong to).`,
    };
  }
  return { provider_code: providerCode, location_code: location, stop: null };
}

interface Prepared {
  entry: WorkbookFromFiles;
  store: KeyValueStore;
  mapping: CachedMapping | null;
  decision: Decision | null;
  failure: string | null;
}

export async function main(argv: readonly string[] = process.argv.slice(2), io: CommandIo = processIo, options: SyncCommandOptions = {}): Promise<number> {
  const t0 = Date.now();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`sync: ${args}\n${USAGE}\n`);
    return 2;
  }
  const { workbooks, errors } = await readWorkbookFiles(args.files, { timeZone: args.timeZone ?? DEFAULT_READ_TIME_ZONE, spreadsheetId: args.spreadsheetId ?? undefined });
  for (const e of errors) io.stderr(`sync: cannot read ${e.file}: ${e.message}\n`);
  if (workbooks.length === 0) {
    io.stderr('sync: nothing to sync: no file could be read.\n');
    return 1;
  }
  if (workbooks.length > 1 && (args.spreadsheetId ?? args.providerCode ?? args.locationCode) !== null) {
    io.stderr(
      `sync: --spreadsheet-id, --provider and --location describe ONE workbook, and these files are ${workbooks.length} (${workbooks.map((w) => `'${w.workbook.title}'`).join(', ')}); sync them one at a time.\n`,
    );
    return 2;
  }

  let target: SyncTarget;
  try {
    target = await resolveTarget({ url: args.url, key: args.key, token: args.token, stateFile: options.stateFile, log: (line) => io.stderr(`sync: ${line}\n`) });
  } catch (e) {
    io.stderr(`sync: could not start a local stack: ${e instanceof Error ? e.message : String(e)}. Nothing was synced. Start one with npm run stack, or give --url/--key/--token.\n`);
    return 1;
  }
  try {
    return runCommand(args, io, options, target, workbooks, errors, t0);
  } finally {
    await target.stop();
    await closeSyncHttp();
  }
}

function runCommand(
  args: SyncArgs,
  io: CommandIo,
  options: SyncCommandOptions,
  target: SyncTarget,
  workbooks: WorkbookFromFiles[],
  unreadable: UnreadableFile[],
  t0: number,
): number {
  const secrets = [target.apiKey, target.token].filter((s) => s.length > 0);
  const client: PostgrestClient = createPostgrestClient({
    restUrl: normalizeRestUrl(target.restUrl),
    apiKey: target.apiKey,
    http: createNodeHttpClient(),
    sleeper: blockingSleeper,
    clock: systemClock,
  });
  const caller = recordingCaller(client);
  const api = createSyncApi(caller, target.token);
  const logger = { log: (m: string) => (args.verbose ? io.stderr(`sync: ${m}\n`) : undefined) };

  // Preflight, nothing written: the directory and binding per workbook (cached for runSync), then who owns it.
  const prepared: Prepared[] = [];
  let fatal: string | null = null;
  for (const entry of workbooks) {
    const store = memoryStore();
    const got = refreshMapping({ api, cache: new MappingCache(store), clock: systemClock }, entry.workbook.spreadsheetId);
    if (!got.ok) {
      const text = failureText(got.failure, target.kind);
      prepared.push({ entry, store, mapping: null, decision: null, failure: text });
      if (isConnectionFailure(got.failure)) {
        fatal = text;
        break;
      }
      continue;
    }
    entry.workbook.timeZone = args.timeZone ?? got.value.directory.clinic.time_zone;
    prepared.push({ entry, store, mapping: got.value, decision: decide(entry.workbook, got.value, args), failure: null });
  }
  const stops = prepared.filter((p) => p.decision?.stop);

  const reports: WorkbookReport[] = [];
  let exitCode = unreadable.length > 0 ? 1 : 0;
  let commandMessage: string | null = fatal;
  if (fatal !== null) {
    io.stderr(`sync: ${fatal} Nothing was synced.\n`);
    exitCode = 1;
  } else if (stops.length > 0) {
    for (const p of stops) io.stderr(`sync: ${p.decision?.stop}\n`);
    commandMessage = 'Stopped before writing anything: ' + stops.map((p) => p.decision?.stop).join(' ');
    exitCode = 2;
  }

  for (const p of prepared) {
    const w = p.entry.workbook;
    const directory = p.mapping?.directory;
    if (!directory || !p.mapping) {
      if (p.failure !== null && p.failure !== fatal) {
        io.stderr(`sync: '${w.title}': ${p.failure}\n`);
        exitCode = Math.max(exitCode, 1);
      }
      continue;
    }
    const understandOptions = { binding: p.mapping.binding, provider_code: p.decision?.provider_code, location_code: p.decision?.location_code };
    const understanding = understandWorkbook(w, directory, understandOptions);
    const report = buildWorkbookReport(understanding, p.entry.files, nodeHasher);
    if (fatal !== null || stops.length > 0) {
      report.outcome = notAttempted(p.decision?.stop ?? 'Not synced: the command stopped before writing anything (see the other workbooks).');
      reports.push(report);
      continue;
    }
    const source = workbookSheetSource(w);
    const ingestSeen = caller.stored.length;
    const result = runSync(
      {
        api: caller,
        token: target.token,
        store: p.store,
        source,
        understand: understandWorkbook,
        hasher: nodeHasher,
        clock: systemClock,
        lock: memoryUserLock(),
        holderId: `backfill@${hostname()}:${process.pid}`,
        addonVersion: 'npm-run-sync',
        logger,
        secrets,
      },
      {
        budgetMs: BACKFILL_BUDGET_MS,
        trigger: 'backfill',
        leaseTtlSeconds: LEASE_TTL_SECONDS,
        bindIfUnbound: true,
        provider_code: p.decision?.provider_code,
        location_code: p.decision?.location_code,
        batch: options.batch,
      },
    );
    // runSync calls sync_plan only once a binding exists: a bind call followed by a plan call is a bind that took.
    const newlyBound = (result.calls.rpc['sync_bind'] ?? 0) > 0 && (result.calls.rpc['sync_plan'] ?? 0) > 0;
    const bound: BindingSettings | null = p.mapping.binding ?? (newlyBound && p.decision?.provider_code
      ? { provider_code: p.decision.provider_code, default_location_code: p.decision.location_code ?? null, column_overrides: {} }
      : null);
    const binding: WorkbookOutcome['binding'] = bound ? { provider_code: bound.provider_code, default_location_code: bound.default_location_code, newly_bound: newlyBound } : null;
    report.outcome = buildOutcome(understanding, result, caller.stored.slice(ingestSeen), binding);
    reports.push(report);
    if (result.status !== 'success') {
      io.stderr(`sync: '${w.title}': ${result.status}: ${result.message}\n`);
      exitCode = Math.max(exitCode, 1);
    }
  }

  const first = prepared.find((p) => p.mapping)?.mapping?.directory;
  const report: Report = buildReport('sync', first ?? { clinic: { code: '', name: '', time_zone: '' }, locations: [], providers: [], links: [], version: '' }, reports, unreadable);
  report.sync = {
    target: target.kind,
    rest_url: normalizeRestUrl(target.restUrl),
    attempted: fatal === null && stops.length === 0,
    message: commandMessage,
    elapsed_ms: Date.now() - t0,
    calls: { rpc: { ...caller.calls.rpc }, rpc_total: caller.calls.rpc_total, http_attempts: client.stats.httpAttempts },
  };
  const out = args.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report);
  // Belt and braces: nothing printed may carry the key or the token, whatever path a message took.
  io.stdout(redact(out, secrets));
  return exitCode;
}

function renderText(report: Report): string {
  const parts = report.workbooks.map((w) => `${renderWorkbookText(w)}\n${w.outcome ? renderOutcomeText(w.outcome) : ''}`);
  for (const u of report.unreadable) parts.push(`Cannot read ${u.file}: ${u.message}`);
  parts.push(renderSyncSummary(report));
  return parts.join('\n\n') + '\n';
}

if (require.main === module) runAsScript('sync', main);
