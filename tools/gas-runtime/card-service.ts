// CardService fake: the builders a Workspace add-on builds its UI from, recording each built card as plain data
// (a tree modelled on the Card v1 JSON) that tests pin as snapshots and `card-text.ts` prints.
//
// Enforced, because the real service enforces it or Google documents it:
// - Only real classes and methods exist (method lists from Google's CardService reference, as typed in
//   @types/google-apps-script). Anything else is absent, so `setTitel(…)` fails as a TypeError, exactly like
//   a misspelt method in Apps Script. Builders are frozen: the bundle cannot add methods to them.
// - Argument types: a wrong or missing argument throws "The parameters (…) don't match the method signature
//   for CardService.X.y." (the pattern Apps Script prints); enum arguments must be CardService enum values;
//   builder arguments must be builders of the right class (a Card or CardSection is not a widget: Cards guide,
//   developers.google.com/workspace/add-ons/concepts/cards).
// - Action.setParameters: keys and values are strings (Card v1 ActionParameter {key: string, value: string});
//   Action.setFunctionName is required (Action reference: "Required").
// - A button, decorated text, card action or grid has ONE click behaviour: onClickAction, onClickOpenLinkAction
//   or openLink (TextButton reference: "can only have one of … set").
// - At CardBuilder.build(): at most 100 sections (Cards guide), at most 100 widgets across the card (Card v1
//   reference: "You can add up to 100 widgets per card"; Google silently drops the rest, the fake throws so the
//   loss cannot go unnoticed), at least one widget per section (Card v1 Section.widgets), a header has a title
//   (Card v1 CardHeader.title "Required"), a decorated text has text (Card v1 DecoratedText.text "Required"),
//   every form input has a field name, unique within the card (TextInput/SelectionInput.setFieldName
//   "Required, must be unique").
// - EditorFileScopeActionResponseBuilder.requestFileScopeForActiveDocument needs the drive.file scope in the
//   manifest (its reference page), checked when the runtime passes the manifest's oauthScopes.
//
// Not modelled: rendering (text formatting tags are kept as written), images and icons beyond their URLs and
// names, Gmail/Calendar/Chat-only builders (compose, drafts, attachments, link previews, dialogs), DatePicker,
// TimePicker, Suggestions, AuthorizationAction/Exception, BorderStyle, ImageButton, Image, KeyValue (deprecated)
// — those methods are absent here and would fail like a typo; add them when a card needs one. The real service's
// exception texts for the limits above are undocumented: the fake's say "(local runtime)".

export type CardData = { [key: string]: unknown };

export interface CardServiceFakeOptions {
  /** The runtime's call counter: every `new…()` and builder method is counted as 'CardService.X.y'. */
  counter?: { count(name: string): void };
  /** Errors of the bundle's realm, so `instanceof Error` holds there as in Apps Script. */
  realm?: { exception(message: string, name?: string): Error };
  /** The manifest's oauthScopes; when given, scope-dependent builders check them. */
  oauthScopes?: readonly string[];
}

const MAX_SECTIONS = 100;
const MAX_WIDGETS = 100;
const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';

const ENUMS = {
  DisplayStyle: ['PEEK', 'REPLACE'],
  GridItemLayout: ['TEXT_BELOW', 'TEXT_ABOVE'],
  HorizontalAlignment: ['START', 'CENTER', 'END'],
  ImageCropType: ['SQUARE', 'CIRCLE', 'RECTANGLE_CUSTOM', 'RECTANGLE_4_3'],
  ImageStyle: ['SQUARE', 'CIRCLE'],
  InputType: ['TEXT', 'INTEGER', 'FLOAT', 'EMAIL'],
  Interaction: ['INTERACTION_UNSPECIFIED', 'OPEN_DIALOG'],
  LoadIndicator: ['SPINNER', 'NONE'],
  OnClose: ['NOTHING', 'RELOAD', 'RELOAD_ADD_ON'],
  OpenAs: ['FULL_SIZE', 'OVERLAY'],
  SelectionInputType: ['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT'],
  SwitchControlType: ['SWITCH', 'CHECK_BOX'],
  TextButtonStyle: ['OUTLINED', 'TEXT', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'],
} as const;
type EnumName = keyof typeof ENUMS;

// Argument kinds. A builder kind names the classes accepted.
type Arg =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'parameters'
  | { enum: EnumName }
  | { builder: readonly Kind[] }
  | 'card' // one built Card
  | 'cards' // a non-empty array of built Cards
  | 'any';

type Kind =
  | 'Action' | 'ActionResponseBuilder' | 'ButtonSet' | 'CardAction' | 'CardBuilder' | 'CardHeader' | 'CardSection'
  | 'DecoratedText' | 'Divider' | 'EditorFileScopeActionResponseBuilder' | 'FixedFooter' | 'Grid' | 'GridItem'
  | 'IconImage' | 'MaterialIcon' | 'Navigation' | 'Notification' | 'OpenLink' | 'SelectionInput' | 'Switch'
  | 'TextButton' | 'TextInput' | 'TextParagraph' | 'UniversalActionResponseBuilder' | 'Validation';

type BuiltKind = 'Card' | 'ActionResponse' | 'UniversalActionResponse' | 'EditorFileScopeActionResponse';

const WIDGETS: readonly Kind[] = ['DecoratedText', 'TextParagraph', 'TextButton', 'ButtonSet', 'TextInput', 'SelectionInput', 'Divider', 'Grid'];
const BUTTONS: readonly Kind[] = ['TextButton'];
const FORM_INPUTS: readonly string[] = ['textInput', 'selectionInput'];

type State = Record<string, unknown>;

interface Method {
  args: readonly Arg[];
  apply(state: State, args: unknown[], service: Internals): unknown; // undefined = chain (return the builder)
}

interface Internals {
  fail(message: string): never;
  build(kind: BuiltKind, data: CardData): object;
  oauthScopes?: readonly string[];
}

const set = (field: string, arg: Arg): Method => ({ args: [arg], apply: (s, [v]) => void (s[field] = v) });
const push = (field: string, arg: Arg): Method => ({
  args: [arg],
  apply: (s, [v]) => void ((s[field] = (s[field] as unknown[] | undefined) ?? []) as unknown[]).push(v),
});
const builder = (...kinds: Kind[]): Arg => ({ builder: kinds });
const enumOf = (name: EnumName): Arg => ({ enum: name });

// One click behaviour per clickable widget (see header).
const click = (how: 'action' | 'openLinkAction' | 'openLink', arg: Arg): Method => ({
  args: [arg],
  apply(s, [v], service) {
    const current = s.onClick as Record<string, unknown> | undefined;
    if (current && !(how in current)) {
      service.fail(`Only one of setOnClickAction, setOnClickOpenLinkAction and setOpenLink may be set (local runtime).`);
    }
    s.onClick = { [how]: v };
  },
});
const clickable = {
  setOnClickAction: click('action', builder('Action')),
  setOnClickOpenLinkAction: click('openLinkAction', builder('Action')),
  setOpenLink: click('openLink', builder('OpenLink')),
};

const SPECS: Record<Kind, Record<string, Method>> = {
  Action: {
    addRequiredWidget: push('requiredWidgets', 'string'),
    setAllWidgetsAreRequired: set('allWidgetsAreRequired', 'boolean'),
    setFunctionName: set('function', 'string'),
    setInteraction: set('interaction', enumOf('Interaction')),
    setLoadIndicator: set('loadIndicator', enumOf('LoadIndicator')),
    setParameters: set('parameters', 'parameters'),
    setPersistValues: set('persistValues', 'boolean'),
  },
  ActionResponseBuilder: {
    build: { args: [], apply: (s, _a, service) => service.build('ActionResponse', materialize(s, 'ActionResponse', service)) },
    setNavigation: set('navigation', builder('Navigation')),
    setNotification: set('notification', builder('Notification')),
    setOpenLink: set('openLink', builder('OpenLink')),
    setStateChanged: set('stateChanged', 'boolean'),
  },
  ButtonSet: { addButton: push('buttons', builder(...BUTTONS)) },
  CardAction: { setText: set('text', 'string'), ...clickable },
  CardBuilder: {
    addCardAction: push('cardActions', builder('CardAction')),
    addSection: push('sections', builder('CardSection')),
    build: { args: [], apply: (s, _a, service) => service.build('Card', buildCard(s, service)) },
    setDisplayStyle: set('displayStyle', enumOf('DisplayStyle')),
    setFixedFooter: set('fixedFooter', builder('FixedFooter')),
    setHeader: set('header', builder('CardHeader')),
    setName: set('name', 'string'),
    setPeekCardHeader: set('peekCardHeader', builder('CardHeader')),
  },
  CardHeader: {
    setImageAltText: set('imageAltText', 'string'),
    setImageStyle: set('imageStyle', enumOf('ImageStyle')),
    setImageUrl: set('imageUrl', 'string'),
    setSubtitle: set('subtitle', 'string'),
    setTitle: set('title', 'string'),
  },
  CardSection: {
    addWidget: push('widgets', builder(...WIDGETS)),
    setCollapsible: set('collapsible', 'boolean'),
    setHeader: set('header', 'string'),
    setNumUncollapsibleWidgets: set('uncollapsibleWidgetsCount', 'integer'),
  },
  DecoratedText: {
    setBottomLabel: set('bottomLabel', 'string'),
    setButton: set('button', builder(...BUTTONS)),
    setEndIcon: set('endIcon', builder('IconImage')),
    setStartIcon: set('startIcon', builder('IconImage')),
    setSwitchControl: set('switchControl', builder('Switch')),
    setText: set('text', 'string'),
    setTopLabel: set('topLabel', 'string'),
    setWrapText: set('wrapText', 'boolean'),
    ...clickable,
  },
  Divider: {},
  EditorFileScopeActionResponseBuilder: {
    build: { args: [], apply: (s, _a, service) => service.build('EditorFileScopeActionResponse', { ...s }) },
    requestFileScopeForActiveDocument: {
      args: [],
      apply(s, _a, service) {
        if (service.oauthScopes && !service.oauthScopes.includes(DRIVE_FILE_SCOPE)) {
          service.fail(`requestFileScopeForActiveDocument needs ${DRIVE_FILE_SCOPE} in appsscript.json oauthScopes (local runtime).`);
        }
        s.requestFileScopeForActiveDocument = true;
      },
    },
  },
  FixedFooter: { setPrimaryButton: set('primaryButton', builder('TextButton')), setSecondaryButton: set('secondaryButton', builder('TextButton')) },
  Grid: {
    addItem: push('items', builder('GridItem')),
    setNumColumns: set('columnCount', 'integer'),
    setTitle: set('title', 'string'),
    ...clickable,
  },
  GridItem: {
    setIdentifier: set('id', 'string'),
    setLayout: set('layout', enumOf('GridItemLayout')),
    setSubtitle: set('subtitle', 'string'),
    setTextAlignment: set('textAlignment', enumOf('HorizontalAlignment')),
    setTitle: set('title', 'string'),
  },
  IconImage: {
    setAltText: set('altText', 'string'),
    setIconUrl: set('iconUrl', 'string'),
    setImageCropType: set('imageCropType', enumOf('ImageCropType')),
    setMaterialIcon: set('materialIcon', builder('MaterialIcon')),
  },
  MaterialIcon: {
    setFill: set('fill', 'boolean'),
    setGrade: set('grade', 'integer'),
    setName: set('name', 'string'),
    setWeight: set('weight', 'integer'),
  },
  Navigation: {
    popCard: { args: [], apply: (s) => void steps(s).push({ popCard: true }) },
    popToNamedCard: { args: ['string'], apply: (s, [name]) => void steps(s).push({ popToCard: name }) },
    popToRoot: { args: [], apply: (s) => void steps(s).push({ popToRoot: true }) },
    printJson: { args: [], apply: (s, _a, service) => JSON.stringify(materialize(s, 'Navigation', service), null, 2) },
    pushCard: { args: ['card'], apply: (s, [card]) => void steps(s).push({ pushCard: card }) },
    updateCard: { args: ['card'], apply: (s, [card]) => void steps(s).push({ updateCard: card }) },
  },
  Notification: { setText: set('text', 'string') },
  OpenLink: {
    setOnClose: set('onClose', enumOf('OnClose')),
    setOpenAs: set('openAs', enumOf('OpenAs')),
    setUrl: set('url', 'string'),
  },
  SelectionInput: {
    addItem: {
      args: ['any', 'any', 'boolean'],
      apply: (s, [text, value, selected]) => void items(s).push({ text: String(text), value: String(value), selected }),
    },
    setExternalDataSource: set('externalDataSource', builder('Action')),
    setFieldName: set('name', 'string'),
    setMultiSelectMaxSelectedItems: set('multiSelectMaxSelectedItems', 'integer'),
    setMultiSelectMinQueryLength: set('multiSelectMinQueryLength', 'integer'),
    setOnChangeAction: set('onChangeAction', builder('Action')),
    setTitle: set('label', 'string'),
    setType: set('type', enumOf('SelectionInputType')),
  },
  Switch: {
    setControlType: set('controlType', enumOf('SwitchControlType')),
    setFieldName: set('name', 'string'),
    setOnChangeAction: set('onChangeAction', builder('Action')),
    setSelected: set('selected', 'boolean'),
    setValue: set('value', 'string'),
  },
  TextButton: {
    setAltText: set('altText', 'string'),
    setBackgroundColor: set('backgroundColor', 'string'),
    setDisabled: set('disabled', 'boolean'),
    setText: set('text', 'string'),
    setTextButtonStyle: set('style', enumOf('TextButtonStyle')),
    ...clickable,
  },
  TextInput: {
    setFieldName: set('name', 'string'),
    setHint: set('hintText', 'string'),
    setMultiline: set('multiline', 'boolean'),
    setOnChangeAction: set('onChangeAction', builder('Action')),
    setTitle: set('label', 'string'),
    setValidation: set('validation', builder('Validation')),
    setValue: set('value', 'string'),
  },
  TextParagraph: { setText: set('text', 'string') },
  UniversalActionResponseBuilder: {
    build: { args: [], apply: (s, _a, service) => service.build('UniversalActionResponse', materialize(s, 'UniversalActionResponse', service)) },
    displayAddOnCards: { args: ['cards'], apply: (s, [cards]) => void (s.cards = cards) },
    setOpenLink: set('openLink', builder('OpenLink')),
  },
  Validation: { setCharacterLimit: set('characterLimit', 'integer'), setInputType: set('inputType', enumOf('InputType')) },
};

const steps = (s: State) => ((s.steps = (s.steps as unknown[] | undefined) ?? []) as unknown[]);
const items = (s: State) => ((s.items = (s.items as unknown[] | undefined) ?? []) as unknown[]);

// Every object this module hands out, with what it is and (for builders) its state. WeakMaps work across
// realms, so objects coming back from the bundle's sandbox are recognised.
const builders = new WeakMap<object, { kind: Kind; state: State }>();
const built = new WeakMap<object, { kind: BuiltKind; data: CardData }>();

export function createCardServiceFake(options: CardServiceFakeOptions = {}): Record<string, unknown> {
  const fail = (message: string): never => {
    if (options.realm) throw options.realm.exception(message);
    const error = new Error(message);
    error.name = 'Exception';
    throw error;
  };
  const count = (name: string) => options.counter?.count(`CardService.${name}`);
  const internals: Internals = {
    fail,
    oauthScopes: options.oauthScopes,
    build(kind, data) {
      const result = Object.freeze({ printJson: () => JSON.stringify(data, null, 2) });
      built.set(result, { kind, data });
      return result;
    },
  };

  function create(kind: Kind): object {
    count(`new${kind}`);
    const state: State = {};
    const self: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(SPECS[kind])) {
      self[name] = (...args: unknown[]) => {
        count(`${kind}.${name}`);
        checkArgs(kind, name, method, args, fail);
        const result = method.apply(state, args, internals);
        return result === undefined ? self : result;
      };
    }
    Object.freeze(self);
    builders.set(self, { kind, state });
    return self;
  }

  const service: Record<string, unknown> = {};
  for (const kind of Object.keys(SPECS) as Kind[]) service[`new${kind}`] = () => create(kind);
  for (const [name, values] of Object.entries(ENUMS)) {
    service[name] = Object.freeze(Object.fromEntries(values.map((value) => [value, value])));
  }
  // Not frozen: the runtime wraps it in a counting Proxy, which a frozen target forbids. Builders are frozen.
  return service;
}

/** The recorded tree of a built Card or response (what `printJson()` prints, as data). */
export function cardData(value: unknown): CardData {
  const entry = typeof value === 'object' && value !== null ? built.get(value) : undefined;
  if (!entry) throw new Error('cardData: not a Card or response built by the CardService fake');
  return { kind: entry.kind, ...entry.data };
}

function checkArgs(kind: Kind, name: string, method: Method, args: unknown[], fail: (m: string) => never): void {
  const ok = args.length === method.args.length && args.every((value, i) => fits(method.args[i], value));
  if (!ok) fail(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for CardService.${kind}.${name}.`);
  if (method.args[0] === 'parameters') {
    for (const [key, value] of Object.entries(args[0] as object)) {
      if (typeof value !== 'string') {
        fail(`Action parameter '${key}' is ${typeName(value)}: action parameters must be strings (local runtime).`);
      }
    }
  }
}

function fits(arg: Arg, value: unknown): boolean {
  if (arg === 'any') return value !== undefined;
  if (arg === 'string') return typeof value === 'string';
  if (arg === 'boolean') return typeof value === 'boolean';
  if (arg === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (arg === 'parameters') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (arg === 'card') return isCard(value);
  if (arg === 'cards') return Array.isArray(value) && value.length > 0 && value.every(isCard);
  if ('enum' in arg) return (ENUMS[arg.enum] as readonly unknown[]).includes(value);
  const entry = typeof value === 'object' && value !== null ? builders.get(value) : undefined;
  return entry !== undefined && arg.builder.includes(entry.kind);
}

function isCard(value: unknown): boolean {
  return typeof value === 'object' && value !== null && built.get(value)?.kind === 'Card';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'object[]';
  if (typeof value === 'object') return builders.get(value)?.kind ?? built.get(value)?.kind ?? 'Object';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return typeof value;
}

// Builder state → plain data: nested builders become their data, widgets are keyed by their class
// ({decoratedText: {...}}), built cards become their recorded tree.
function materialize(state: State, path: string, service: Internals): CardData {
  const out: CardData = {};
  for (const [field, value] of Object.entries(state)) out[field] = toData(value, `${path}.${field}`, service);
  return out;
}

function toData(value: unknown, path: string, service: Internals): unknown {
  if (Array.isArray(value)) return value.map((v, i) => toData(v, `${path}[${i}]`, service));
  if (typeof value !== 'object' || value === null) return value;
  const done = built.get(value);
  if (done) return done.data;
  const entry = builders.get(value);
  if (!entry) return materialize(value as State, path, service);
  const data = materialize(entry.state, path, service);
  if (entry.kind === 'Action' && typeof data.function !== 'string') {
    service.fail(`${path}: Action has no function name; setFunctionName is required (local runtime).`);
  }
  if (entry.kind === 'DecoratedText' && typeof data.text !== 'string') {
    service.fail(`${path}: DecoratedText has no text; setText is required (local runtime).`);
  }
  if (entry.kind === 'CardHeader' && typeof data.title !== 'string') {
    service.fail(`${path}: CardHeader has no title; setTitle is required (local runtime).`);
  }
  return WIDGETS.includes(entry.kind) && /\.widgets\[\d+\]$/.test(path) ? { [widgetKey(entry.kind)]: data } : data;
}

function widgetKey(kind: Kind): string {
  return kind.charAt(0).toLowerCase() + kind.slice(1);
}

function buildCard(state: State, service: Internals): CardData {
  const sections = (state.sections as unknown[] | undefined) ?? [];
  if (sections.length > MAX_SECTIONS) {
    service.fail(`A card can have at most ${MAX_SECTIONS} sections; this one has ${sections.length} (local runtime).`);
  }
  const data = materialize(state, 'card', service);
  const widgets = ((data.sections as CardData[] | undefined) ?? []).map((section) => (section.widgets as CardData[] | undefined) ?? []);
  widgets.forEach((list, i) => {
    if (list.length === 0) service.fail(`card.sections[${i}] has no widgets; a section needs at least one (local runtime).`);
  });
  const total = widgets.reduce((sum, list) => sum + list.length, 0);
  if (total > MAX_WIDGETS) {
    service.fail(`A card can have at most ${MAX_WIDGETS} widgets; this one has ${total} (local runtime).`);
  }
  const names = new Set<string>();
  for (const widget of widgets.flat()) {
    for (const [key, input] of Object.entries(widget)) {
      if (!FORM_INPUTS.includes(key)) continue;
      const name = (input as CardData).name;
      if (typeof name !== 'string' || name === '') service.fail(`A ${key} has no field name; setFieldName is required (local runtime).`);
      if (names.has(name)) service.fail(`Two form inputs share the field name '${name}'; field names must be unique (local runtime).`);
      names.add(name);
    }
  }
  return data;
}
