// The readable form of the report: what a person checks before trusting a sync.
import type { RejectRecord } from '../api-contract';
import { DAY_FIELDS } from '../production';
import { columnLetter } from '../sheet/map-columns';
import type { MonthReport, Report, WorkbookReport } from './report-schema';

function rejectLine(r: RejectRecord): string {
  const where = [r.tab ? `tab ${r.tab}` : null, r.row > 0 ? `row ${r.row}` : null, r.column !== null ? `column '${r.column.trim()}'` : null]
    .filter(Boolean)
    .join(', ');
  const value = r.value !== null ? ` value ${JSON.stringify(r.value)}` : '';
  return `${where || 'workbook'}:${value} — ${r.reason}`;
}

function providerLines(w: WorkbookReport): string[] {
  const p = w.provider;
  if (!p.best) return ['Provider: none detected (confidence none) — choose one'];
  const lines = [
    `Provider: ${p.best.provider_code} (${p.best.name}) — score ${p.best.score.toFixed(2)}, confidence ${p.confidence}, matched '${p.best.matched}', from ${p.source}`,
  ];
  lines.push(p.runner_up ? `  runner-up: ${p.runner_up.provider_code} (score ${p.runner_up.score.toFixed(2)}, matched '${p.runner_up.matched}')` : '  runner-up: none');
  if (p.ambiguous) lines.push('  AMBIGUOUS: more than one provider is named; nothing is attributed until one is chosen');
  return lines;
}

function monthLines(m: MonthReport): string[] {
  const lines = [`Month ${m.month} (tab ${m.tab}) — provider ${m.provider_code || '(not determined)'}, ${m.rows.length} rows, hash ${m.hash.slice(0, 12)}…`];
  if (m.rows.length > 0) lines.push('  rows (office, date, sheet row: values):');
  for (const r of m.rows) {
    const values = DAY_FIELDS.filter((f) => r.fields[f] !== null).map((f) => `${f}=${r.fields[f]}`);
    const note = r.note !== null ? ` note=${JSON.stringify(r.note)}` : '';
    lines.push(`    ${r.location_code.padEnd(14)} ${r.work_date}  row ${String(r.source.row).padStart(3)}: ${values.join(' ') || '(no values)'}${note}`);
  }
  lines.push(m.figures.length > 0 ? '  month figures:' : '  month figures: none');
  for (const f of m.figures) lines.push(`    ${f.name}${f.location_code ? ` @ ${f.location_code}` : ''} = ${f.value}`);
  lines.push(m.totals.length > 0 ? '  totals check:' : '  totals check: none defined');
  for (const t of m.totals) {
    const scope = t.location_code ?? 'all offices';
    const detail = t.status === 'no_summary' ? `rows ${t.rows_value}; the sheet carries no summary` : `sheet ${t.sheet_value}, rows ${t.rows_value}, difference ${t.difference}`;
    lines.push(`    ${t.figure} (${scope}): ${t.status.toUpperCase()} — ${detail}`);
  }
  if (m.skipped.length > 0) lines.push('  skipped rows:');
  for (const s of m.skipped) lines.push(`    row ${s.row}: ${s.reason}`);
  if (m.rejects.length > 0) lines.push('  rejects:');
  for (const r of m.rejects) lines.push(`    ${rejectLine(r)}`);
  return lines;
}

export function renderWorkbookText(w: WorkbookReport): string {
  const lines = [`Workbook: ${w.title}`, `  spreadsheet id ${w.spreadsheet_id}; time zone ${w.time_zone}; files: ${w.files.join(', ')}`, ...providerLines(w), 'Tabs:'];
  for (const t of w.tabs) {
    if (t.skipped_reason !== null) {
      lines.push(`  ${t.tab}: skipped — ${t.skipped_reason}`);
      continue;
    }
    lines.push(`  ${t.tab}: month ${t.month}, ${t.sheet_kind} sheet, header row ${t.header_row}, ${t.row_count} rows`);
    for (const c of t.columns) {
      const header = c.header.trim() || '(blank)';
      const target =
        c.field !== null
          ? `→ ${c.field}${c.location_code ? ` @ ${c.location_code}` : ''}${c.reason ? ` (${c.reason})` : ''}`
          : `— unmapped: ${c.reason ?? 'no reason given'}`;
      lines.push(`    ${columnLetter(c.column).padStart(2)}  ${header.padEnd(52)} ${target}`);
    }
  }
  for (const m of w.months) lines.push(...monthLines(m));
  if (w.rejects.length > 0) lines.push('Workbook rejects:', ...w.rejects.map((r) => `  ${rejectLine(r)}`));
  const c = w.counts;
  lines.push(
    `Counts: ${c.tabs} tabs (${c.month_tabs} month, ${c.skipped_tabs} skipped), ${c.rows} rows, ${c.skipped_rows} skipped rows, ${c.rejects} rejects; ` +
      `totals ${c.totals_agree} agree, ${c.totals_mismatch} mismatch, ${c.totals_no_summary} without summary`,
  );
  return lines.join('\n');
}

export function renderReportText(report: Report): string {
  const parts = report.workbooks.map(renderWorkbookText);
  for (const u of report.unreadable) parts.push(`Cannot read ${u.file}: ${u.message}`);
  return parts.join('\n\n') + '\n';
}
