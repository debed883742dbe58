// The readable form of a sync outcome, printed under the workbook's inspect report.
import type { RejectRecord } from '../../src/core/api-contract';
import type { Report, WorkbookOutcome } from '../../src/core/report/report-schema';

function rejectLine(r: RejectRecord): string {
  const where = [r.row > 0 ? `row ${r.row}` : null, r.column ? `column '${r.column.trim()}'` : null].filter(Boolean).join(', ');
  return `${where || 'tab'}${r.value !== null ? ` value ${JSON.stringify(r.value)}` : ''} — ${r.reason}`;
}

function callsText(rpc: Record<string, number>, total: number): string {
  const parts = Object.entries(rpc)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fn, n]) => `${fn} ${n}`);
  return `${total} RPC call(s)${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function renderOutcomeText(o: WorkbookOutcome): string {
  const c = o.counts;
  const lines = [`Sync: ${o.status.toUpperCase()} — ${o.message}`];
  if (o.binding) {
    const office = o.binding.default_location_code ? `default office ${o.binding.default_location_code}` : 'offices from the sheet';
    lines.push(`  binding: ${o.binding.provider_code}, ${office}${o.binding.newly_bound ? ' (bound by this run)' : ''}`);
  }
  if (o.status === 'not_attempted' || o.status === 'needs_binding') return lines.join('\n');
  lines.push(`  rows: ${c.written} written, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.rejected} rejected, ${c.deleted} deleted`);
  lines.push('  tabs:');
  for (const t of o.tabs) {
    const counts = t.month === null ? '' : `: ${t.written} written, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.rejected} rejected, ${t.deleted} deleted`;
    lines.push(`    ${t.tab}${t.month ? ` (${t.month})` : ''} — ${t.state}${counts}${t.message ? ` — ${t.message}` : ''}`);
    for (const s of t.skipped_rows) lines.push(`      skipped ${s.count} × ${s.reason}`);
    for (const r of t.rejects) lines.push(`      rejected: ${rejectLine(r)}`);
  }
  const tc = o.totals_check;
  lines.push(`  totals check (the sheet's own arithmetic): ${tc.agree} agree, ${tc.mismatch} mismatch, ${tc.no_summary} without summary`);
  for (const m of tc.mismatches)
    lines.push(`    MISMATCH ${m.tab} ${m.figure} (${m.location_code ?? 'all offices'}): sheet ${m.sheet_value}, rows ${m.rows_value}, difference ${m.difference}`);
  lines.push(o.stored_totals.length ? '  stored month totals (database vs sheet):' : '  stored month totals: none');
  for (const s of o.stored_totals) {
    const stored =
      s.status === 'same_hash' ? 'not re-sent: the server\'s month hash equals the sheet\'s' : s.stored_value === null ? 'not reported by the database' : `stored ${s.stored_value}`;
    lines.push(
      `    ${s.month} ${s.location_code.padEnd(13)} ${s.figure.padEnd(20)} rows ${s.rows_value}${s.sheet_value !== null ? `, sheet ${s.sheet_value}` : ''}; ${stored} — ${s.status.toUpperCase()}`,
    );
  }
  if (o.orphaned.length) {
    lines.push('  months only in the database (kept, not deleted):');
    for (const m of o.orphaned) lines.push(`    ${m.month} (${m.provider_code}): ${m.message}`);
  }
  const batches = o.batches.map((b) => `${b.months} month(s)/${b.rows} rows ${b.ms} ms ${b.outcome}`).join('; ');
  lines.push(`  calls: ${callsText(o.calls.rpc, o.calls.rpc_total)}; ingest batches: ${o.batches.length ? batches : 'none'}`);
  if (o.self_healed) lines.push('  self-healed: the cached directory was refreshed during the run');
  if (o.record_error) lines.push(`  ${o.record_error}`);
  lines.push(`  run ${o.run_id ?? '(not recorded)'}; elapsed ${o.elapsed_ms} ms`);
  return lines.join('\n');
}

export function renderSyncSummary(report: Report): string {
  const s = report.sync;
  if (!s) return '';
  const where = { 'local-stack': 'the running local stack', 'temporary-local-stack': 'a temporary local stack (now stopped; its data is gone)', url: 'the project' }[s.target];
  const totals = { written: 0, unchanged: 0, skipped: 0, rejected: 0, deleted: 0 };
  for (const w of report.workbooks) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += w.outcome?.counts[k] ?? 0;
  const lines = [
    `Sync to ${where} at ${s.rest_url}: ${report.workbooks.length} workbook(s); ${totals.written} written, ${totals.unchanged} unchanged, ${totals.skipped} skipped, ${totals.rejected} rejected, ${totals.deleted} deleted; ${callsText(s.calls.rpc, s.calls.rpc_total)}, ${s.calls.http_attempts} HTTP attempt(s); ${s.elapsed_ms} ms`,
  ];
  if (s.message) lines.push(s.message);
  return lines.join('\n');
}
