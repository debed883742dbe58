// Which months to send (contract 4): the server's plan is the truth. A month is sent when its hash differs from
// the server's or the server lacks it; local memory is never a reason to skip one, so a reseed that emptied the
// production tables is repaired by the next sync. Months the server has that the workbook no longer has are
// reported, never deleted (contract 3).
import type { PlanMonth } from '../api-contract';
import { monthHash } from '../month-hash';
import type { Hasher } from '../ports';
import type { MonthUnderstanding, TabUnderstanding } from '../understanding';

export function monthKey(providerCode: string, month: string): string {
  return `${providerCode}|${month}`;
}

export interface PlannedMonth {
  key: string;
  tab: string;
  understanding: MonthUnderstanding;
  hash: string;
  server_hash: string | null;
  reason: 'changed' | 'missing_on_server';
}

export interface UnchangedMonth {
  key: string;
  tab: string;
  provider_code: string;
  month: string;
  hash: string;
  row_count: number;
}

export interface OrphanMonth {
  provider_code: string;
  month: string;
  row_count: number;
  message: string;
}

export interface DuplicateMonth {
  provider_code: string;
  month: string;
  tabs: string[];
  message: string;
}

export interface MonthPlan {
  /** Newest month first: a run cut short by its budget has sent the months most likely to be looked at. */
  send: PlannedMonth[];
  unchanged: UnchangedMonth[];
  orphaned: OrphanMonth[];
  duplicates: DuplicateMonth[];
}

export function planMonths(
  months: readonly MonthUnderstanding[],
  server: readonly PlanMonth[],
  hasher: Hasher,
  tabs: readonly TabUnderstanding[] = [],
): MonthPlan {
  const serverByKey = new Map(server.map((m) => [monthKey(m.provider_code, m.month), m]));
  const byKey = new Map<string, MonthUnderstanding[]>();
  for (const m of months) {
    const key = monthKey(m.payload.provider_code, m.payload.month);
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }

  const plan: MonthPlan = { send: [], unchanged: [], orphaned: [], duplicates: [] };
  for (const [key, group] of byKey) {
    const { provider_code, month } = group[0].payload;
    if (group.length > 1) {
      // Two tabs mean the same month: picking one would silently drop the other's rows.
      const names = group.map((g) => g.tab);
      plan.duplicates.push({
        provider_code,
        month,
        tabs: names,
        message: `Tabs ${names.map((n) => `'${n}'`).join(' and ')} both hold ${month}: neither was synced. Rename or delete one of them.`,
      });
      continue;
    }
    const m = group[0];
    const hash = monthHash(m.payload, hasher);
    const theirs = serverByKey.get(key) ?? null;
    const empty = m.payload.rows.length === 0 && m.payload.figures.length === 0;
    if ((theirs && theirs.hash === hash) || (!theirs && empty)) {
      plan.unchanged.push({ key, tab: m.tab, provider_code, month, hash, row_count: m.payload.rows.length });
    } else {
      plan.send.push({ key, tab: m.tab, understanding: m, hash, server_hash: theirs?.hash ?? null, reason: theirs ? 'changed' : 'missing_on_server' });
    }
  }

  for (const [key, theirs] of serverByKey) {
    if (byKey.has(key)) continue;
    const unreadable = tabs.find((t) => t.month === theirs.month && t.skipped_reason);
    plan.orphaned.push({
      provider_code: theirs.provider_code,
      month: theirs.month,
      row_count: theirs.row_count,
      message: unreadable
        ? `${theirs.month} is in the database (${theirs.row_count} rows) but tab '${unreadable.tab}' could not be read (${unreadable.skipped_reason}): the database rows were kept.`
        : `${theirs.month} is in the database (${theirs.row_count} rows) but no tab of this workbook holds it (tab deleted or renamed?): the database rows were kept, nothing was deleted.`,
    });
  }

  plan.send.sort((a, b) => cmp(b.understanding.payload.month, a.understanding.payload.month) || cmp(a.key, b.key));
  plan.orphaned.sort((a, b) => cmp(a.month, b.month));
  return plan;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
