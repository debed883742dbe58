// Building blocks for DB tests: demo token, payload builders, token minting as service_role.
import type { MonthFigure, MonthPayload, ProductionRow } from '../../src/core/production';
import { emptyDayFields } from '../../src/core/production';
import { readDemoPractice } from '../../tools/generate-seed';
import { rpcAs, type TestDatabase } from './db';

export const DEMO_TOKEN: string = readDemoPractice().demo_tokens![0].token;
export const SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_demo';

export function day(
  location_code: string,
  work_date: string,
  fields: Partial<ProductionRow['fields']>,
  source: { tab: string; row: number },
  extra: { note?: string | null; provider_code?: string } = {},
): ProductionRow {
  return {
    provider_code: extra.provider_code ?? 'obinna_ezeji',
    location_code,
    work_date,
    fields: { ...emptyDayFields(), ...fields },
    note: extra.note ?? null,
    source,
  };
}

export function month(provider_code: string, ym: string, rows: ProductionRow[], figures: MonthFigure[] = []): MonthPayload {
  return { provider_code, month: ym, rows, figures };
}

/** A dentist month like Dr. Obi's: `days` working days alternating Humble/Baytown, some negative adjustments. */
export function dentistMonth(ym: string, days = 30, provider_code = 'obinna_ezeji', tab = ym): MonthPayload {
  const [y, m] = ym.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const rows: ProductionRow[] = [];
  for (let d = 1; d <= Math.min(days, last); d++) {
    const loc = d % 2 ? 'HUMBLE_MAIN' : 'BAYTOWN_MAIN';
    const cents = ((d * 7919 + m * 104729) % 250000) - (d % 9 === 0 ? 300000 : 0);
    rows.push(
      day(loc, `${ym}-${String(d).padStart(2, '0')}`, { hours_worked: String(6 + (d % 4) * 0.25), verified_production: (cents / 100).toFixed(2) }, { tab, row: d + 1 }, { provider_code }),
    );
  }
  return month(provider_code, ym, rows, [
    { location_code: null, name: 'monthly_goal', value: '70000.00' },
    { location_code: 'HUMBLE_MAIN', name: 'sheet_location_production', value: '1234.50' },
  ]);
}

export async function bindDemo(db: TestDatabase, provider = 'obinna_ezeji', token = DEMO_TOKEN, sheet = SHEET_ID, settings: object = {}): Promise<any> {
  const res = await rpcAs(db, 'anon', 'sync_bind', { p_token: token, p_spreadsheet_id: sheet, p_provider_code: provider, p_settings: settings });
  if (!res.ok) throw new Error(`bind failed: ${JSON.stringify(res)}`);
  return res;
}

export async function ingest(db: TestDatabase, months: MonthPayload[], token = DEMO_TOKEN, sheet = SHEET_ID): Promise<any> {
  return rpcAs(db, 'anon', 'sync_ingest', { p_token: token, p_spreadsheet_id: sheet, p_months: months });
}

export async function mintToken(db: TestDatabase, label: string, provider_codes: string[] | null = null, location_codes: string[] | null = null): Promise<{ token_id: string; token: string }> {
  return rpcAs(db, 'service_role', 'admin_mint_token', { p_label: label, p_provider_codes: provider_codes, p_location_codes: location_codes });
}
