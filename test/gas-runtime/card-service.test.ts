import { cardData, createCardServiceFake } from '../../tools/gas-runtime/card-service';

// The fake is typed as Apps Script's CardService so that the tests read like add-on code.
const fake = (options = {}) => createCardServiceFake(options) as unknown as GoogleAppsScript.Card_Service.CardService & Record<string, any>;

function paragraphCard(CardService: ReturnType<typeof fake>, widgets: number, sections = 1) {
  const card = CardService.newCardBuilder().setHeader(CardService.newCardHeader().setTitle('T'));
  for (let s = 0; s < sections; s++) {
    const section = CardService.newCardSection();
    for (let w = 0; w < widgets; w++) section.addWidget(CardService.newTextParagraph().setText(`w${w}`));
    card.addSection(section);
  }
  return card;
}

describe('CardService fake: recording', () => {
  test('a built card is recorded as a plain data tree, printJson prints the same tree', () => {
    const CardService = fake();
    const card = CardService.newCardBuilder()
      .setName('homepage')
      .setHeader(CardService.newCardHeader().setTitle('Production Sync').setSubtitle('Dr. Obi'))
      .addSection(
        CardService.newCardSection()
          .setHeader('Tabs')
          .addWidget(CardService.newDecoratedText().setText('Nov-24').setBottomLabel('Month tab: November 2024'))
          .addWidget(
            CardService.newButtonSet().addButton(
              CardService.newTextButton()
                .setText('Sync')
                .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
                .setOnClickAction(CardService.newAction().setFunctionName('onSyncNow').setParameters({ tab: 'Nov-24' })),
            ),
          ),
      )
      .build();
    const tree = {
      name: 'homepage',
      header: { title: 'Production Sync', subtitle: 'Dr. Obi' },
      sections: [
        {
          header: 'Tabs',
          widgets: [
            { decoratedText: { text: 'Nov-24', bottomLabel: 'Month tab: November 2024' } },
            {
              buttonSet: {
                buttons: [
                  { text: 'Sync', style: 'FILLED', onClick: { action: { function: 'onSyncNow', parameters: { tab: 'Nov-24' } } } },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(cardData(card)).toEqual({ kind: 'Card', ...tree });
    expect(JSON.parse(card.printJson())).toEqual(tree);
  });

  test('a built card does not change when its builders are used again afterwards', () => {
    const CardService = fake();
    const section = CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('first'));
    const card = CardService.newCardBuilder().addSection(section).build();
    section.addWidget(CardService.newTextParagraph().setText('second'));
    expect(cardData(card).sections).toEqual([{ widgets: [{ textParagraph: { text: 'first' } }] }]);
  });

  test('action responses record navigation, notification and the cards they carry', () => {
    const CardService = fake();
    const card = CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newDivider())).build();
    const response = CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().popCard().updateCard(card))
      .setNotification(CardService.newNotification().setText('Synced'))
      .build();
    expect(cardData(response)).toEqual({
      kind: 'ActionResponse',
      navigation: { steps: [{ popCard: true }, { updateCard: { sections: [{ widgets: [{ divider: {} }] }] } }] },
      notification: { text: 'Synced' },
    });
    const universal = CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();
    expect(cardData(universal)).toEqual({ kind: 'UniversalActionResponse', cards: [{ sections: [{ widgets: [{ divider: {} }] }] }] });
  });

  test('cardData refuses anything the fake did not build', () => {
    expect(() => cardData({ printJson: () => '{}' })).toThrow('cardData: not a Card or response built by the CardService fake');
  });

  test('every new… and builder method call is counted when a counter is given', () => {
    const counts: Record<string, number> = {};
    const CardService = fake({ counter: { count: (name: string) => (counts[name] = (counts[name] ?? 0) + 1) } });
    CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newDivider())).build();
    expect(counts).toEqual({
      'CardService.newCardBuilder': 1,
      'CardService.newCardSection': 1,
      'CardService.newDivider': 1,
      'CardService.CardSection.addWidget': 1,
      'CardService.CardBuilder.addSection': 1,
      'CardService.CardBuilder.build': 1,
    });
  });
});

describe('CardService fake: only real methods, real arguments', () => {
  test('a misspelt method fails as a missing function does (TypeError)', () => {
    const header = fake().newCardHeader() as any;
    expect(() => header.setTitel('Production Sync')).toThrow(TypeError);
    expect(() => header.setTitel('Production Sync')).toThrow('header.setTitel is not a function');
  });

  test('builders are frozen: code cannot add the method it misspelt', () => {
    const header = fake().newCardHeader() as any;
    expect(() => {
      header.setTitel = () => header;
    }).toThrow(TypeError);
  });

  test('a wrong argument type fails with Apps Script’s signature message', () => {
    const CardService = fake();
    expect(() => CardService.newTextParagraph().setText(42 as any)).toThrow(
      "The parameters (number) don't match the method signature for CardService.TextParagraph.setText.",
    );
    expect(() => (CardService.newTextParagraph() as any).setText()).toThrow(
      "The parameters () don't match the method signature for CardService.TextParagraph.setText.",
    );
  });

  test('enum arguments must be CardService enum values', () => {
    const CardService = fake();
    expect(CardService.TextButtonStyle.FILLED).toBe('FILLED');
    expect(() => CardService.newTextButton().setTextButtonStyle('BIG' as any)).toThrow(
      "The parameters (String) don't match the method signature for CardService.TextButton.setTextButtonStyle.",
    );
  });

  test('a card or a section is not a widget', () => {
    const CardService = fake();
    const card = CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(CardService.newDivider())).build();
    expect(() => CardService.newCardSection().addWidget(card as any)).toThrow(
      "The parameters (Card) don't match the method signature for CardService.CardSection.addWidget.",
    );
    expect(() => CardService.newCardSection().addWidget(CardService.newCardSection() as any)).toThrow(
      "The parameters (CardSection) don't match the method signature for CardService.CardSection.addWidget.",
    );
  });

  test('action parameters must be strings', () => {
    const action = fake().newAction();
    expect(() => action.setParameters({ tab: 'Nov-24', row: 12 } as any)).toThrow(
      "Action parameter 'row' is number: action parameters must be strings (local runtime).",
    );
  });

  test('a clickable widget has one click behaviour', () => {
    const CardService = fake();
    const button = CardService.newTextButton().setOnClickAction(CardService.newAction().setFunctionName('onA'));
    expect(() => button.setOpenLink(CardService.newOpenLink().setUrl('https://example.com'))).toThrow(
      'Only one of setOnClickAction, setOnClickOpenLinkAction and setOpenLink may be set (local runtime).',
    );
    expect(() => button.setOnClickAction(CardService.newAction().setFunctionName('onB'))).not.toThrow();
  });

  test('requestFileScopeForActiveDocument needs drive.file in the manifest scopes', () => {
    const without = fake({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(() => without.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument()).toThrow(
      'requestFileScopeForActiveDocument needs https://www.googleapis.com/auth/drive.file in appsscript.json oauthScopes (local runtime).',
    );
    const withScope = fake({ oauthScopes: ['https://www.googleapis.com/auth/drive.file'] });
    const response = withScope.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
    expect(cardData(response)).toEqual({ kind: 'EditorFileScopeActionResponse', requestFileScopeForActiveDocument: true });
  });

  test('errors come from the given realm when the runtime passes one', () => {
    class SandboxError extends Error {}
    const CardService = fake({ realm: { exception: (message: string) => new SandboxError(message) } });
    expect(() => CardService.newNotification().setText(1 as any)).toThrow(SandboxError);
  });
});

describe('CardService fake: documented limits at build()', () => {
  test('100 widgets build; the 101st fails the build instead of vanishing', () => {
    const CardService = fake();
    expect(() => paragraphCard(CardService, 100).build()).not.toThrow();
    expect(() => paragraphCard(CardService, 101).build()).toThrow('A card can have at most 100 widgets; this one has 101 (local runtime).');
  });

  test('widgets count across sections', () => {
    expect(() => paragraphCard(fake(), 51, 2).build()).toThrow('A card can have at most 100 widgets; this one has 102 (local runtime).');
  });

  test('at most 100 sections', () => {
    expect(() => paragraphCard(fake(), 1, 101).build()).toThrow('A card can have at most 100 sections; this one has 101 (local runtime).');
  });

  test('a section needs a widget', () => {
    const CardService = fake();
    expect(() => CardService.newCardBuilder().addSection(CardService.newCardSection().setHeader('Empty')).build()).toThrow(
      'card.sections[0] has no widgets; a section needs at least one (local runtime).',
    );
  });

  test('required fields: header title, decorated text, action function name', () => {
    const CardService = fake();
    const one = (widget: any) => CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(widget));
    expect(() => one(CardService.newDivider()).setHeader(CardService.newCardHeader().setSubtitle('s')).build()).toThrow(
      'card.header: CardHeader has no title; setTitle is required (local runtime).',
    );
    expect(() => one(CardService.newDecoratedText().setTopLabel('Tabs')).build()).toThrow(
      'card.sections[0].widgets[0]: DecoratedText has no text; setText is required (local runtime).',
    );
    expect(() => one(CardService.newTextButton().setText('Go').setOnClickAction(CardService.newAction())).build()).toThrow(
      'card.sections[0].widgets[0].onClick.action: Action has no function name; setFunctionName is required (local runtime).',
    );
  });

  test('form inputs need a field name, unique within the card', () => {
    const CardService = fake();
    const card = (...inputs: any[]) => {
      const section = CardService.newCardSection();
      inputs.forEach((input) => section.addWidget(input));
      return CardService.newCardBuilder().addSection(section);
    };
    expect(() => card(CardService.newTextInput().setTitle('URL')).build()).toThrow(
      'A textInput has no field name; setFieldName is required (local runtime).',
    );
    expect(() =>
      card(CardService.newTextInput().setFieldName('url'), CardService.newSelectionInput().setFieldName('url')).build(),
    ).toThrow("Two form inputs share the field name 'url'; field names must be unique (local runtime).");
  });
});
