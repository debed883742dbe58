import { meaningValue, overridesFromPicks } from '../../src/ui/columns-view';

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
