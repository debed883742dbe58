import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formValue, parameter, readAddonEvent } from '../../src/gas/event';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8'));

describe('readAddonEvent', () => {
  test('given a Sheets homepage event before the file grant, then no file scope and no spreadsheet id', () => {
    expect(readAddonEvent(fixture('homepage_sheets_without_file_scope'))).toEqual({
      hostApp: 'SHEETS',
      platform: 'WEB',
      userLocale: null,
      userTimeZone: null,
      sheets: { id: null, title: null, hasFileScope: false },
      parameters: {},
      formInputs: {},
    });
  });

  test('given a Sheets homepage event after the file grant, then the spreadsheet id and title arrive with it', () => {
    expect(readAddonEvent(fixture('homepage_sheets_with_file_scope')).sheets).toEqual({
      id: '1q2w3e4r5t6y7u8i9o0pAaSsDdFfGgHhJjKkLlZzXx',
      title: 'Dr. Obi - Associate Prodution Tracker',
      hasFileScope: true,
    });
  });

  test('given a button event, then parameters and string form inputs come from commonEventObject only', () => {
    const event = readAddonEvent(fixture('action_with_parameters_and_form_inputs'));
    expect(event.parameters).toEqual({ tab: 'Nov-24', row: '12' });
    // The deprecated top-level formInput says offices = 'HUMBLE_MAIN' only; the current shape has both.
    expect(event.formInputs).toEqual({
      supabase_url: ['https://abcdefghijklmnop.supabase.co'],
      offices: ['HUMBLE_MAIN', 'BAYTOWN_MAIN'],
    });
    expect(event.userLocale).toBe('en-US');
    expect(event.userTimeZone).toBe('America/Chicago');
  });

  test('given a date picker input, then it is not read as a string input', () => {
    const event = readAddonEvent(fixture('action_with_parameters_and_form_inputs'));
    expect(formValue(event, 'start_date')).toBeNull();
  });

  test('formValue gives the first value of a field and null for a field the card did not have', () => {
    const event = readAddonEvent(fixture('action_with_parameters_and_form_inputs'));
    expect(formValue(event, 'offices')).toBe('HUMBLE_MAIN');
    expect(formValue(event, 'token')).toBeNull();
  });

  test('parameter gives a named parameter and null for a missing one, never an inherited property', () => {
    const event = readAddonEvent(fixture('action_with_parameters_and_form_inputs'));
    expect(parameter(event, 'row')).toBe('12');
    expect(parameter(event, 'column')).toBeNull();
    expect(parameter(event, 'toString')).toBeNull();
  });

  test('given no event at all (a function run from the script editor), then empty defaults, not a crash', () => {
    expect(readAddonEvent(undefined)).toEqual({
      hostApp: null,
      platform: null,
      userLocale: null,
      userTimeZone: null,
      sheets: null,
      parameters: {},
      formInputs: {},
    });
  });

  test('given malformed pieces, then non-string parameters and values are dropped', () => {
    const event = readAddonEvent({
      commonEventObject: {
        parameters: { ok: 'yes', count: 3 },
        formInputs: { a: { stringInputs: { value: ['x', 7] } }, b: 'not an input' },
      },
      sheets: { addonHasFileScopePermission: 'true' },
    });
    expect(event.parameters).toEqual({ ok: 'yes' });
    expect(event.formInputs).toEqual({ a: ['x'] });
    expect(event.sheets).toEqual({ id: null, title: null, hasFileScope: false });
    expect(readAddonEvent({ sheets: null }).sheets).toBeNull();
  });
});
