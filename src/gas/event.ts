// The one reader of add-on event objects. Apps Script passes callbacks a plain object whose shape depends on
// the trigger (homepage, button, universal action) and on what the user granted; everything reads it here, in
// the current shape only (commonEventObject), never the deprecated top-level `formInput`/`parameters` copies.
// Source: https://developers.google.com/workspace/add-ons/concepts/event-objects

export interface SheetsContext {
  /** The open spreadsheet's id: only present once the add-on has the file's `drive.file` grant. */
  id: string | null;
  title: string | null;
  /** `e.sheets.addonHasFileScopePermission`: reliable in the homepage event (DESIGN "Reading the sheet"). */
  hasFileScope: boolean;
}

export interface AddonEvent {
  hostApp: string | null; // 'SHEETS'
  platform: string | null; // 'WEB' | 'ANDROID' | 'IOS'
  userLocale: string | null; // only with the script.locale scope
  userTimeZone: string | null; // the user's, not the spreadsheet's
  sheets: SheetsContext | null;
  /** `setParameters` values of the clicked action: strings only. */
  parameters: Record<string, string>;
  /** Form inputs of the card, by field name; a text input or single select gives one value. */
  formInputs: Record<string, string[]>;
}

type Json = Record<string, unknown>;

export function readAddonEvent(raw: unknown): AddonEvent {
  const event = asObject(raw);
  const common = asObject(event.commonEventObject);
  const sheets = event.sheets === undefined || event.sheets === null ? null : asObject(event.sheets);
  return {
    hostApp: asString(common.hostApp),
    platform: asString(common.platform),
    userLocale: asString(common.userLocale),
    userTimeZone: asString(asObject(common.timeZone).id),
    sheets: sheets && {
      id: asString(sheets.id),
      title: asString(sheets.title),
      hasFileScope: sheets.addonHasFileScopePermission === true,
    },
    parameters: readParameters(common.parameters),
    formInputs: readFormInputs(common.formInputs),
  };
}

/** First value of a form field, or null when the card had no such field or the user left it empty. */
export function formValue(event: AddonEvent, field: string): string | null {
  const values = event.formInputs[field];
  return values && values.length > 0 ? values[0] : null;
}

export function parameter(event: AddonEvent, name: string): string | null {
  return Object.prototype.hasOwnProperty.call(event.parameters, name) ? event.parameters[name] : null;
}

function readParameters(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(raw))) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

// Each input is `{ stringInputs: { value: [...] } }`; date and time pickers send `dateInput`/`timeInput`/
// `dateTimeInput` instead, which no card of ours has yet, so they are not read.
function readFormInputs(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, input] of Object.entries(asObject(raw))) {
    const values = asObject(asObject(input).stringInputs).value;
    if (Array.isArray(values)) out[field] = values.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
