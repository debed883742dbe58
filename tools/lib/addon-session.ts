// One user with one spreadsheet open, driving the BUILT add-on (dist/Code.js) in the local Apps Script runtime the
// way clicks would: each call is its own execution (execution clock restarted, locks released after), events are
// shaped as Google sends them, and buttons are found on the cards the add-on returned — a "press" reads the
// card's own form defaults and action parameters. npm start and the bundle tests both use it.
import { createGasRuntime, loadBundle, type GasRuntime, type RuntimeOptions, type SpreadsheetSeed } from '../gas-runtime';
import { cardData, type CardData } from '../gas-runtime/card-service';
import { renderCardText } from '../gas-runtime/card-text';

export interface AddonSessionOptions extends RuntimeOptions {
  bundlePath: string;
  seed?: SpreadsheetSeed | null;
  /** The homepage event says whether the user granted this file (drive.file); then it also carries the id. */
  hasFileScope?: boolean;
}

export interface Pressed {
  fn: string;
  response: unknown;
  data: CardData;
  /** The card the response shows (pushed or updated), if any. */
  card: CardData | null;
  notification: string | null;
  text: string;
}

export class AddonSession {
  readonly runtime: GasRuntime;
  readonly bundle: Record<string, any>;
  hasFileScope: boolean;
  private readonly seed: SpreadsheetSeed | null;

  constructor(options: AddonSessionOptions) {
    this.seed = options.seed ?? null;
    this.hasFileScope = options.hasFileScope ?? false;
    this.runtime = createGasRuntime({ ...options, activeSpreadsheet: options.activeSpreadsheet ?? this.seed });
    this.bundle = loadBundle(this.runtime, options.bundlePath);
  }

  /** e.sheets as Google sends it: the id only once the file is granted. */
  private sheetsEvent(): Record<string, unknown> | undefined {
    if (!this.seed) return undefined;
    return this.hasFileScope
      ? { id: this.seed.id, title: this.seed.name, addonHasFileScopePermission: true }
      : { title: this.seed.name, addonHasFileScopePermission: false };
  }

  event(form: Record<string, string> = {}, parameters: Record<string, string> = {}): unknown {
    const formInputs = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, { stringInputs: { value: [v] } }]));
    const common: Record<string, unknown> = { hostApp: 'SHEETS', platform: 'WEB' };
    if (Object.keys(formInputs).length) common.formInputs = formInputs;
    if (Object.keys(parameters).length) common.parameters = parameters;
    const sheets = this.sheetsEvent();
    return this.runtime.realm.adopt(sheets ? { commonEventObject: common, sheets } : { commonEventObject: common });
  }

  /** Calls an entry point by name as one execution. */
  call(fn: string, event: unknown = this.event()): unknown {
    const handler = this.bundle[fn];
    if (typeof handler !== 'function') throw new Error(`the bundle has no function ${fn}`);
    this.runtime.startExecution();
    try {
      return handler(event);
    } finally {
      this.runtime.endExecution();
    }
  }

  homepage(): { data: CardData; text: string } {
    const cards = this.call('onHomepage') as unknown[];
    return { data: cardData(cards[0]), text: renderCardText(cards) };
  }

  /** Calls a callback and reads what the user sees from its response. */
  click(fn: string, form: Record<string, string> = {}, parameters: Record<string, string> = {}): Pressed {
    const response = this.call(fn, this.event(form, parameters));
    return readResponse(fn, response);
  }

  /** Presses the button labelled `label` on `card`, with the card's form as it stands (defaults) plus `form`. */
  press(card: CardData, label: string, form: Record<string, string> = {}): Pressed {
    const action = findButton(card, label);
    if (!action) throw new Error(`no button '${label}' on the card '${String((card.header as CardData | undefined)?.title)}'`);
    return this.click(action.function as string, { ...formDefaults(card), ...form }, (action.parameters as Record<string, string>) ?? {});
  }
}

export function readResponse(fn: string, response: unknown): Pressed {
  const data = cardData(response);
  const steps = ((data.navigation as CardData | undefined)?.steps as CardData[] | undefined) ?? [];
  const shown = steps.map((s) => (s.pushCard ?? s.updateCard) as CardData | undefined).find((c) => c);
  const universal = data.kind === 'UniversalActionResponse' ? ((data.cards as CardData[] | undefined) ?? [])[0] : undefined;
  return {
    fn,
    response,
    data,
    card: shown ?? universal ?? (data.kind === 'Card' ? data : null),
    notification: ((data.notification as CardData | undefined)?.text as string | undefined) ?? null,
    text: renderCardText(response),
  };
}

function widgetsOf(card: CardData): CardData[] {
  return ((card.sections as CardData[] | undefined) ?? []).flatMap((s) => (s.widgets as CardData[] | undefined) ?? []);
}

/** What the form sends if the user changes nothing: text inputs' values, each dropdown's selected item. */
export function formDefaults(card: CardData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of widgetsOf(card)) {
    const [kind, d] = Object.entries(w)[0] as [string, CardData];
    if (kind === 'textInput' && typeof d.value === 'string' && d.value !== '') out[d.name as string] = d.value;
    if (kind === 'selectionInput') {
      const selected = ((d.items as CardData[] | undefined) ?? []).find((i) => i.selected);
      if (selected) out[d.name as string] = selected.value as string;
    }
  }
  return out;
}

export function findButton(card: CardData, label: string): CardData | null {
  for (const w of widgetsOf(card)) {
    const [kind, d] = Object.entries(w)[0] as [string, CardData];
    const buttons = kind === 'buttonSet' ? ((d.buttons as CardData[] | undefined) ?? []) : kind === 'textButton' ? [d] : [];
    for (const b of buttons) {
      const button = (b.textButton as CardData | undefined) ?? b;
      const action = (button.onClick as CardData | undefined)?.action as CardData | undefined;
      if (button.text === label && action) return action;
    }
  }
  return null;
}

export function hasButton(card: CardData | null, label: string): boolean {
  return card !== null && findButton(card, label) !== null;
}
