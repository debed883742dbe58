import { demoDirectory } from '../../src/core/demo-practice';
import { understandWorkbook } from '../../src/core/sheet/understand-workbook';
import { meaningValue, overridesFromPicks, toColumnsView } from '../../src/ui/columns-view';

describe('meaningValue (the override vocabulary of contract 8)', () => {
  test('given a column per office, an unused one and a plain field, then location:<CODE>, ignore and the field name', () => {
    const base = { column: 0, header: 'x', reason: null };
    expect([
      meaningValue({ ...base, field: 'verified_production', location_code: 'HUMBLE_MAIN' }),
      meaningValue({ ...base, field: null, location_code: null }),
      meaningValue({ ...base, field: 'note', location_code: null }),
    ]).toEqual(['location:HUMBLE_MAIN', 'ignore', 'note']);
  });
});

describe('overridesFromPicks', () => {
  test('given a choice that differs from detection, then it is stored under the normalised header', () => {
    expect(overridesFromPicks({}, [{ key: 'estimated production', detected: 'estimated_production', value: 'ignore' }])).toEqual({ 'estimated production': 'ignore' });
  });

  test('given detection chosen again, then the saved choice is removed; headers not on the card keep theirs', () => {
    const saved = { 'estimated production': 'ignore', 'old header': 'note' };
    expect(overridesFromPicks(saved, [{ key: 'estimated production', detected: 'estimated_production', value: 'estimated_production' }])).toEqual({ 'old header': 'note' });
  });

  test('given a dropdown the form did not send, then nothing changes for it', () => {
    expect(overridesFromPicks({ a: 'ignore' }, [{ key: 'a', detected: 'note', value: null }])).toEqual({ a: 'ignore' });
  });
});

describe('toColumnsView on a dentist workbook of two month tabs', () => {
  const tab = (name: string, sheetId: number) => ({
    name,
    sheetId,
    values: [
      ['Date', 'Verified Production Humble', 'Verified Production Baytown', 'Notes', 'Pasadena Production'],
      ['11/01/2024', '100.00', '200.00', null, '5'],
    ],
  });
  const workbook = { spreadsheetId: 'sheet-1', title: 'Dr. Obi - Tracker', timeZone: 'America/Chicago', tabs: [tab('Nov-24', 1), tab('Dec-24', 2)] };
  const binding = (column_overrides: Record<string, string>) => ({
    spreadsheet_id: 'sheet-1',
    updated_at: '2024-12-01T00:00:00Z',
    provider_code: 'obinna_ezeji',
    default_location_code: null,
    column_overrides,
  });
  const view = (overrides: Record<string, string>) => {
    const directory = demoDirectory();
    const b = binding(overrides);
    return toColumnsView({ directory, binding: b, detected: understandWorkbook(workbook, directory, { binding: null }), effective: understandWorkbook(workbook, directory, { binding: b }) });
  };

  test('given no saved choice, then each header is listed once with what detection made of it', () => {
    const v = view({});
    expect(v.provider).toBe('Dr. Obinna Ezeji');
    expect(v.choices.map((c) => [c.key, c.selected, c.detected, c.overridden, c.onlyIn])).toEqual([
      ['date', 'work_date', 'work_date', false, null],
      ['verified production humble', 'location:HUMBLE_MAIN', 'location:HUMBLE_MAIN', false, null],
      ['verified production baytown', 'location:BAYTOWN_MAIN', 'location:BAYTOWN_MAIN', false, null],
      ['notes', 'note', 'note', false, null],
      ['pasadena production', 'ignore', 'ignore', false, null],
    ]);
  });

  test('given a per-office column, then its offices are offered by name beside the field, and "Not used" last', () => {
    const humble = view({}).choices[1];
    const labels = humble.options.map((o) => o.label);
    expect(labels.slice(labels.indexOf('Day: verified production'), labels.indexOf('Day: verified production') + 3)).toEqual([
      'Day: verified production',
      'Day: verified production at Baytown',
      'Day: verified production at Humble',
    ]);
    expect(humble.options[humble.options.length - 1]).toEqual({ value: 'ignore', label: 'Not used' });
  });

  test('given an unknown column in a tab split by office, then it can be given an office', () => {
    const pasadena = view({}).choices[4];
    expect(pasadena.options.map((o) => o.value)).toEqual(expect.arrayContaining(['location:HUMBLE_MAIN', 'location:BAYTOWN_MAIN']));
  });

  test('given a saved choice, then it is selected and marked, while detection’s meaning is kept to compare', () => {
    const notes = view({ notes: 'ignore' }).choices[3];
    expect([notes.selected, notes.detected, notes.overridden]).toEqual(['ignore', 'note', true]);
  });
});
