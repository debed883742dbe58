// The homepage's sync part once settings exist: whose sheet detection thinks this is (confidence, runner-up,
// ambiguity), what the server's binding says, which column feeds which field and office on each month tab, and
// the sheet's own totals check. Pure: computed from what the entry point loaded, so the card reads no service.
import type { Binding, TotalsCheckRecord } from '../core/api-contract';
import { linkedLocations, type Directory } from '../core/directory';
import type { ProviderDetection, WorkbookUnderstanding } from '../core/understanding';

export interface NamedCode {
  code: string;
  name: string;
}

export interface ColumnLine {
  header: string;
  target: string; // 'verified_production @ Humble', or why it is not used
  used: boolean;
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
  const officeName = (code: string | null) => (code ? (named(directory, 'locations', code) as NamedCode).name : null);
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
      columns: t.columns.map((c) => ({
        header: c.header.trim() || '(no header)',
        target: c.field === null ? `not used${c.reason ? ` (${c.reason})` : ''}` : `${c.field}${c.location_code ? ` @ ${officeName(c.location_code)}` : ''}`,
        used: c.field !== null,
      })),
    })),
    totals: effective.months.flatMap((m) => m.totals),
    hourly: { enrolled: input.enrolled, triggerInstalled: input.triggerInstalled },
    resumePending: input.resumePending,
  };
}
