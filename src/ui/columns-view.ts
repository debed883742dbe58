// What the Columns card shows (contract 8, saved overrides): every header of the month tabs once, keyed by its
// normalised text as the engine's overrides are, with what it can mean — the sheet kind's fields, each office for
// an amount column, or 'not used' — and what it means now. Pure: worked out from what the homepage loads.
//
// The values are the override vocabulary of BindingSettings.column_overrides (src/core/sheet/map-columns.ts):
// a field name, 'location:<CODE>' (the column's per-office amount, at that office) or 'ignore'.
import { normaliseHeader } from '../core/sheet/header-text';
import { BUILT_IN_SHEET_KINDS } from '../core/sheet/kinds/built-in-kinds';
import { mappedFieldName, type ColumnDefinition, type SheetKindDefinition } from '../core/sheet/sheet-kind';
import type { ColumnMapping, TabUnderstanding } from '../core/understanding';
import { fieldLabel, isMonthFigure, meaningLabel } from './field-labels';
import type { SyncSetupInput } from './sync-setup-view';
import type { DropdownItem } from './widgets';

export const IGNORE = 'ignore';
const LOCATION_PREFIX = 'location:';

/** A card shows at most 100 widgets: one dropdown per header, with room for the text and buttons. */
export const MAX_COLUMN_CHOICES = 80;

export interface ColumnChoiceView {
  /** The override key: the header's normalised text. */
  key: string;
  /** The header as the first tab writes it. */
  header: string;
  /** Month tabs with this header, when not all of them. */
  onlyIn: string[] | null;
  options: DropdownItem[];
  /** What it means now (a saved choice, else detection). */
  selected: string;
  /** What detection alone makes of it: choosing this again removes the saved choice. Null when not comparable. */
  detected: string | null;
  overridden: boolean;
}

export interface ColumnsView {
  title: string;
  provider: string | null;
  choices: ColumnChoiceView[];
  unlisted: number;
}

/** A mapping as an override value: what the user would choose to get exactly this meaning. */
export function meaningValue(c: ColumnMapping): string {
  if (c.field === null) return IGNORE;
  if (c.location_code !== null) return `${LOCATION_PREFIX}${c.location_code}`;
  return c.field;
}

function definitionOf(kind: SheetKindDefinition, field: string | null): ColumnDefinition | null {
  return field === null ? null : kind.columns.find((d) => mappedFieldName(d) === field) ?? null;
}

function perOffice(d: ColumnDefinition | null): 'optional' | 'required' | null {
  return d && (d.role === 'day_value' || d.role === 'month_figure') ? d.per_office ?? null : null;
}

// The field an office choice gives this column: its own if it is an amount per office (map-columns keeps the
// detected definition), else the kind's per-office day amount.
function officeField(kind: SheetKindDefinition, detected: ColumnMapping | null): string | null {
  const own = definitionOf(kind, detected?.field ?? null);
  if (perOffice(own)) return mappedFieldName(own!);
  const day = kind.columns.find((d) => d.role === 'day_value' && d.per_office);
  return day ? mappedFieldName(day) : null;
}

function optionsFor(kind: SheetKindDefinition, tab: TabUnderstanding, detected: ColumnMapping | null, offices: { code: string; name: string }[]): DropdownItem[] {
  const fields = kind.columns
    .map((d) => ({ field: mappedFieldName(d), required: perOffice(d) === 'required' }))
    .filter((f): f is { field: string; required: boolean } => f.field !== null && !f.required);
  const unique = [...new Set(fields.map((f) => f.field))];
  const options: DropdownItem[] = [
    ...unique.filter((f) => !isMonthFigure(f)).map((f) => ({ value: f, label: `Day: ${fieldLabel(f)}` })),
  ];
  // Office choices where a column carries one office's amounts: per-office columns, and unrecognised columns of a
  // tab whose amounts are split by office (a new office's column, say).
  const hasOfficeColumns = tab.columns.some((c) => c.location_code !== null);
  const field = officeField(kind, detected);
  const ownPerOffice = perOffice(definitionOf(kind, detected?.field ?? null)) !== null;
  if (field && (ownPerOffice || (hasOfficeColumns && (detected === null || detected.field === null)))) {
    const prefix = isMonthFigure(field) ? 'Month figure' : 'Day';
    const atOffices = offices.map((o) => ({ value: `${LOCATION_PREFIX}${o.code}`, label: `${prefix}: ${meaningLabel(field, o.name)}` }));
    // Beside the same field without an office, so the choices for one figure read together.
    const plain = options.findIndex((o) => o.value === field);
    options.splice(plain >= 0 ? plain + 1 : options.length, 0, ...atOffices);
  }
  options.push(...unique.filter(isMonthFigure).map((f) => ({ value: f, label: `Month figure: ${fieldLabel(f)}` })));
  options.push({ value: IGNORE, label: 'Not used' });
  return options;
}

export function toColumnsView(input: Pick<SyncSetupInput, 'directory' | 'binding' | 'detected' | 'effective'>, kinds: readonly SheetKindDefinition[] = BUILT_IN_SHEET_KINDS): ColumnsView {
  const { directory, binding, detected, effective } = input;
  const overrides = binding?.column_overrides ?? {};
  const offices = directory.locations.map((l) => ({ code: l.code, name: l.name })).sort((a, b) => a.name.localeCompare(b.name));
  const monthTabs = effective.tabs.filter((t) => t.month !== null && t.sheet_kind !== null);
  const seen = new Map<string, { choice: ColumnChoiceView; tabs: Set<string> }>();
  for (const tab of monthTabs) {
    const kind = kinds.find((k) => k.kind === tab.sheet_kind);
    if (!kind) continue;
    const detectedTab = detected.tabs.find((t) => t.tab === tab.tab && t.sheet_kind === tab.sheet_kind) ?? null;
    for (const column of tab.columns) {
      const key = normaliseHeader(column.header);
      if (key === '') continue; // the engine ignores overrides on blank headers
      const known = seen.get(key);
      if (known) {
        known.tabs.add(tab.tab);
        continue;
      }
      const byDetection = detectedTab?.columns.find((c) => c.column === column.column) ?? null;
      const options = optionsFor(kind, tab, byDetection, offices);
      const saved = Object.prototype.hasOwnProperty.call(overrides, key) ? overrides[key] : null;
      const selected = saved ?? meaningValue(column);
      if (!options.some((o) => o.value === selected)) options.push({ value: selected, label: `Saved: ${selected}` });
      seen.set(key, {
        choice: {
          key,
          header: column.header.trim(),
          onlyIn: null,
          options,
          selected,
          detected: byDetection ? meaningValue(byDetection) : null,
          overridden: saved !== null,
        },
        tabs: new Set([tab.tab]),
      });
    }
  }
  const choices = [...seen.values()].map(({ choice, tabs }) => ({ ...choice, onlyIn: tabs.size < monthTabs.length ? [...tabs] : null }));
  const provider = binding ? directory.providers.find((p) => p.code === binding.provider_code)?.name ?? binding.provider_code : null;
  return { title: effective.title, provider, choices: choices.slice(0, MAX_COLUMN_CHOICES), unlisted: Math.max(0, choices.length - MAX_COLUMN_CHOICES) };
}

export interface ColumnPick {
  key: string;
  /** What detection alone makes of the header (the card carries it), null when unknown. */
  detected: string | null;
  /** The dropdown's value; null when the form did not send it (left as it was). */
  value: string | null;
}

/**
 * The overrides to store after the Columns card's Save: a choice equal to what detection says is no override (so
 * a later, better detection is not pinned), any other choice is one; headers not on the card keep theirs.
 */
export function overridesFromPicks(existing: Readonly<Record<string, string>>, picks: readonly ColumnPick[]): Record<string, string> {
  const next: Record<string, string> = { ...existing };
  for (const p of picks) {
    if (p.value === null || p.value === '') continue;
    if (p.value === p.detected) delete next[p.key];
    else next[p.key] = p.value;
  }
  return next;
}
