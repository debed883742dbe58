import { countOf, escapeCardText } from '../format';
import type { SyncResultView, TabResultView } from '../sync-result-view';
import { totalsParagraph } from '../totals-text';
import { refreshButton, syncNowButton } from '../widgets';

const STATUS_TEXT: Record<SyncResultView['status'], string> = {
  success: 'Synced',
  partial: 'Partly synced',
  failed: 'Not synced',
  yielded: 'Stepped aside',
  needs_binding: 'Not bound yet',
};

const TAB_STATE_TEXT: Record<TabResultView['state'], string> = {
  sent: 'sent',
  unchanged: 'already up to date',
  failed: 'failed',
  pending: 'not sent yet: Continue sends it',
  duplicate: 'not sent: another tab holds the same month',
  not_synced: 'not synced',
};

export function buildSyncResultCard(view: SyncResultView): GoogleAppsScript.Card_Service.Card {
  const summary = CardService.newCardSection()
    .addWidget(CardService.newTextParagraph().setText(escapeCardText(view.message)))
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel('Time and calls')
        .setText(`${(view.elapsedMs / 1000).toFixed(1)} s, ${countOf(view.calls.rpc, 'database call')} (${view.calls.ingest} ingest)`)
        .setBottomLabel(`${countOf(view.calls.sheetReads, 'sheet read')}, ${countOf(view.calls.propertyReads, 'property read')}, ${countOf(view.calls.propertyWrites, 'property write')}`)
        .setWrapText(true),
    );
  if (view.selfHealed) summary.addWidget(CardService.newTextParagraph().setText('The database was reseeded since the last sync: the add-on refreshed its mapping by itself.'));
  if (view.recordError) summary.addWidget(CardService.newTextParagraph().setText(escapeCardText(view.recordError)));

  const card = CardService.newCardBuilder()
    .setName('sync-result')
    .setHeader(CardService.newCardHeader().setTitle(STATUS_TEXT[view.status]).setSubtitle(escapeCardText(view.title)))
    .addSection(summary);
  // A run that stepped aside or could not open the sheet has no tab to report (an empty section is refused).
  if (view.tabs.length > 0) {
    const tabs = CardService.newCardSection().setHeader('Tabs');
    for (const t of view.tabs.slice(0, 40)) tabs.addWidget(tabWidget(t));
    card.addSection(tabs);
  }

  if (view.rejects.length > 0) {
    const rejects = CardService.newCardSection().setHeader(`Rejected rows (${view.rejects.length + view.unlistedRejects})`);
    for (const r of view.rejects) {
      const where = `${r.tab} row ${r.row}${r.column ? `, ${r.column}` : ''}`;
      const widget = CardService.newDecoratedText()
        .setTopLabel(escapeCardText(where))
        .setText(escapeCardText(r.reason))
        .setBottomLabel(escapeCardText(r.value === null ? '(no value)' : `value: ${r.value}`))
        .setWrapText(true);
      if (r.link) widget.setOpenLink(CardService.newOpenLink().setUrl(r.link));
      rejects.addWidget(widget);
    }
    if (view.unlistedRejects > 0) rejects.addWidget(CardService.newTextParagraph().setText(`…and ${countOf(view.unlistedRejects, 'more')} (all are in the run log).`));
    card.addSection(rejects);
  }

  const checks = [...view.totals, ...view.databaseTotals];
  if (checks.length > 0) {
    card.addSection(
      CardService.newCardSection()
        .setHeader('Totals check')
        .addWidget(CardService.newTextParagraph().setText(totalsParagraph(checks, view.officeNames))),
    );
  }

  const buttons = CardService.newButtonSet();
  if (view.resumeNeeded)
    buttons.addButton(syncNowButton('Continue'));
  buttons.addButton(refreshButton('Back to the sheet'));
  card.addSection(CardService.newCardSection().addWidget(buttons));
  return card.build();
}

function tabWidget(t: TabResultView): GoogleAppsScript.Card_Service.DecoratedText {
  const counts = `${t.written} written, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.rejected} rejected${t.deleted ? `, ${t.deleted} deleted` : ''}`;
  const details = [t.state === 'not_synced' ? null : counts, ...t.skippedReasons.map((s) => `skipped ${s}`), t.message].filter((x): x is string => !!x);
  const widget = CardService.newDecoratedText()
    .setTopLabel(escapeCardText(`${t.tab} — ${TAB_STATE_TEXT[t.state] ?? t.state}`))
    .setText(escapeCardText(details[0] ?? ''))
    .setWrapText(true);
  return details.length > 1 ? widget.setBottomLabel(escapeCardText(details.slice(1).join('; '))) : widget;
}
