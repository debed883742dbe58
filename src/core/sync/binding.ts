// First run: detection suggests, the user confirms once, the binding is stored server-side keyed by spreadsheet
// id (DESIGN principle 4) and cached with the directory. runSync never guesses a binding; the card (or the
// backfill command's explicit --provider flag) calls bindSpreadsheet.
import type { Binding, BindingSettings } from '../api-contract';
import { linkedLocations, type Directory } from '../directory';
import type { Clock, SheetSource } from '../ports';
import { parseMonthTab, isMonthTab } from '../sheet/month-tab';
import type { UnderstandWorkbook, WorkbookUnderstanding } from '../understanding';
import { getMapping, MappingCache, refreshMapping, type CachedMapping } from './mapping-cache';
import type { SyncApi, SyncApiResult } from './sync-api';

export interface BindDeps {
  api: SyncApi;
  cache: MappingCache;
  clock: Clock;
}

/** sync_bind, then the cached mapping is brought up to date (patched, or refetched if the directory moved). */
export function bindSpreadsheet(deps: BindDeps, spreadsheetId: string, settings: BindingSettings): SyncApiResult<{ binding: Binding; mapping: CachedMapping }> {
  const bound = deps.api.bind(spreadsheetId, settings);
  if (!bound.ok) return bound;
  const cached = deps.cache.read(spreadsheetId);
  if (cached && cached.directory.version === bound.value.directory_version) {
    const mapping: CachedMapping = { ...cached, binding: bound.value.binding, fetched_at: deps.clock.now() };
    deps.cache.write(mapping);
    return { ok: true, value: { binding: bound.value.binding, mapping } };
  }
  const fresh = refreshMapping(deps, spreadsheetId);
  if (!fresh.ok) return fresh;
  return { ok: true, value: { binding: bound.value.binding, mapping: { ...fresh.value, binding: fresh.value.binding ?? bound.value.binding } } };
}

export type BindingSuggestion =
  | { kind: 'confident'; settings: BindingSettings; needs_location: boolean }
  | { kind: 'ask'; reason: string };

/**
 * What the first-run card proposes. Confident only when detection is high-confidence and not ambiguous; a
 * hygienist with several linked offices still needs the office chosen (needs_location).
 */
export function suggestBinding(understanding: WorkbookUnderstanding, directory: Directory): BindingSuggestion {
  const p = understanding.provider;
  if (!p.best) return { kind: 'ask', reason: 'No provider named in the title or tabs was found in the directory: choose whose sheet this is.' };
  if (p.ambiguous)
    return {
      kind: 'ask',
      reason: `The sheet could be ${p.best.name} or ${p.runner_up?.name ?? 'someone else'}: choose whose sheet this is.`,
    };
  if (p.confidence !== 'high') return { kind: 'ask', reason: `The sheet looks like ${p.best.name}'s, but not certainly (matched '${p.best.matched}'): confirm.` };
  const provider = directory.providers.find((d) => d.code === p.best?.provider_code);
  const offices = linkedLocations(directory, p.best.provider_code);
  const isHygienist = provider?.kind === 'hygienist';
  return {
    kind: 'confident',
    settings: {
      provider_code: p.best.provider_code,
      default_location_code: isHygienist && offices.length === 1 ? offices[0] : null,
      column_overrides: {},
    },
    needs_location: isHygienist && offices.length !== 1,
  };
}

export interface PrepareDeps extends BindDeps {
  source: SheetSource;
  understand: UnderstandWorkbook;
}

export interface BindingPreview {
  spreadsheet_id: string;
  mapping: CachedMapping;
  understanding: WorkbookUnderstanding;
  suggestion: BindingSuggestion;
}

/** Reads the month tabs (one read call) and understands them without a binding, for the first-run card. */
export function prepareBinding(deps: PrepareDeps): SyncApiResult<BindingPreview> {
  const described = deps.source.describe();
  const m = getMapping(deps, described.spreadsheetId);
  if (!m.ok) return m;
  const names = described.tabs.filter((t) => isMonthTab(parseMonthTab(t.name))).map((t) => t.name);
  const tabs = names.length > 0 ? deps.source.read(names) : [];
  const understanding = deps.understand(
    { spreadsheetId: described.spreadsheetId, title: described.title, timeZone: described.timeZone, tabs },
    m.value.mapping.directory,
    { binding: null },
  );
  return {
    ok: true,
    value: {
      spreadsheet_id: described.spreadsheetId,
      mapping: m.value.mapping,
      understanding,
      suggestion: suggestBinding(understanding, m.value.mapping.directory),
    },
  };
}
