import { createCardServiceFake } from '../../tools/gas-runtime/card-service';
import { renderCardText } from '../../tools/gas-runtime/card-text';

const CardService = createCardServiceFake() as unknown as GoogleAppsScript.Card_Service.CardService;

test('renders headers, sections, inputs, links and buttons with the callback they call', () => {
  const card = CardService.newCardBuilder()
    .setHeader(CardService.newCardHeader().setTitle('Settings').setSubtitle('Kam Dental'))
    .addSection(
      CardService.newCardSection()
        .setHeader('Connection')
        .addWidget(CardService.newTextInput().setFieldName('url').setTitle('Project URL').setValue('https://x.supabase.co'))
        .addWidget(
          CardService.newSelectionInput()
            .setFieldName('office')
            .setTitle('Office')
            .setType(CardService.SelectionInputType.RADIO_BUTTON)
            .addItem('Humble', 'HUMBLE_MAIN', true)
            .addItem('Baytown', 'BAYTOWN_MAIN', false),
        )
        .addWidget(CardService.newDivider())
        .addWidget(CardService.newTextParagraph().setText('<b>Saved</b> &amp; checked'))
        .addWidget(
          CardService.newDecoratedText()
            .setText('Nov-24 row 12')
            .setButton(CardService.newTextButton().setText('Open').setOpenLink(CardService.newOpenLink().setUrl('https://docs.google.com/spreadsheets/d/1/edit#gid=0&range=B12'))),
        )
        .addWidget(CardService.newTextButton().setText('Save').setOnClickAction(CardService.newAction().setFunctionName('onSaveSettings'))),
    )
    .build();
  expect(renderCardText(card)).toBe(
    [
      '== Settings ==',
      '   Kam Dental',
      '-- Connection --',
      '   Project URL: [https://x.supabase.co]',
      '   Office:',
      '     (x) Humble',
      '     ( ) Baytown',
      '   ----',
      '   Saved & checked',
      '   Nov-24 row 12 [Open → https://docs.google.com/spreadsheets/d/1/edit#gid=0&range=B12]',
      '   [Save → onSaveSettings]',
    ].join('\n'),
  );
});

test('renders a notification response and a file-scope request', () => {
  const notification = CardService.newActionResponseBuilder().setNotification(CardService.newNotification().setText('Synced 30 rows')).build();
  expect(renderCardText(notification)).toBe('(notification) Synced 30 rows');
  const fileScope = CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
  expect(renderCardText(fileScope)).toBe('(asks the user to allow access to this file: drive.file)');
});
