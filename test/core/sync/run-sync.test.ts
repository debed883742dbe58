import { checkpointKey, mappingManifestKey } from '../../../src/core/sync/store-keys';
import { days, monthTab, KEY, TOKEN } from './fakes';
import { setup, SID, standardTabs, tabFigure } from './harness';

describe('runSync on a bound spreadsheet', () => {
  test('given three month tabs never synced, when synced, then every row is written in one ingest call and the run is recorded', () => {
    const h = setup();
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.counts).toEqual({ written: 62, unchanged: 0, skipped: 1, rejected: 0, deleted: 0 });
    expect(tabFigure(r, 'Nov-24')).toMatchObject({ state: 'sent', written: 20, skipped: 1, skipped_rows: [{ reason: 'blank day', count: 1 }] });
    expect(tabFigure(r, 'Summary')).toMatchObject({ state: 'not_synced', month: null });
    expect(r.tabs.map((t) => t.tab)).toEqual(['Sep-24', 'Oct-24', 'Nov-24', 'Summary']);
    expect(r.calls.rpc).toEqual({ sync_lease: 2, sync_directory: 1, sync_plan: 1, sync_ingest: 1, sync_record_run: 1 });
    expect(h.source.reads).toEqual([['Sep-24', 'Oct-24', 'Nov-24']]);
    expect(h.source.describes).toBe(1);
    expect([r.calls.store_reads, r.calls.store_writes]).toEqual([1, 1]); // one getAll; the mapping's one setAll
    expect(h.store.calls).toEqual({ get: 0, getAll: 1, set: 0, setAll: 1, delete: 0 });
    expect(h.server.storedRows(SID)).toHaveLength(62);
    expect(h.server.runs).toHaveLength(1);
    expect(r.database_totals.map((t) => [t.tab, t.location_code, t.figure, t.rows_value, t.status])).toContainEqual(['Nov-24', 'BAYTOWN_MAIN', 'database_verified_production', '202', 'agree']);
    expect(r.database_totals.every((t) => t.status === 'agree')).toBe(true);
    expect(h.server.runs[0].run).toMatchObject({ status: 'success', trigger: 'manual', written: 62, unchanged: 0, skipped: 1, rejected: 0, deleted: 0, addon_version: '0.1.0-test', self_healed: false });
    expect(r.run_id).toBe('run-1');
    expect(h.lock.held()).toBe(false);
    expect(h.server.leases.size).toBe(0);
  });

  test('given an unchanged workbook, when re-synced, then no ingest call is made and the cached directory costs no RPC and one property read', () => {
    const h = setup();
    h.sync();
    const readsBefore = h.store.reads();
    h.server.calls = [];
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.counts).toEqual({ written: 0, unchanged: 62, skipped: 1, rejected: 0, deleted: 0 });
    expect(h.server.count('sync_ingest')).toBe(0);
    expect(h.server.count('sync_directory')).toBe(0);
    expect(r.calls.rpc).toEqual({ sync_lease: 2, sync_plan: 1, sync_record_run: 1 });
    expect(h.store.reads() - readsBefore).toBe(1);
    expect(r.message).toContain('Everything was already up to date');
  });

  test('given one edited cell, when re-synced, then only its month is sent and exactly one row is written', () => {
    const h = setup();
    h.sync();
    h.source.tab('Oct-24').values[5][2] = '999.99';
    h.server.calls = [];
    const r = h.sync();
    expect(h.server.count('sync_ingest')).toBe(1);
    const sent = h.server.calls.find((c) => c.fn === 'sync_ingest')!.args.p_months as { month: string; rows: unknown[] }[];
    expect(sent.map((m) => [m.month, m.rows.length])).toEqual([['2024-10', 22]]);
    expect(tabFigure(r, 'Oct-24')).toMatchObject({ state: 'sent', written: 1, unchanged: 21 });
    expect(tabFigure(r, 'Sep-24')).toMatchObject({ state: 'unchanged', written: 0, unchanged: 20 });
    expect(r.counts.written).toBe(1);
  });

  test('given a day row deleted from a tab, when re-synced, then the database row is removed and counted as deleted', () => {
    const h = setup();
    h.sync();
    h.source.tab('Sep-24').values.splice(3, 1);
    const r = h.sync();
    expect(tabFigure(r, 'Sep-24')).toMatchObject({ state: 'sent', deleted: 1 });
    expect(h.server.storedRows(SID)).toHaveLength(61);
    expect(h.server.runs[1].run.deleted).toBe(1);
  });

  test('given production tables emptied behind the add-on (reseed), when synced, then the plan makes every month go again and the database is restored', () => {
    const h = setup();
    h.sync();
    h.server.reseed({ emptyProduction: true });
    h.server.calls = [];
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.counts.written).toBe(62);
    expect(h.server.storedRows(SID)).toHaveLength(62);
    expect(r.self_healed).toBe(true);
    expect(h.server.runs[1].run.self_healed).toBe(true);
    expect(h.server.count('sync_directory')).toBe(1); // the plan's newer directory_version refreshed the cache
    expect(JSON.parse(h.store.data[mappingManifestKey(SID)]).version).toBe('v1+r');
  });

  test('given a month the database has but the workbook no longer has, when synced, then it is reported and its rows are kept', () => {
    const h = setup();
    h.sync();
    h.source.workbook.tabs = h.source.workbook.tabs.filter((t) => t.name !== 'Sep-24');
    const r = h.sync();
    expect(r.orphaned).toEqual([
      {
        provider_code: 'obinna_ezeji',
        month: '2024-09',
        row_count: 20,
        message: '2024-09 is in the database (20 rows) but no tab of this workbook holds it (tab deleted or renamed?): the database rows were kept, nothing was deleted.',
      },
    ]);
    expect(h.server.count('sync_ingest')).toBe(1);
    expect(h.server.storedRows(SID)).toHaveLength(62);
    expect(r.message).toContain('2024-09 is in the database');
  });

  test('given two tabs that both mean November 2024, when synced, then neither is sent and both are named', () => {
    const h = setup({ tabs: [monthTab('Nov-24', 1, days('2024-11', 3)), monthTab('November 2024', 2, days('2024-11', 4))] });
    const r = h.sync();
    expect(h.server.count('sync_ingest')).toBe(0);
    expect(r.duplicates[0].message).toBe("Tabs 'Nov-24' and 'November 2024' both hold 2024-11: neither was synced. Rename or delete one of them.");
    expect(tabFigure(r, 'Nov-24').state).toBe('duplicate');
  });
});

describe('runSync batching', () => {
  const fiveMonths = () => ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].map((m, i) => monthTab(`${['May', 'Jun', 'Jul', 'Aug', 'Sep'][i]}-24`, i + 1, days(m, 30 - i)));

  test('given five months and a 70-row limit, when synced, then each ingest call carries whole months only, newest first', () => {
    const h = setup({ tabs: fiveMonths() });
    const r = h.sync({ batch: { maxRows: 70, maxMonths: 12 } });
    expect(r.status).toBe('success');
    const sent = h.server.calls.filter((c) => c.fn === 'sync_ingest').map((c) => (c.args.p_months as { month: string; rows: unknown[] }[]).map((m) => `${m.month}:${m.rows.length}`));
    expect(sent).toEqual([['2024-09:26', '2024-08:27'], ['2024-07:28', '2024-06:29'], ['2024-05:30']]);
    expect(r.batches.map((b) => b.rows)).toEqual([53, 57, 30]);
    expect(h.server.calls.filter((c) => c.fn === 'sync_lease').map((c) => c.args.p_action)).toEqual(['take', 'renew', 'renew', 'release']);
  });

  test('given a time budget that covers two batches, when synced twice, then the first run checkpoints and the second completes the rest', () => {
    const h = setup({ tabs: fiveMonths() });
    h.server.msPerCall.sync_ingest = 5000;
    const first = h.sync({ budgetMs: 15_000, batch: { maxMonths: 1 }, initialBatchEstimateMs: 5000, reserveMs: 1000 });
    expect(first.status).toBe('partial');
    expect(first.resumeNeeded).toBe(true);
    expect(first.pending_months.map((p) => p.month)).toEqual(['2024-07', '2024-06', '2024-05']);
    expect(h.server.count('sync_ingest')).toBe(2);
    const saved = JSON.parse(h.store.data[checkpointKey(SID)]);
    expect(saved).toMatchObject({ remaining: ['obinna_ezeji|2024-07', 'obinna_ezeji|2024-06', 'obinna_ezeji|2024-05'], remaining_count: 3, counts: { written: 53 } });
    expect(h.server.runs[0].run.status).toBe('partial');

    h.server.msPerCall.sync_ingest = 100;
    const second = h.sync({ budgetMs: 15_000, batch: { maxMonths: 1 } });
    expect(second.status).toBe('success');
    expect(second.resumedFrom).toEqual({ run_started_at: first.started_at, remaining_count: 3, counts: { written: 53, unchanged: 0, skipped: 0, rejected: 0, deleted: 0 } });
    expect(second.counts.written).toBe(87);
    expect(h.server.storedRows(SID)).toHaveLength(140);
    expect(h.store.data[checkpointKey(SID)]).toBeUndefined();
  });

  test('given reading the sheet used most of the budget, when synced, then one batch is still sent so every run makes progress', () => {
    const h = setup({ tabs: fiveMonths() });
    const read = h.source.read.bind(h.source);
    h.source.read = (names) => {
      h.clock.advance(20_000);
      return read(names);
    };
    h.server.msPerCall.sync_ingest = 1000;
    const r = h.sync({ batch: { maxMonths: 1 } });
    expect(r.status).toBe('partial');
    expect(h.server.count('sync_ingest')).toBe(1);
    expect(r.pending_months).toHaveLength(4);
  });

  test('given one batch failing after the client retries, when synced, then the other batches land and the failed month is sent by the next run', () => {
    const h = setup({ tabs: fiveMonths() });
    h.server.before = (fn, n) => {
      if (fn === 'sync_ingest' && n === 2) h.server.faults.push({ fn, times: 1, error: { kind: 'server', status: 503, message: 'upstream connect error' } });
    };
    const first = h.sync({ batch: { maxMonths: 1 } });
    expect(first.status).toBe('partial');
    expect(first.resumeNeeded).toBe(false);
    expect(first.failed_months.map((f) => f.month)).toEqual(['2024-08']);
    expect(first.failed_months[0].message).toContain('It will be sent again by the next run.');
    expect(tabFigure(first, 'Aug-24').state).toBe('failed');
    expect(h.server.storedRows(SID)).toHaveLength(140 - 27);

    h.server.before = null;
    h.server.calls = [];
    const second = h.sync({ batch: { maxMonths: 1 } });
    expect(second.status).toBe('success');
    const sent = h.server.calls.filter((c) => c.fn === 'sync_ingest').map((c) => (c.args.p_months as { month: string }[]).map((m) => m.month));
    expect(sent).toEqual([['2024-08']]);
    expect(h.server.storedRows(SID)).toHaveLength(140);
  });

  test('given the token revoked during a run, when a batch is refused, then no further batch is attempted and every unsent month says why', () => {
    const h = setup({ tabs: fiveMonths() });
    h.server.faults.push({ fn: 'sync_ingest', times: 1, api: { code: 'TOKEN_REVOKED', message: 'revoked' } });
    const r = h.sync({ batch: { maxMonths: 1 } });
    expect(h.server.count('sync_ingest')).toBe(1);
    expect(r.status).toBe('failed');
    expect(r.failed_months.map((f) => f.month)).toEqual(['2024-09', '2024-08', '2024-07', '2024-06', '2024-05']);
    expect(r.failed_months[4].message).toBe(
      'Not sent: The sync token has been revoked: ask your administrator for a new one and paste it into Settings → Sync token. It will be sent again by the next run.',
    );
  });

  test('given an ingest timeout on a two-month batch, when synced, then the batch is halved and both months land', () => {
    const h = setup({ tabs: fiveMonths().slice(0, 2) });
    h.server.faults.push({ fn: 'sync_ingest', times: 1, error: { kind: 'timeout', status: 500, code: '57014', message: 'canceling statement due to statement timeout' } });
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.batches.map((b) => [b.months, b.outcome])).toEqual([[2, 'split'], [1, 'ok'], [1, 'ok']]);
    expect(h.server.storedRows(SID)).toHaveLength(59);
  });
});

describe('runSync self-heal after a reseed', () => {
  test('given a provider code that stops resolving during a reseed, when ingest says UNKNOWN_PROVIDER, then the mapping is refreshed, the batch retried once and the run says self_healed', () => {
    const h = setup();
    h.sync({}); // cache the mapping
    h.source.tab('Nov-24').values[2][2] = '1.00';
    h.server.missingProviders.add('obinna_ezeji');
    h.server.before = (fn) => {
      if (fn === 'sync_directory') {
        h.server.missingProviders.clear();
        h.server.reseed({ emptyProduction: false });
      }
    };
    h.server.calls = [];
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.self_healed).toBe(true);
    expect(h.server.calls.map((c) => c.fn)).toEqual(['sync_lease', 'sync_plan', 'sync_ingest', 'sync_directory', 'sync_lease', 'sync_ingest', 'sync_lease', 'sync_record_run']);
    expect(h.server.runs[1].run.self_healed).toBe(true);
    expect(h.server.runs[1].run.message).toContain('Self-healed: UNKNOWN_PROVIDER from sync_ingest');
    expect(tabFigure(r, 'Nov-24')).toMatchObject({ state: 'sent', written: 1 });
  });

  test('given a code that still does not resolve after the refresh, when synced, then the month is reported unsent, not retried forever', () => {
    const h = setup();
    h.server.missingProviders.add('obinna_ezeji');
    const r = h.sync({ batch: { maxMonths: 12 } });
    expect(r.status).toBe('failed');
    expect(h.server.count('sync_ingest')).toBe(2);
    expect(r.failed_months).toHaveLength(3);
    expect(r.failed_months[0].message).toBe(
      'Not sent: The database does not know this provider: ask your administrator to add them, then refresh mappings. (unknown provider obinna_ezeji) It will be sent again by the next run.',
    );
  });

  test('given a reseed between two batches of one run, when synced, then no batch fails, nothing is duplicated and the cache holds the new version', () => {
    const h = setup();
    h.server.before = (fn, n) => {
      if (fn === 'sync_ingest' && n === 2) h.server.reseed({ emptyProduction: false });
    };
    const r = h.sync({ batch: { maxMonths: 1 } });
    expect(r.status).toBe('success');
    expect(r.batches.map((b) => b.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(r.self_healed).toBe(true);
    expect(h.server.storedRows(SID)).toHaveLength(62);
    expect(JSON.parse(h.store.data[mappingManifestKey(SID)]).version).toBe('v1+r');
  });
});

describe('runSync concurrency', () => {
  test('given another device holding the lease, when synced, then the run yields, says who holds it until when, and sends nothing', () => {
    const h = setup();
    const until = h.clock.now() + 60_000;
    h.server.leases.set(SID, { holder: 'user-b@laptop', expires: until });
    const r = h.sync();
    expect(r.status).toBe('yielded');
    expect(r.message).toBe(
      `Someone else is syncing this spreadsheet right now (Another sync (user-b@laptop) holds this spreadsheet until ${new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z')}); this run stepped aside. Nothing was lost: the next run sends whatever is still different.`,
    );
    expect(h.server.count('sync_ingest')).toBe(0);
    expect(h.server.runs[0].run.status).toBe('yielded');
    expect(h.lock.held()).toBe(false);
  });

  test('given an unlimited budget (backfill), the lease asked for stays within the 1…3600 s the server accepts', () => {
    const h = setup();
    const r = h.sync({ budgetMs: Number.POSITIVE_INFINITY, trigger: 'backfill' });
    expect(r.status).toBe('success');
    expect(h.server.calls.filter((c) => c.fn === 'sync_lease').map((c) => c.args.p_ttl_seconds)).toEqual([3600, 3600]);
  });

  test("given the user's own sync still running, when synced, then it yields without any call", () => {
    const h = setup();
    h.lock.tryLock(0);
    const r = h.sync();
    expect(r.status).toBe('yielded');
    expect(r.message).toBe('Another sync you started (in another tab, or the hourly sync) is still running; this one stepped aside. Try again in a minute.');
    expect(h.server.calls).toEqual([]);
    expect(h.store.reads()).toBe(0);
  });
});

describe('runSync without a binding', () => {
  test('given a binding removed in the database but still cached, when synced, then the refreshed mapping says so and it asks again', () => {
    const h = setup();
    h.sync();
    h.server.bindings.delete(SID);
    const r = h.sync();
    expect(r.status).toBe('needs_binding');
    expect(r.message).toBe('Not synced: the binding of this spreadsheet was removed in the database. Confirm whose sheet it is to bind it again.');
  });

  test('given a spreadsheet re-bound elsewhere since it was cached, when the plan says NOT_BOUND once, then the refreshed binding is used and the sync goes on', () => {
    const h = setup();
    h.sync();
    h.source.tab('Sep-24').values[2][2] = '5.00';
    h.server.faults.push({ fn: 'sync_plan', times: 1, api: { code: 'NOT_BOUND', message: 'not bound' } });
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(h.server.count('sync_plan')).toBe(3);
    expect(r.counts.written).toBe(1);
  });

  test('given an unbound spreadsheet and an ambiguous detection, when synced, then it refuses without guessing and calls neither plan nor ingest', () => {
    const h = setup({ bound: false, detected: { provider_code: 'obinna_ezeji', ambiguous: true } });
    const r = h.sync();
    expect(r.status).toBe('needs_binding');
    expect(r.provider?.ambiguous).toBe(true);
    expect(r.message).toContain('Not synced: this spreadsheet is not bound yet.');
    expect(h.server.count('sync_plan')).toBe(0);
    expect(h.server.count('sync_ingest')).toBe(0);
    expect(h.server.runs).toHaveLength(0);
  });

  test('given an unbound spreadsheet in the hourly run, when synced, then the refusal is recorded, since nobody watches a trigger', () => {
    const h = setup({ bound: false });
    const r = h.sync({ trigger: 'hourly' });
    expect(r.status).toBe('needs_binding');
    expect(h.server.runs.map((x) => [x.run.status, x.run.trigger, x.run.message])).toEqual([
      ['failed', 'hourly', "Not synced: this spreadsheet is not bound yet. It looks like Dr. Obinna Ezeji's: confirm to bind it."],
    ]);
  });

  test('given an unbound spreadsheet and a certain detection, when the add-on syncs, then it still asks (the user confirms once)', () => {
    const h = setup({ bound: false });
    const r = h.sync();
    expect(r.status).toBe('needs_binding');
    expect(r.message).toBe("Not synced: this spreadsheet is not bound yet. It looks like Dr. Obinna Ezeji's: confirm to bind it.");
  });

  test('given an unbound spreadsheet and an explicit provider (backfill), when synced with bindIfUnbound, then it binds and syncs', () => {
    const h = setup({ bound: false, detected: { provider_code: null } });
    const r = h.sync({ bindIfUnbound: true, provider_code: 'obinna_ezeji', trigger: 'backfill' });
    expect(r.status).toBe('success');
    expect(h.server.bindings.get(SID)?.provider_code).toBe('obinna_ezeji');
    expect(h.server.storedRows(SID)).toHaveLength(62);
  });
});

describe('runSync reporting', () => {
  test('given the run record cannot be saved, when synced, then the sync result still says success and names the recording failure', () => {
    const h = setup();
    h.server.failRecordRun = true;
    const r = h.sync();
    expect(r.status).toBe('success');
    expect(r.run_id).toBeNull();
    expect(r.record_error).toBe('The run could not be recorded in the database: Could not reach Supabase: check your connection and Settings → Supabase URL, then sync again.');
  });

  test('given server messages that echo the token and key, when synced, then neither reaches the result, the run record or the log', () => {
    const h = setup();
    h.server.faults.push({ fn: 'sync_ingest', times: 1, api: { code: 'BAD_PAYLOAD', message: `bad payload for token ${TOKEN} with apikey ${KEY}` } });
    const r = h.sync();
    h.sync();
    const everything = JSON.stringify([r, h.server.runs, h.logger.lines]);
    expect(everything).toContain('[redacted]');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain('sb_publishable_');
  });

  test('given an understand that throws (a bug), when synced, then the run is recorded as failed and the lease and lock are released', () => {
    const h = setup();
    h.deps.understand = () => {
      throw new Error('boom');
    };
    const r = h.sync();
    expect(r.status).toBe('failed');
    expect(r.message).toBe('Unexpected error; nothing further was sent: boom');
    expect(h.server.runs[0].run.status).toBe('failed');
    expect(h.server.leases.size).toBe(0);
    expect(h.lock.held()).toBe(false);
  });

  test('given a month figure the database refuses, when synced, then it is a reject of its tab with the figure named', () => {
    const h = setup();
    const understand = h.deps.understand;
    h.deps.understand = (wb, dir, opts) => {
      const u = understand(wb, dir, opts);
      u.months.find((m) => m.tab === 'Nov-24')!.payload.figures.push({ location_code: 'HUMBLE_MAIN', name: 'Bad Name', value: '12.50' });
      return u;
    };
    const r = h.sync();
    expect(tabFigure(r, 'Nov-24').rejects).toEqual([{ tab: 'Nov-24', row: 0, column: 'Bad Name (HUMBLE_MAIN)', value: '12.50', reason: 'name must be lower_snake_case' }]);
    expect(h.server.runs[0].run.rejected).toBe(1);
    expect(h.server.runs[0].run.rejects).toHaveLength(1);
  });

  test('the standard tabs fixture has the shape the assertions rely on', () => {
    expect(standardTabs().map((t) => t.values.length)).toEqual([21, 23, 22, 2]);
  });
});
