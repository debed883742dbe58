import { demoDirectory } from '../../../src/core/demo-practice';
import { detectProvider, providerFromBinding } from '../../../src/core/detect/detect-provider';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';

const detect = (title: string, tabs: string[] = []) => detectProvider(title, tabs, demoDirectory());

describe('detectProvider', () => {
  it("detects 'Dr. Obi - Associate Prodution Tracker' as obinna_ezeji with high confidence", () => {
    expect(detect('Dr. Obi - Associate Prodution Tracker')).toEqual({
      best: { provider_code: 'obinna_ezeji', name: 'Dr. Obinna Ezeji', score: 0.95, matched: 'Dr. Obi' },
      runner_up: null,
      confidence: 'high',
      ambiguous: false,
      source: 'title',
    });
  });

  it.each([
    ['Hygiene Production Tracker - Adriane', 'adriane_fontenot', 'medium'],
    ['Hygiene Production Tracker - Kia', 'kia_redfearn', 'medium'],
    ["Kia's hygiene tracker", 'kia_redfearn', 'medium'],
    ['Kia Redfearn - Hygiene', 'kia_redfearn', 'high'],
    ['Chinyere Enih - Associate Production Tracker', 'chinyere_enih', 'high'],
    ['DR OBINNA EZEJI production', 'obinna_ezeji', 'high'],
    ['Irondi', 'kamdi_irondi', 'medium'],
    ['Chinyre Enih tracker', 'chinyere_enih', 'high'],
  ])('detects %j as %s (%s)', (title, code, confidence) => {
    const d = detect(title);
    expect([d.best?.provider_code, d.confidence, d.ambiguous]).toEqual([code, confidence, false]);
  });

  it('reports two named providers as ambiguous with the runner-up, never a confident guess', () => {
    const d = detect('Adriane / Kia shared hygiene tracker');
    expect([d.best?.provider_code, d.runner_up?.provider_code, d.ambiguous, d.confidence]).toEqual(['adriane_fontenot', 'kia_redfearn', true, 'low']);
  });

  it("matches whole words only: 'Obi' is not inside 'Obituary', 'Kia' not inside 'Kiawah'", () => {
    expect([detect('Obituary list').best, detect('Kiawah Island trip').best, detect('').confidence]).toEqual([null, null, 'none']);
  });

  it('falls back to tab names, scored lower, when the title names nobody', () => {
    const d = detect('Associate Production Tracker', ['Nov-24', 'Dr. Kamdi notes']);
    expect([d.best?.provider_code, d.best?.score, d.source]).toEqual(['kamdi_irondi', 0.76, 'tabs']);
  });
});

describe('binding and flag precedence', () => {
  it('takes a bound provider as given (source binding) over what the title says', () => {
    expect(providerFromBinding('kia_redfearn', demoDirectory())?.source).toBe('binding');
    const wb = { spreadsheetId: 's', title: 'Hygiene Production Tracker - Adriane', timeZone: 'America/Chicago', tabs: [] };
    const u = understandWorkbook(wb, demoDirectory(), { binding: { provider_code: 'kia_redfearn', default_location_code: null, column_overrides: {} } });
    expect([u.provider.best?.provider_code, u.provider.source]).toEqual(['kia_redfearn', 'binding']);
  });

  it('reports a bound provider the directory lacks instead of falling back to the title', () => {
    const wb = { spreadsheetId: 's', title: 'Hygiene Production Tracker - Adriane', timeZone: 'America/Chicago', tabs: [] };
    const u = understandWorkbook(wb, demoDirectory(), { provider_code: 'someone_else' });
    expect([u.provider.best, u.rejects]).toEqual([null, [{ tab: '', row: 0, column: null, value: 'someone_else', reason: 'the bound provider someone_else is not in the directory' }]]);
  });
});
