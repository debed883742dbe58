// What the homepage card shows, worked out from the spreadsheet's outline: pure, so the card stays a function
// of this view and tests need no spreadsheet.
import type { SheetSource } from '../core/ports';
import { isMonthTab, parseMonthTab } from '../core/sheet/month-tab';

export interface TabView {
  name: string;
  month: string | null; // 'YYYY-MM' when a month tab
  skipReason: string | null; // why not, when not
}

export interface HomepageView {
  title: string;
  tabs: TabView[];
  hasFileScope: boolean;
}

export function toHomepageView(outline: ReturnType<SheetSource['describe']>, hasFileScope: boolean): HomepageView {
  return {
    title: outline.title,
    tabs: outline.tabs.map(({ name }) => {
      const parsed = parseMonthTab(name);
      return isMonthTab(parsed) ? { name, month: parsed.month, skipReason: null } : { name, month: null, skipReason: parsed.skip };
    }),
    hasFileScope,
  };
}
