// What entry points (src/main.ts, tools/) need from the sync engine.
export { runSync, DEFAULT_BUDGET_MS } from './run-sync';
export type { SyncDeps, SyncOptions, SyncRunResult, SyncStatus, SyncTrigger, TabReport, TabState, MonthProblem } from './run-sync';
export { runHourly } from './hourly';
export type { HourlyDeps, HourlyOptions, HourlyResult, HourlyVisit } from './hourly';
export { bindSpreadsheet, prepareBinding, suggestBinding } from './binding';
export type { BindDeps, BindingPreview, BindingSuggestion, PrepareDeps } from './binding';
export { MappingCache, getMapping, refreshMapping, refreshMappings } from './mapping-cache';
export type { CachedMapping, MappingDeps, RefreshOutcome } from './mapping-cache';
export { createSyncApi, failureMessage } from './sync-api';
export type { SyncApi, SyncApiResult, SyncFailure, DirectoryValue, PlanValue, IngestValue, LeaseValue, BindValue } from './sync-api';
export {
  saveSettings,
  loadSettings,
  clearSettings,
  validateSettings,
  validateRestUrl,
  validatePublishableKey,
  validateSyncToken,
  redactSecrets,
  maskSecret,
  URL_FETCH_WHITELIST,
} from './settings';
export type { ConnectionSettings, SettingsProblem, SettingsProblemCode, SettingsField, UrlOptions } from './settings';
export { enrol, unenrol, listEnrolled, isEnrolled, MAX_ENROLLED } from './enrolment';
export type { Enrolment, EnrolResult } from './enrolment';
export { readCheckpoint, clearCheckpoint } from './checkpoint';
export type { Checkpoint, SyncCounts } from './checkpoint';
export { planMonths, monthKey } from './plan-months';
export type { MonthPlan, OrphanMonth, DuplicateMonth } from './plan-months';
export { makeBatches, DEFAULT_BATCH_LIMITS } from './batches';
export type { BatchLimits } from './batches';
export { memoryUserLock } from './user-lock';
export type { UserLock } from './user-lock';
export { SnapshotStore } from './store-snapshot';
export { STORE_KEYS } from './store-keys';
