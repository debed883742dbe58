import { buildHomepageCard, MAX_LISTED_TABS } from '../../src/ui/cards/homepage-card';
import { renderCardText } from '../../tools/gas-runtime/card-text';
import { installCardService } from './install-card-service';

beforeEach(installCardService);

const view = (tabs: { name: string; month: string | null; skipReason: string | null }[], hasFileScope = false) => ({
  title: 'Hygiene Production Tracker - Adriane',
  tabs,
  hasFileScope,
});

describe('buildHomepageCard', () => {
  test('given one tab that is not a month, then the counts read "1 tab, 0 month tabs"', () => {
    const text = renderCardText(buildHomepageCard(view([{ name: 'Summary', month: null, skipReason: 'not a month tab' }])));
    expect(text).toContain('   Tabs: 1 tab, 0 month tabs\n-- Tabs --\n   Summary\n     Skipped: not a month tab\n');
  });

  test('given the file is shared, then no access button is offered, only Refresh', () => {
    const text = renderCardText(buildHomepageCard(view([{ name: 'Dec-23', month: '2023-12', skipReason: null }], true)));
    expect(text.endsWith('-- Background sync --\n   This file is shared with Production Sync.\n   [Refresh → onRefreshHomepage]')).toBe(true);
    expect(text).not.toContain('onRequestFileScope');
  });

  test('given exactly as many tabs as it lists, then no "more tabs" line', () => {
    const tabs = Array.from({ length: MAX_LISTED_TABS }, (_, i) => ({ name: `T${i}`, month: null, skipReason: 'x' }));
    expect(renderCardText(buildHomepageCard(view(tabs)))).not.toContain('more tab');
    const oneMore = [...tabs, { name: 'last', month: null, skipReason: 'x' }];
    expect(renderCardText(buildHomepageCard(view(oneMore)))).toContain('   …and 1 more tab.\n');
  });
});
