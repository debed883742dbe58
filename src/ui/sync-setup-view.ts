// The homepage's sync part once settings exist: whose sheet detection thinks this is (confidence, runner-up,
// ambiguity), what the server's binding says, which column feeds which field and office on each month tab, and
// the sheet's own totals check. Pure: computed from what the entry point loaded, so the card reads no service.
import type { Binding, TotalsCheckRecord } from '../core/api-contract';
import { linkedLocations, type Directory } from '../core/directory';
import type { ColumnMapping, ProviderDetection, WorkbookUnderstanding } from '../core/understanding';
import { isMonthFigure, meaningLabel } from './field-labels';
import type { OfficeNames } from './totals-text';

export interface NamedCode {
  code: string;
  name: string;
}

/** Day values feed the day rows; month figures are the sheet's own summaries; the rest is not synced. */
export type ColumnGroup = 'day' | 'month' | 'unused';

export interface ColumnLine {
  header: string;
  group: ColumnGroup;
  /** 'verified production at Humble', or why the column is not used. */
  meaning: string;
  /** The meaning comes from a saved choice (contract 8), not from detection. */
  overridden: boolean;
}

export interface TabSetupView {
  tab: string;
  month: string | null;
  kind: string | null;
  skippedReason: string | null;
  rows: number;
  columns: ColumnLine[];
}

export interface SyncSetupView {
  detection: ProviderDetection;
  /** The binding stored server-side, with display names. */
  bound: { provider: NamedCode; defaultOffice: NamedCode | null; columnOverrides: Record<string, string> } | null;
  /** No binding yet, or detection names someone else than the binding: the user confirms. */
  needsConfirmation: boolean;
  detectionDiffers: boolean;
  /** Why detection alone is not enough, when it is not (ambiguous, low confidence, several offices). */
  askReason: string | null;
  providers: (NamedCode & { kind: string })[];
  selectedProvider: string | null;
  /** Offices of the selected provider; the office choice is offered for hygiene sheets (no office column). */
  offices: NamedCode[];
  askOffice: boolean;
  selectedOffice: string | null;
  tabs: TabSetupView[];
  totals: TotalsCheckRecord[];
  /** Office code → name, for every office of the directory. */
  officeNames: OfficeNames;
  hourly: { enrolled: boolean; triggerInstalled: boolean };
  resumePending: boolean;
}

export interface SyncSetupInput {
  directory: Directory;
  binding: Binding | null;
  /** Understood WITHOUT the binding: what detection alone says. */
  detected: WorkbookUnderstanding;
  /** Understood with the binding (equals `detected` when unbound): what a sync would send. */
  effective: WorkbookUnderstanding;
  askReason: string | null;
  needsLocation: boolean;
  enrolled: boolean;
  triggerInstalled: boolean;
  resumePending: boolean;
}

function named(directory: Directory, kind: 'providers' | 'locations', code: string | null): NamedCode | null {
  if (code === null) return null;
  const found = (directory[kind] as NamedCode[]).find((x) => x.code === code);
  return { code, name: found?.name ?? code };
}

export function toSyncSetupView(input: SyncSetupInput): SyncSetupView {
  const { directory, binding, detected, effective } = input;
  const best = detected.provider.best;
  const detectionDiffers = binding !== null && best !== null && best.provider_code !== binding.provider_code;
  const selectedProvider = binding?.provider_code ?? best?.provider_code ?? null;
  const selectedKind = directory.providers.find((p) => p.code === selectedProvider)?.kind ?? null;
  const offices = selectedProvider ? linkedLocations(directory, selectedProvider).map((c) => named(directory, 'locations', c) as NamedCode) : [];
  const officeNames: OfficeNames = Object.fromEntries(directory.locations.map((l) => [l.code, l.name]));
  return {
    detection: detected.provider,
    bound: binding && {
      provider: named(directory, 'providers', binding.provider_code) as NamedCode,
      defaultOffice: named(directory, 'locations', binding.default_location_code),
      columnOverrides: binding.column_overrides,
    },
    needsConfirmation: binding === null || detectionDiffers,
    detectionDiffers,
    askReason: input.askReason,
    providers: directory.providers.map((p) => ({ code: p.code, name: p.name, kind: p.kind })),
    selectedProvider,
    offices,
    askOffice: selectedKind === 'hygienist' || input.needsLocation,
    selectedOffice: binding?.default_location_code ?? (selectedKind === 'hygienist' && offices.length === 1 ? offices[0].code : null),
    tabs: effective.tabs.map((t) => ({
      tab: t.tab,
      month: t.month,
      kind: t.sheet_kind,
      skippedReason: t.skipped_reason,
      rows: t.row_count,
      columns: t.columns.map((c) => columnLine(c, officeNames)),
    })),
    totals: effective.months.flatMap((m) => m.totals),
    officeNames,
    hourly: { enrolled: input.enrolled, triggerInstalled: input.triggerInstalled },
    resumePending: input.resumePending,
  };
}

function columnLine(c: ColumnMapping, officeNames: OfficeNames): ColumnLine {
  const header = c.header.trim() || '(no header)';
  const overridden = c.reason === 'override' || (c.reason?.startsWith('override') ?? false);
  if (c.field === null) return { header, group: 'unused', meaning: c.reason === 'override: ignore' ? 'not used' : c.reason ?? 'not used', overridden };
  const office = c.location_code ? officeNames[c.location_code] ?? c.location_code : null;
  return { header, group: isMonthFigure(c.field) ? 'month' : 'day', meaning: meaningLabel(c.field, office), overridden };
}
