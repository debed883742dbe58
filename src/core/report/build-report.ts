// WorkbookUnderstanding → the versioned report (report-schema.ts).
import type { Directory } from '../directory';
import { monthHash } from '../month-hash';
import type { Hasher } from '../ports';
import type { WorkbookUnderstanding } from '../understanding';
import { REPORT_SCHEMA, REPORT_VERSION, type MonthReport, type Report, type ReportCounts, type WorkbookReport } from './report-schema';

export function buildWorkbookReport(understanding: WorkbookUnderstanding, files: readonly string[], hasher: Hasher): WorkbookReport {
  const months: MonthReport[] = understanding.months.map((m) => ({
    tab: m.tab,
    month: m.payload.month,
    provider_code: m.payload.provider_code,
    hash: monthHash(m.payload, hasher),
    rows: m.payload.rows,
    figures: m.payload.figures,
    skipped: m.skipped,
    rejects: m.rejects,
    totals: m.totals,
  }));
  const totals = months.flatMap((m) => m.totals);
  const counts: ReportCounts = {
    tabs: understanding.tabs.length,
    month_tabs: understanding.tabs.filter((t) => t.month !== null && t.skipped_reason === null).length,
    skipped_tabs: understanding.tabs.filter((t) => t.skipped_reason !== null).length,
    rows: months.reduce((n, m) => n + m.rows.length, 0),
    skipped_rows: months.reduce((n, m) => n + m.skipped.length, 0),
    rejects: understanding.rejects.length + months.reduce((n, m) => n + m.rejects.length, 0),
    totals_agree: totals.filter((t) => t.status === 'agree').length,
    totals_mismatch: totals.filter((t) => t.status === 'mismatch').length,
    totals_no_summary: totals.filter((t) => t.status === 'no_summary').length,
  };
  return {
    files: [...files],
    spreadsheet_id: understanding.spreadsheet_id,
    title: understanding.title,
    time_zone: understanding.time_zone,
    provider: understanding.provider,
    tabs: understanding.tabs,
    months,
    rejects: understanding.rejects,
    counts,
  };
}

export function buildReport(
  command: Report['command'],
  directory: Directory,
  workbooks: WorkbookReport[],
  unreadable: Report['unreadable'],
): Report {
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    command,
    directory: { clinic_code: directory.clinic.code, version: directory.version },
    workbooks,
    unreadable,
  };
}
