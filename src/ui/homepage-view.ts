// What the homepage card shows, worked out from the spreadsheet's outline: pure, so the card stays a function
// of this view and tests need no spreadsheet.
import type { SheetSource } from '../core/ports';
import { isMonthTab, parseMonthTab } from '../core/sheet/month-tab';
import type { SyncSetupView } from './sync-setup-view';

export interface TabView {
  name: string;
  month: string | null; // 'YYYY-MM' when a month tab
  skipReason: string | null; // why not, when not
}

/** The sync part of the homepage: nothing until settings exist; the setup once the database answered. */
export type SyncPart =
  | { kind: 'not-configured' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'ready'; setup: SyncSetupView };

export interface HomepageView {
  title: string;
  tabs: TabView[];
  hasFileScope: boolean;
  sync?: SyncPart; // absent = not configured
}

export function toHomepageView(
  outline: ReturnType<SheetSource['describe']>,
  hasFileScope: boolean,
  sync?: SyncPart,
): HomepageView {
  return {
    ...(sync ? { sync } : {}),
    title: outline.title,
    tabs: outline.tabs.map(({ name }) => {
      const parsed = parseMonthTab(name);
      return isMonthTab(parsed) ? { name, month: parsed.month, skipReason: null } : { name, month: null, skipReason: parsed.skip };
    }),
    hasFileScope,
  };
}
