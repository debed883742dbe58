// npm start — the main job: the BUILT add-on (dist/Code.js), in the local Apps Script runtime, syncing the two
// legacy exports into a real local stack (embedded PostgreSQL + the REST stand-in in a child process), driven
// through the same entry points a user's clicks reach: Settings → Save → homepage → Confirm and save → Sync now
// (→ Continue until done). Then it reads the DATABASE directly: totals per provider/office/month against the
// sheets' own; then reseeds twice (ids only; ids and emptied production tables), syncs again through the bundle
// and shows the rows identical by natural key with only the ids changed; then "Sync every hour" and its trigger
// (no open spreadsheet, Sheets batchGet) on one edited cell; then the post-reseed checks and a secrets scan. Exit 0
// when everything agrees, 1 with the reasons otherwise. No TTY needed (CI=true is fine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Cell } from '../src/core/cell';
import { demoDirectory } from '../src/core/demo-practice';
import { canonicalDecimal } from '../src/core/month-hash';
import { understandWorkbook } from '../src/core/sheet/understand-workbook';
import { formatHours, formatMoney } from '../src/ui/format';
import type { Workbook } from '../src/core/ports';
import type { SyncCounts } from '../src/core/sync';
import { systemClock, type SeedValue, type SpreadsheetSeed } from './gas-runtime';
import type { CardData } from './gas-runtime/card-service';
import { renderCardText } from './gas-runtime/card-text';
import { AddonSession, hasButton, type Pressed } from './lib/addon-session';
import { LEGACY_EXPORTS, typedLegacySeeds } from './lib/typed-seed';
import { readWorkbookFiles } from './lib/workbook-reader';
import { withClient } from './local-postgres';
import { postReseedCheck, formatPostReseedReport } from './post-reseed';
import { reseed } from './reseed';
import { startStack, type RunningStack } from './start-stack';

export { LEGACY_EXPORTS };
const REPO_ROOT = path.resolve(__dirname, '..');
/** What a user pastes into Settings: a URL the manifest's allowlist accepts; the runtime swaps its origin for the stand-in's. */
export const SETTINGS_URL = 'https://production-sync-local.supabase.co/rest/v1';
const TIME_ZONE = 'America/Chicago';

// ---- seeds (the CSV text as it is: the homepage tests read tab names only) -------------------------------------

/** Workbooks read from the export folder, as text seeds (a CSV download holds only text). */
export async function legacyExportSeeds(dir = LEGACY_EXPORTS): Promise<SpreadsheetSeed[]> {
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => path.join(dir, name));
  const { workbooks, errors } = await readWorkbookFiles(files, { timeZone: TIME_ZONE });
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  return workbooks.map(({ workbook }) => textSeed(workbook));
}

function textSeed(workbook: Workbook): SpreadsheetSeed {
  const cell = (c: Cell): SeedValue => (c === null || typeof c !== 'object' ? c : 'error' in c ? c.error : c.date);
  return {
    id: workbook.spreadsheetId,
    name: workbook.title,
    timeZone: workbook.timeZone,
    sheets: workbook.tabs.map((tab) => ({ name: tab.name, sheetId: tab.sheetId, values: tab.values.map((row) => row.map(cell)) })),
  };
}

// ---- the database, read directly ------------------------------------------------------------------------------

export interface DbRow {
  key: string; // provider|location|date
  content: string; // every stored field and its source, as text
  ids: string; // provider_id|location_id (the directory ids the row hangs on)
}

export async function databaseRows(databaseUrl: string): Promise<Map<string, DbRow>> {
  const rows = await withClient(databaseUrl, async (c) =>
    (
      await c.query(`select p.provider_code || '|' || l.location_code || '|' || d.work_date::text as key,
              concat_ws('|', trim_scale(d.hours_worked), trim_scale(d.verified_production), trim_scale(d.estimated_production),
                        trim_scale(d.production_goal), trim_scale(d.variance_ratio), trim_scale(d.bonus), d.note,
                        d.source_spreadsheet_id, d.source_tab, d.source_row, d.row_hash) as content,
              d.provider_id::text || '|' || d.location_id::text as ids
         from public.production_days d join public.providers p on p.id = d.provider_id join public.locations l on l.id = d.location_id`)
    ).rows as DbRow[],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

export interface DbTotal {
  provider_code: string;
  location_code: string;
  month: string;
  rows: number;
  verified_production: string;
  hours_worked: string;
}

export async function databaseTotals(databaseUrl: string): Promise<DbTotal[]> {
  return withClient(databaseUrl, async (c) =>
    (
      await c.query(`select p.provider_code, l.location_code, to_char(d.work_date, 'YYYY-MM') as month, count(*)::int as rows,
              coalesce(trim_scale(sum(d.verified_production)), 0)::text as verified_production,
              coalesce(trim_scale(sum(d.hours_worked)), 0)::text as hours_worked
         from public.production_days d join public.providers p on p.id = d.provider_id join public.locations l on l.id = d.location_id
        group by 1, 2, 3 order by 1, 3, 2`)
    ).rows as DbTotal[],
  );
}

// ---- driving the add-on -----------------------------------------------------------------------------------------

interface SyncFigures extends SyncCounts {
  title: string;
  clicks: number;
  elapsedMs: number;
  urlFetch: number;
  /** The RPC of each UrlFetch call, in order. */
  rpcs: string[];
  ingest: number;
  propertyReads: number;
  propertyWrites: number;
  selfHealed: boolean;
  status: string;
  card: CardData | null;
  text: string;
}

function countsOf(session: AddonSession) {
  const counts = session.runtime.callCounts() as Record<string, number>;
  const sum = (re: RegExp) => Object.entries(counts).filter(([k]) => re.test(k)).reduce((n, [, v]) => n + v, 0);
  return {
    urlFetch: counts['UrlFetchApp.fetch'] ?? 0,
    propertyReads: sum(/^PropertiesService\.get\w+Properties\(\)\.(getProperty|getProperties|getKeys)$/),
    propertyWrites: sum(/^PropertiesService\.get\w+Properties\(\)\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/),
  };
}

/** Sync now, then Continue while the card offers it. Call and property counts cover only these clicks. */
function syncUntilDone(session: AddonSession, title: string, log: (line: string) => void): SyncFigures {
  session.runtime.resetCallCounts();
  const callsBefore = session.runtime.urlFetch.calls.length;
  const t0 = Date.now();
  let pressed: Pressed = session.click('onSyncNow');
  let clicks = 1;
  log(`    Sync now → ${pressed.notification ?? '(no notification)'}`);
  while (hasButton(pressed.card, 'Continue') && clicks < 20) {
    pressed = session.click('onSyncNow');
    clicks++;
    log(`    Continue → ${pressed.notification ?? '(no notification)'}`);
  }
  const elapsedMs = Date.now() - t0;
  const c = countsOf(session);
  const rpcs = session.runtime.urlFetch.calls.slice(callsBefore).map((call) => call.url.split('/').pop() ?? '');
  const sum = (re: RegExp) => (pressed.notification ?? '').match(re);
  const n = (re: RegExp) => Number(sum(re)?.[1] ?? 0);
  return {
    title,
    clicks,
    elapsedMs,
    ...c,
    ingest: rpcs.filter((fn) => fn === 'sync_ingest').length,
    rpcs,
    written: n(/(\d+) row\(s\) written/),
    unchanged: n(/(\d+) unchanged/),
    skipped: n(/(\d+) skipped/),
    rejected: n(/(\d+) rejected/),
    deleted: n(/(\d+) deleted/),
    selfHealed: /refreshed its mapping by itself/.test(pressed.text),
    status: String((pressed.card?.header as CardData | undefined)?.title ?? '?'),
    card: pressed.card,
    text: pressed.text,
  };
}

function figuresLine(f: SyncFigures): string {
  return `${f.title}: ${f.status}; ${f.written} written, ${f.unchanged} unchanged, ${f.skipped} skipped, ${f.rejected} rejected, ${f.deleted} deleted; ` +
    `${(f.elapsedMs / 1000).toFixed(2)} s, ${f.clicks} click(s), ${f.urlFetch} UrlFetch call(s) (${f.ingest} ingest: ${f.rpcs.map((r) => r.replace(/^sync_/, '')).join(', ')}), ${f.propertyReads} property reads, ${f.propertyWrites} property writes${f.selfHealed ? '; self-healed after the reseed' : ''}`;
}

// ---- the job ----------------------------------------------------------------------------------------------------

export interface StartOptions {
  out?: (text: string) => void;
  bundlePath?: string;
}

export async function main(options: StartOptions = {}): Promise<number> {
  const out = options.out ?? ((text: string) => process.stdout.write(text));
  const log = (line = '') => out(`${line}\n`);
  const bundlePath = options.bundlePath ?? path.join(REPO_ROOT, 'dist', 'Code.js');
  if (!existsSync(bundlePath)) {
    log(`No bundle at ${bundlePath}: run \`npm start\` (it builds first) or \`npm run build\`.`);
    return 1;
  }
  if (!existsSync(LEGACY_EXPORTS)) {
    log(`No legacy exports at ${LEGACY_EXPORTS}: the repo expects ../shared beside it.`);
    return 1;
  }
  const started = Date.now();
  const problems: string[] = [];
  const step = (text: string) => log(`\n[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);

  step('Starting the local stack: embedded PostgreSQL 17 (Supabase roles, migrations, demo seed) + the REST stand-in (a child process)');
  const stack: RunningStack = await startStack();
  try {
    log(`    REST stand-in at ${stack.restUrl}; the add-on is configured with ${SETTINGS_URL} and the runtime sends its calls there`);
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));
    const seeds = await typedLegacySeeds();
    log(`    ${seeds.length} spreadsheets from ${path.relative(process.cwd(), LEGACY_EXPORTS) || LEGACY_EXPORTS}, typed as getValues() gives them (numbers, dates, text)`);

    const sessions = seeds.map(
      (seed) =>
        new AddonSession({
          bundlePath,
          seed,
          userEmail: 'office.manager@kamdental.example',
          http: { serverUrl: stack.supabaseUrl, timeoutMs: 20_000 },
          urlFetchWhitelist: manifest.urlFetchWhitelist,
          oauthScopes: manifest.oauthScopes,
          clock: systemClock,
        }),
    );
    // One user: the sessions share nothing but the database here; each holds its own User properties store.
    const first: SyncFigures[] = [];
    for (const [i, session] of sessions.entries()) {
      const title = seeds[i].name;
      step(`${title}: Settings → Save (URL, publishable key, demo token) → Test connection`);
      const settings = session.click('onOpenSettings');
      const saved = session.press(settings.card!, 'Save', { rest_url: SETTINGS_URL, publishable_key: stack.publishableKey, sync_token: stack.demoToken });
      log(`    Save → ${saved.notification}`);
      const tested = session.press(saved.card!, 'Test connection');
      log(`    Test connection → ${lastParagraph(tested.text)}`);
      if (tested.notification !== 'Production Sync: connected.') problems.push(`${title}: the connection test failed: ${lastParagraph(tested.text)}`);

      step(`${title}: the homepage`);
      const home = session.homepage();
      log(indent(home.text));
      const confirmed = session.press(home.data, 'Confirm and save');
      log(`    Confirm and save → ${confirmed.notification}`);
      if (i === 0) {
        step(`${title}: the Columns card (homepage → Change what a column means): each header, what it means now, and how many meanings it offers`);
        const columns = session.press(confirmed.card!, 'Change what a column means');
        log(columnChoices(columns.card!));
      }
      step(`${title}: Sync now`);
      const f = syncUntilDone(session, title, log);
      first.push(f);
      log(indent(f.text));
      if (f.status !== 'Synced') problems.push(`${title}: the first sync ended '${f.status}'`);
    }

    step('Re-sync, nothing changed in the sheets');
    const again = sessions.map((s, i) => syncUntilDone(s, seeds[i].name, () => undefined));
    for (const f of again) {
      log(`    ${figuresLine(f)}`);
      if (f.written !== 0 || f.ingest !== 0) problems.push(`${f.title}: an unchanged re-sync wrote ${f.written} row(s) with ${f.ingest} ingest call(s)`);
    }

    step('The database, queried directly: totals per provider / office / month');
    const totals = await databaseTotals(stack.databaseUrl);
    log(renderTotals(totals));
    step("The database against the sheets' own totals (the figures each sheet writes below its day rows)");
    problems.push(...(await compareWithSheets(stack.databaseUrl, totals, log)));

    // ---- reseeds ----
    const before = await databaseRows(stack.databaseUrl);
    for (const keepData of [true, false]) {
      const kind = keepData ? 'ids only (--keep-data: production rows kept, re-pointed by code)' : 'ids AND emptied production tables (the legacy reseed)';
      step(`Reseed: ${kind}`);
      const report = await reseed(stack.databaseUrl, { keepData });
      log(`    directory ids kept: ${report.idsKept}; production days ${report.production.daysBefore} → ${report.production.daysAfter}`);
      step('Sync again through the add-on, no manual step');
      const after = sessions.map((s, i) => syncUntilDone(s, seeds[i].name, () => undefined));
      for (const f of after) {
        log(`    ${figuresLine(f)}`);
        if (f.status !== 'Synced') problems.push(`${f.title}: the sync after the reseed (${kind}) ended '${f.status}'`);
        if (!f.selfHealed) problems.push(`${f.title}: the sync after the reseed did not report self-healing`);
      }
      const now = await databaseRows(stack.databaseUrl);
      const cmp = compareRows(before, now);
      log(`    rows by natural key: ${cmp.equal} equal, ${cmp.differ} differ, ${cmp.missing} missing, ${cmp.extra} extra; ids changed on ${cmp.idsChanged} of ${now.size} rows (old → new)`);
      if (cmp.differ + cmp.missing + cmp.extra > 0) problems.push(`after the reseed (${kind}) the database does not match the sheets: ${JSON.stringify(cmp)}`);
      if (cmp.idsChanged !== now.size) problems.push(`after the reseed (${kind}) ${now.size - cmp.idsChanged} row(s) still hang on old ids`);
    }

    const hygiene = seeds.findIndex((seed) => seed.name.startsWith('Hygiene'));
    if (hygiene >= 0) problems.push(...(await hourlyDemo(sessions[hygiene], seeds[hygiene], { bundlePath, manifest, stack, step, log })));

    step('Post-reseed checks');
    const post = await postReseedCheck(stack.databaseUrl);
    log(indent(formatPostReseedReport(post).trimEnd()));
    if (!post.ok) problems.push('the post-reseed checks found inconsistencies');

    step('Secrets: never in script properties, logs, cards or sync_runs');
    const leaks = await secretLeaks(stack, sessions);
    log(leaks.length === 0 ? '    none found' : leaks.map((l) => `    LEAK: ${l}`).join('\n'));
    problems.push(...leaks);

    step('Report: what the first sync did, per workbook and tab (from the result card)');
    for (const f of first) {
      log(`    ${f.title}`);
      log(cardSection(f.text, 'Tabs'));
      log(cardSection(f.text, 'Rejected rows') || '      no rejected rows');
      log(cardSection(f.text, 'Totals check'));
    }

    step('Figures');
    for (const f of first) log(`    first sync      ${figuresLine(f)}`);
    for (const f of again) log(`    unchanged sync  ${figuresLine(f)}`);
  } catch (error) {
    problems.push(`unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  } finally {
    step('Stopping the stack');
    await stack.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    log(`\nnpm start: FAILED after ${seconds} s:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  log(`\nnpm start: OK in ${seconds} s — both workbooks synced through the built add-on, the database matches the sheets, both reseeds healed with nothing changed but the ids.`);
  return 0;
}

function indent(text: string): string {
  return text
    .replace(/<br>/g, '\n      ')
    .replace(/<\/?b>/g, '')
    .split('\n')
    .map((l) => `    | ${l}`)
    .join('\n');
}

/**
 * "Sync every hour" on one sheet, then, an hour later, its trigger in trigger context (no open spreadsheet), reading
 * the file through Sheets batchGet after someone edited one cell: the background run writes exactly that row.
 */
async function hourlyDemo(
  session: AddonSession,
  seed: SpreadsheetSeed,
  ctx: { bundlePath: string; manifest: { urlFetchWhitelist: string[]; oauthScopes: string[] }; stack: RunningStack; step: (t: string) => void; log: (l: string) => void },
): Promise<string[]> {
  ctx.step(`${seed.name}: Sync every hour, with this file's grant`);
  session.hasFileScope = true;
  const enabled = session.press(session.homepage().data, 'Sync every hour');
  ctx.log(`    Sync every hour → ${enabled.notification}`);
  // Someone edits one cell: Dec 4, Verified Production 177.12 → 180.00 (row 3, column D).
  const edited: SpreadsheetSeed = {
    ...seed,
    sheets: seed.sheets.map((sheet, i) => (i !== 0 ? sheet : { ...sheet, values: sheet.values!.map((row, r) => (r !== 2 ? row : row.map((cell, c) => (c === 3 ? 180 : cell)))) })),
  };
  ctx.step('An hour later: the trigger fires with no open spreadsheet and reads the edited file through Sheets batchGet');
  const trigger = new AddonSession({
    bundlePath: ctx.bundlePath,
    seed: null,
    context: 'trigger',
    spreadsheets: [edited],
    driveFileGrants: [edited.id],
    sharedState: session.runtime.sharedState,
    userEmail: session.runtime.session.getActiveUser().getEmail(),
    http: { serverUrl: ctx.stack.supabaseUrl, timeoutMs: 20_000 },
    urlFetchWhitelist: ctx.manifest.urlFetchWhitelist,
    oauthScopes: ctx.manifest.oauthScopes,
    clock: { now: () => Date.now() + 3_600_000 },
  });
  const fired = trigger.runtime.fireDueTriggers(trigger.bundle);
  const counts = trigger.runtime.callCounts() as Record<string, number>;
  const [run] = await withClient(ctx.stack.databaseUrl, async (c) =>
    (await c.query(`select status, written, unchanged, message from public.sync_runs where trigger = 'hourly' order by recorded_at desc limit 1`)).rows,
  );
  ctx.log(`    fired ${fired.map((f) => `${f.handlerFunction} (${f.ok ? 'ok' : f.error})`).join(', ')}; Sheets batchGet calls: ${counts['Sheets.Spreadsheets.Values.batchGet'] ?? 0}, getActiveSpreadsheet calls: ${counts['SpreadsheetApp.getActiveSpreadsheet'] ?? 0}`);
  ctx.log(`    sync_runs (hourly): ${run ? `${run.status}, ${run.written} written, ${run.unchanged} unchanged` : 'none recorded'}`);
  const problems: string[] = [];
  if (!fired.every((f) => f.ok) || fired.length !== 1) problems.push('the hourly trigger did not run once');
  if (!run || run.status !== 'success' || run.written !== 1) problems.push(`the hourly run did not write exactly the edited row: ${JSON.stringify(run ?? null)}`);
  return problems;
}

/** The lines of one section of a card's text rendering, indented, with ';'-joined labels split. */
function cardSection(text: string, header: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`-- ${header}`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('--'));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .flatMap((l) => l.trim().split('; '))
    .map((l) => `      ${l}`)
    .join('\n');
}

/** One line per dropdown of the Columns card: its header, the meaning selected, the number of meanings offered. */
function columnChoices(card: CardData): string {
  const dropdowns = ((card.sections as CardData[] | undefined) ?? [])
    .flatMap((section) => (section.widgets as CardData[] | undefined) ?? [])
    .map((widget) => widget.selectionInput as CardData | undefined)
    .filter((input): input is CardData => input !== undefined);
  return dropdowns
    .map((input) => {
      const items = (input.items as CardData[] | undefined) ?? [];
      return `    ${String(input.label)} → ${String(items.find((item) => item.selected)?.text ?? '(nothing)')} (${items.length} choices)`;
    })
    .join('\n');
}

const FIGURE_WORDS = { verified_production: 'production', hours_worked: 'hours' } as const;

/** An office by name, its code in parentheses for the developer who greps the database. */
function office(code: string | null): string {
  if (code === null) return 'all offices';
  return `${demoDirectory().locations.find((l) => l.code === code)?.name ?? code} (${code})`;
}

function money(figure: keyof typeof FIGURE_WORDS, decimal: string): string {
  return figure === 'verified_production' ? formatMoney(decimal) : formatHours(decimal);
}

function lastParagraph(text: string): string {
  return (text.split('\n').filter((l) => !/\[.*→/.test(l)).pop() ?? '').trim();
}

function renderTotals(totals: DbTotal[]): string {
  const head = `    ${'provider'.padEnd(18)} ${'office'.padEnd(13)} ${'month'.padEnd(8)} ${'rows'.padStart(4)} ${'production'.padStart(12)} ${'hours'.padStart(8)}`;
  return [head, ...totals.map((t) => `    ${t.provider_code.padEnd(18)} ${t.location_code.padEnd(13)} ${t.month.padEnd(8)} ${String(t.rows).padStart(4)} ${t.verified_production.padStart(12)} ${t.hours_worked.padStart(8)}`)].join('\n');
}

/**
 * The sheets' own month figures, read from the exports by the sheet engine (Node, not the add-on) with the binding
 * the user confirmed, against the database's sums of the rows it holds. Every figure is shown; a difference fails.
 */
async function compareWithSheets(databaseUrl: string, totals: DbTotal[], log: (l: string) => void): Promise<string[]> {
  const bindings = await withClient(databaseUrl, async (c) =>
    (await c.query('select spreadsheet_id, provider_code, default_location_code, column_overrides from public.sync_bindings where provider_code is not null')).rows as {
      spreadsheet_id: string;
      provider_code: string;
      default_location_code: string | null;
      column_overrides: Record<string, string>;
    }[],
  );
  const files = readdirSync(LEGACY_EXPORTS).filter((n) => n.toLowerCase().endsWith('.csv')).map((n) => path.join(LEGACY_EXPORTS, n));
  const { workbooks } = await readWorkbookFiles(files, { timeZone: TIME_ZONE });
  const problems: string[] = [];
  for (const { workbook } of workbooks) {
    const b = bindings.find((x) => x.spreadsheet_id === workbook.spreadsheetId);
    if (!b) {
      problems.push(`${workbook.title}: no binding in the database`);
      continue;
    }
    const binding = { provider_code: b.provider_code, default_location_code: b.default_location_code, column_overrides: b.column_overrides };
    const understood = understandWorkbook(workbook, demoDirectory(), { binding });
    for (const check of understood.months.flatMap((m) => m.totals.map((t) => ({ ...t, provider: m.payload.provider_code })))) {
      if (check.sheet_value === null) continue;
      const figure = check.figure as 'verified_production' | 'hours_worked';
      const rows = totals.filter((t) => t.provider_code === check.provider && t.month === check.month && (check.location_code === null || t.location_code === check.location_code));
      const db = rows.reduce((sum, t) => sum + cents(t[figure]), 0n);
      const sheet = cents(check.sheet_value);
      const ok = db === sheet;
      log(`    ${workbook.title} ${check.tab} ${office(check.location_code)} ${FIGURE_WORDS[figure]}: sheet ${money(figure, check.sheet_value)}, database ${money(figure, fromCents(db))} ${ok ? '✓' : 'MISMATCH'}`);
      if (!ok) problems.push(`${workbook.title} ${check.tab} ${check.location_code ?? 'all offices'} ${figure}: the sheet says ${check.sheet_value}, the database holds ${fromCents(db)}`);
    }
  }
  return problems;
}

function cents(decimal: string): bigint {
  const [int, frac = ''] = canonicalDecimal(decimal).replace('-', '').split('.');
  const value = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  return decimal.trim().startsWith('-') ? -value : value;
}

function fromCents(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function compareRows(before: Map<string, DbRow>, after: Map<string, DbRow>) {
  let equal = 0;
  let differ = 0;
  let idsChanged = 0;
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) continue;
    if (old.content === row.content) equal++;
    else differ++;
    if (old.ids !== row.ids) idsChanged++;
  }
  const missing = [...before.keys()].filter((k) => !after.has(k)).length;
  const extra = [...after.keys()].filter((k) => !before.has(k)).length;
  return { equal, differ, missing, extra, idsChanged };
}

async function secretLeaks(stack: RunningStack, sessions: AddonSession[]): Promise<string[]> {
  const secrets = [stack.publishableKey, stack.demoToken];
  const leaks: string[] = [];
  const has = (text: string) => secrets.some((s) => text.includes(s));
  for (const s of sessions) {
    for (const [store, map] of s.runtime.sharedState.propertyStores)
      if (!store.startsWith('user:') && [...map.values()].some(has)) leaks.push(`property store ${store}`);
    if (s.runtime.consoleEntries.some((e) => has(e.message))) leaks.push('the console log');
    if (s.runtime.logLines.some((l: unknown) => has(String(l)))) leaks.push('Logger');
  }
  const runs = await withClient(stack.databaseUrl, async (c) => (await c.query('select row_to_json(r)::text as t from public.sync_runs r')).rows as { t: string }[]);
  if (runs.some((r) => has(r.t))) leaks.push('sync_runs');
  return leaks;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
