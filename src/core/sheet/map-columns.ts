// Header row → what each column means, for one sheet kind. Every column is reported (unmapped ones with the
// reason), saved overrides (contract 8) win over detection, and when several rules match the most specific wins —
// never "first match wins" (F3).
import type { BindingSettings } from '../api-contract';
import type { Cell } from '../cell';
import type { Directory } from '../directory';
import type { ColumnMapping } from '../understanding';
import { findOfficeInWords } from '../detect/detect-location';
import { findPhrase, normaliseHeader, words } from './header-text';
import { rawCellText } from './parse-cell';
import { mappedFieldName, type ColumnDefinition, type HeaderRule, type SheetKindDefinition } from './sheet-kind';

export interface MappedColumn {
  mapping: ColumnMapping;
  definition: ColumnDefinition | null;
}

// Words that describe a figure rather than name a place: leftover words like these never make a header "name an
// office the directory lacks".
const DESCRIPTIVE_WORDS = new Set(
  ('total totals monthly month daily day average avg net gross estimated verified goal goals target per hour hours ' +
    'both all offices office location over under sum combined week weekly year ytd mtd the of and for from production ' +
    'prod amount billing department only in at by % enter your worked')
    .split(' '),
);

interface RuleMatch {
  definition: ColumnDefinition;
  specificity: number;
  location_code: string | null;
  unknown_office: string | null;
}

function matchRule(header: string[], rule: HeaderRule, definition: ColumnDefinition, directory: Directory): RuleMatch | null {
  for (const excluded of rule.none ?? []) if (findPhrase(header, words(excluded)) >= 0) return null;
  const consumed = new Set<number>();
  for (const phraseText of rule.all) {
    const phrase = words(phraseText);
    const start = findPhrase(header, phrase);
    if (start < 0) return null;
    phrase.forEach((_, k) => consumed.add(start + k));
  }
  for (const filler of rule.filler ?? []) {
    const phrase = words(filler);
    const start = findPhrase(header, phrase);
    if (start >= 0) phrase.forEach((_, k) => consumed.add(start + k));
  }
  const specificity = consumed.size;
  const perOffice = definition.role === 'day_value' || definition.role === 'month_figure' ? definition.per_office : undefined;
  let location_code: string | null = null;
  let unknown_office: string | null = null;
  if (perOffice) {
    const rest = header.map((w, i) => (consumed.has(i) ? '' : w));
    const office = findOfficeInWords(rest, directory);
    if (office.kind === 'several') return null;
    if (office.kind === 'found') {
      location_code = office.mention.location_code;
      office.mention.word_indexes.forEach((i) => consumed.add(i));
    } else {
      const naming = header.filter((w, i) => !consumed.has(i) && !DESCRIPTIVE_WORDS.has(w) && !/^\d+$/.test(w));
      if (naming.length > 0 && naming.length <= 2) unknown_office = naming.join(' ');
      else if (perOffice === 'required') return null;
    }
  }
  if (rule.only && !unknown_office && header.some((_, i) => !consumed.has(i))) return null;
  return { definition, specificity: specificity + (location_code ? 1 : 0), location_code, unknown_office };
}

function detect(headerText: string, kind: SheetKindDefinition, directory: Directory): { match: RuleMatch | null; reason: string | null } {
  const header = words(headerText);
  if (header.length === 0) return { match: null, reason: 'blank header' };
  const matches: RuleMatch[] = [];
  for (const definition of kind.columns) {
    let best: RuleMatch | null = null;
    for (const rule of definition.headers) {
      const m = matchRule(header, rule, definition, directory);
      if (m && (!best || m.specificity > best.specificity || (best.unknown_office && !m.unknown_office))) best = m;
    }
    if (best) matches.push(best);
  }
  const known = matches.filter((m) => !m.unknown_office).sort((a, b) => b.specificity - a.specificity);
  if (known.length > 0) {
    if (known.length > 1 && known[1].specificity === known[0].specificity) {
      const names = known.filter((m) => m.specificity === known[0].specificity).map((m) => describe(m.definition));
      return { match: null, reason: `ambiguous header: could be ${names.join(' or ')}` };
    }
    return { match: known[0], reason: null };
  }
  const unknown = matches.find((m) => m.unknown_office);
  if (unknown) return { match: null, reason: `names an office the directory lacks: '${unknown.unknown_office}'` };
  return { match: null, reason: `no ${kind.kind} field matches this header` };
}

function describe(definition: ColumnDefinition): string {
  return mappedFieldName(definition) ?? `informational (${definition.role})`;
}

function toMapping(column: number, header: string, match: RuleMatch, reason: string | null): MappedColumn {
  const field = mappedFieldName(match.definition);
  return {
    mapping: {
      column,
      header,
      field,
      location_code: match.location_code,
      reason: field === null && match.definition.role === 'informational' ? `informational: ${match.definition.why}` : reason,
    },
    definition: field === null ? null : match.definition,
  };
}

function unmapped(column: number, header: string, reason: string): MappedColumn {
  return { mapping: { column, header, field: null, location_code: null, reason }, definition: null };
}

function applyOverride(
  column: number,
  header: string,
  override: string,
  detected: RuleMatch | null,
  kind: SheetKindDefinition,
  directory: Directory,
): MappedColumn {
  const value = override.trim();
  if (value === 'ignore') return unmapped(column, header, 'override: ignore');
  if (value.startsWith('location:')) {
    const code = value.slice('location:'.length);
    if (!directory.locations.some((l) => l.code === code)) return unmapped(column, header, `override names an office the directory lacks: ${code}`);
    const perOffice =
      detected && (detected.definition.role === 'day_value' || detected.definition.role === 'month_figure') && detected.definition.per_office
        ? detected.definition
        : kind.columns.find((d) => d.role === 'day_value' && d.per_office);
    if (!perOffice) return unmapped(column, header, `override names an office, but a ${kind.kind} sheet has no per-office column`);
    return toMapping(column, header, { definition: perOffice, specificity: 0, location_code: code, unknown_office: null }, 'override');
  }
  const definition = kind.columns.find((d) => mappedFieldName(d) === value);
  if (!definition) return unmapped(column, header, `override names a field a ${kind.kind} sheet lacks: ${value}`);
  const location_code = detected && detected.definition === definition ? detected.location_code : null;
  const perOffice = definition.role === 'day_value' || definition.role === 'month_figure' ? definition.per_office : undefined;
  if (perOffice === 'required' && !location_code) return unmapped(column, header, `override maps to ${value}, which needs an office: use location:<CODE>`);
  return toMapping(column, header, { definition, specificity: 0, location_code, unknown_office: null }, 'override');
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function mapColumns(
  headerRow: readonly Cell[],
  kind: SheetKindDefinition,
  directory: Directory,
  overrides: BindingSettings['column_overrides'] | null | undefined,
): MappedColumn[] {
  const mapped: MappedColumn[] = headerRow.map((cell, column) => {
    const header = rawCellText(cell) ?? '';
    const { match, reason } = detect(header, kind, directory);
    const override = overrides ? overrides[normaliseHeader(header)] : undefined;
    if (typeof override === 'string' && header.trim() !== '') return applyOverride(column, header, override, match, kind, directory);
    return match ? toMapping(column, header, match, null) : unmapped(column, header, reason ?? 'unmapped');
  });
  const firstOfField = new Map<string, MappedColumn>();
  return mapped.map((c) => {
    if (c.mapping.field === null) return c;
    const key = `${c.mapping.field}|${c.mapping.location_code ?? ''}`;
    const first = firstOfField.get(key);
    if (!first) {
      firstOfField.set(key, c);
      return c;
    }
    return unmapped(c.mapping.column, c.mapping.header, `duplicate header: column ${columnLetter(first.mapping.column)} ('${first.mapping.header.trim()}') already maps to ${c.mapping.field}`);
  });
}
