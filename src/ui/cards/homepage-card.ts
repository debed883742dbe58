import { ACTIONS, FIELDS, PARAMS } from '../actions';
import { countOf, escapeCardText, formatMonth } from '../format';
import type { HomepageView, SyncPart, TabView } from '../homepage-view';
import type { ColumnGroup, SyncSetupView, TabSetupView } from '../sync-setup-view';
import { totalsParagraph } from '../totals-text';
import { allowAccessButton, button, dropdown, refreshButton, settingsButton, syncNowButton } from '../widgets';

type Section = GoogleAppsScript.Card_Service.CardSection;

// A card shows at most 100 widgets; Google ignores the rest (Card reference, developers.google.com/workspace/
// chat/api/reference/rest/v1/cards#Card). The tab list stops short of that to leave room for the other sections.
export const MAX_LISTED_TABS = 90;
/** Month tabs whose columns are listed (one widget each) once the sync is set up. */
export const MAX_COLUMN_TABS = 24;

export function buildHomepageCard(view: HomepageView): GoogleAppsScript.Card_Service.Card {
  const monthTabs = view.tabs.filter((tab) => tab.month !== null).length;
  const summary = CardService.newCardSection()
    .addWidget(CardService.newDecoratedText().setTopLabel('Spreadsheet').setText(escapeCardText(view.title)).setWrapText(true))
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Tabs')
        .setText(`${countOf(view.tabs.length, 'tab')}, ${countOf(monthTabs, 'month tab')}`),
    );

  const sync: SyncPart = view.sync ?? { kind: 'not-configured' };
  const listed = sync.kind === 'ready' ? Math.min(MAX_LISTED_TABS, 40) : MAX_LISTED_TABS;
  const tabs = CardService.newCardSection().setHeader('Tabs');
  for (const tab of view.tabs.slice(0, listed)) tabs.addWidget(tabWidget(tab));
  const unlisted = view.tabs.length - listed;
  if (unlisted > 0) tabs.addWidget(CardService.newTextParagraph().setText(`…and ${countOf(unlisted, 'more tab')}.`));

  const card = CardService.newCardBuilder()
    .setName('homepage')
    .setHeader(CardService.newCardHeader().setTitle('Production Sync').setSubtitle(escapeCardText(view.title)))
    .addSection(summary)
    .addSection(tabs);
  for (const section of syncSections(sync)) card.addSection(section);
  return card.addSection(accessSection(view.hasFileScope)).build();
}

function tabWidget(tab: TabView): GoogleAppsScript.Card_Service.DecoratedText {
  const label = tab.month !== null ? `Month tab: ${formatMonth(tab.month)}` : `Skipped: ${tab.skipReason}`;
  return CardService.newDecoratedText().setText(escapeCardText(tab.name)).setBottomLabel(label).setWrapText(true);
}


function syncSections(sync: SyncPart): Section[] {
  if (sync.kind === 'not-configured') {
    return [
      CardService.newCardSection()
        .setHeader('Sync')
        .addWidget(
          CardService.newTextParagraph().setText(
            "To sync this spreadsheet, enter your practice's Supabase URL, publishable key and sync token in Settings.",
          ),
        )
        .addWidget(CardService.newButtonSet().addButton(settingsButton(true))),
    ];
  }
  if (sync.kind === 'unavailable') {
    return [
      CardService.newCardSection()
        .setHeader('Sync')
        .addWidget(CardService.newTextParagraph().setText(escapeCardText(sync.message)))
        .addWidget(CardService.newButtonSet().addButton(settingsButton()).addButton(refreshButton('Try again'))),
    ];
  }
  const setup = sync.setup;
  return [whoseSection(setup), columnsSection(setup), totalsSection(setup), actionsSection(setup)];
}

function whoseSection(setup: SyncSetupView): Section {
  const section = CardService.newCardSection().setHeader('Whose sheet');
  const d = setup.detection;
  if (d.best) {
    const details = [`${d.confidence} confidence, matched '${d.best.matched}'`];
    if (d.runner_up) details.push(`runner-up: ${d.runner_up.name} (${Math.round(d.runner_up.score * 100)}%)`);
    if (d.ambiguous) details.push('ambiguous: not guessed');
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Detected provider')
        .setText(escapeCardText(d.best.name))
        .setBottomLabel(escapeCardText(details.join('; ')))
        .setWrapText(true),
    );
  } else {
    section.addWidget(CardService.newDecoratedText().setTopLabel('Detected provider').setText('none found in the title or tabs').setWrapText(true));
  }
  if (setup.bound) {
    const office = setup.bound.defaultOffice ? `default office: ${setup.bound.defaultOffice.name}` : 'office from each row';
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Saved binding')
        .setText(escapeCardText(setup.bound.provider.name))
        .setBottomLabel(escapeCardText(office))
        .setWrapText(true),
    );
  }
  if (setup.detectionDiffers)
    section.addWidget(
      CardService.newTextParagraph().setText(
        escapeCardText(`Detection says ${d.best?.name}, the saved binding says ${setup.bound?.provider.name}: confirm who this sheet belongs to. Until then, a sync sends the rows as ${setup.bound?.provider.name}'s.`),
      ),
    );
  else if (setup.askReason && setup.needsConfirmation) section.addWidget(CardService.newTextParagraph().setText(escapeCardText(setup.askReason)));
  if (!setup.needsConfirmation) return section;

  section.addWidget(dropdown('Provider', FIELDS.providerCode, setup.providers.map((p) => ({ value: p.code, label: p.name })), setup.selectedProvider));
  if (setup.askOffice)
    section.addWidget(dropdown('Office (hygiene sheets have no office column)', FIELDS.defaultLocationCode, setup.offices.map((o) => ({ value: o.code, label: o.name })), setup.selectedOffice));
  const confirm = button(
    'Confirm and save',
    CardService.newAction().setFunctionName(ACTIONS.confirmBinding).setParameters({ [PARAMS.columnOverrides]: JSON.stringify(setup.bound?.columnOverrides ?? {}) }),
    true,
  );
  return section.addWidget(CardService.newButtonSet().addButton(confirm));
}

const GROUP_HEADINGS: Record<ColumnGroup, string> = { day: 'Day columns', month: 'Month figures', unused: 'Not used' };

// Tabs laid out alike (the usual case: one tab per month, same headers) are described once, so a year of tabs
// does not repeat the same dozen lines twelve times.
function columnsSection(setup: SyncSetupView): Section {
  const section = CardService.newCardSection().setHeader('Columns');
  const monthTabs = setup.tabs.filter((t) => t.month !== null);
  const groups = new Map<string, TabSetupView[]>();
  for (const t of monthTabs) {
    const key = JSON.stringify([t.kind, t.skippedReason, t.columns]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const described = [...groups.values()];
  for (const tabs of described.slice(0, MAX_COLUMN_TABS)) section.addWidget(CardService.newTextParagraph().setText(columnsParagraph(tabs)));
  if (described.length > MAX_COLUMN_TABS) section.addWidget(CardService.newTextParagraph().setText(`…and ${countOf(described.length - MAX_COLUMN_TABS, 'more layout')}.`));
  if (monthTabs.length === 0) section.addWidget(CardService.newTextParagraph().setText('No month tab to sync.'));
  const saved = Object.keys(setup.bound?.columnOverrides ?? {}).length;
  if (saved > 0) section.addWidget(CardService.newTextParagraph().setText(`${countOf(saved, 'column')} set by hand (saved for every month tab).`));
  if (setup.bound && monthTabs.length > 0)
    section.addWidget(CardService.newButtonSet().addButton(button('Change what a column means', CardService.newAction().setFunctionName(ACTIONS.showColumns))));
  return section;
}

function columnsParagraph(tabs: TabSetupView[]): string {
  const [first] = tabs;
  const names = tabs.map((t) => `<b>${escapeCardText(t.tab)}</b>${t.skippedReason ? '' : ` (${countOf(t.rows, 'row')})`}`).join(', ');
  const lines = [`${names} · ${first.kind ? `${first.kind} layout` : 'unknown layout'}`];
  if (first.skippedReason) lines.push(`Not synced: ${escapeCardText(first.skippedReason)}`);
  for (const group of ['day', 'month', 'unused'] as const) {
    const columns = first.columns.filter((c) => c.group === group);
    if (columns.length === 0) continue;
    lines.push(`<i>${GROUP_HEADINGS[group]}</i>`);
    for (const c of columns) lines.push(`• ${escapeCardText(c.header)} → ${escapeCardText(c.meaning)}${c.overridden ? ' (set by hand)' : ''}`);
  }
  return lines.join('<br>');
}

function totalsSection(setup: SyncSetupView): Section {
  const section = CardService.newCardSection().setHeader("The sheet's own totals");
  const text = setup.totals.length > 0 ? totalsParagraph(setup.totals, setup.officeNames) : 'No month total to check.';
  return section.addWidget(CardService.newTextParagraph().setText(text));
}

function actionsSection(setup: SyncSetupView): Section {
  const section = CardService.newCardSection().setHeader('Sync');
  // Unbound: confirm first. Bound but detection disagrees: the saved binding still decides what a sync sends (the
  // warning above says so), so the user who knows the binding is right is not stuck.
  if (!setup.bound) section.addWidget(CardService.newTextParagraph().setText('Confirm whose sheet this is before the first sync.'));
  if (setup.resumePending) section.addWidget(CardService.newTextParagraph().setText('A sync ran out of time last time: Continue sends the rest.'));
  const buttons = CardService.newButtonSet();
  if (setup.bound) buttons.addButton(syncNowButton(setup.resumePending ? 'Continue' : 'Sync now'));
  buttons.addButton(button('Refresh mappings', CardService.newAction().setFunctionName(ACTIONS.refreshMappings)));
  if (!(setup.hourly.enrolled && setup.hourly.triggerInstalled))
    buttons.addButton(button('Sync every hour', CardService.newAction().setFunctionName(ACTIONS.enableHourlySync)));
  buttons.addButton(settingsButton());
  if (setup.hourly.enrolled && setup.hourly.triggerInstalled)
    section.addWidget(CardService.newDecoratedText().setText('Hourly sync is on for this spreadsheet.').setWrapText(true));
  return section.addWidget(buttons);
}

// Background sync reads the file through the Sheets API under a per-file `drive.file` grant (DESIGN "Reading
// the sheet"); the user gives it here, once per file.
function accessSection(hasFileScope: boolean): Section {
  const refresh = refreshButton();
  const section = CardService.newCardSection().setHeader('Background sync');
  if (hasFileScope) {
    return section
      .addWidget(CardService.newDecoratedText().setText('This file is shared with Production Sync.').setWrapText(true))
      .addWidget(CardService.newButtonSet().addButton(refresh));
  }
  const allow = allowAccessButton();
  return section
    .addWidget(
      CardService.newTextParagraph().setText('To sync this file in the background, Production Sync needs access to it (this file only).'),
    )
    .addWidget(CardService.newButtonSet().addButton(allow).addButton(refresh));
}
