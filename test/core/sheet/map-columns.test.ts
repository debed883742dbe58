import type { Directory } from '../../../src/core/directory';
import { demoDirectory } from '../../../src/core/demo-practice';
import { DENTIST_SHEET_KIND } from '../../../src/core/sheet/kinds/dentist';
import { HYGIENIST_SHEET_KIND } from '../../../src/core/sheet/kinds/hygienist';
import { mapColumns } from '../../../src/core/sheet/map-columns';

const fieldsOf = (headers: string[], kind = HYGIENIST_SHEET_KIND, directory: Directory = demoDirectory(), overrides?: Record<string, string>) =>
  mapColumns(headers, kind, directory, overrides).map((c) => [c.mapping.header, c.mapping.field, c.mapping.location_code, c.mapping.reason]);

function withKaty(): Directory {
  const d = demoDirectory();
  d.locations.push({ code: 'KATY_MAIN', name: 'Katy', aliases: ['Katy Office'] });
  return d;
}

describe('mapColumns: look-alike headers', () => {
  it("tells 'Hours Worked' from 'Average Hours worked' and 'Total Hours Worked'", () => {
    expect(fieldsOf(['Hours Worked', 'Average Hours worked', 'Total Hours Worked'])).toEqual([
      ['Hours Worked', 'hours_worked', null, null],
      ['Average Hours worked', 'month:avg_hours_worked', null, null],
      ['Total Hours Worked', 'month:total_hours_worked', null, null],
    ]);
  });

  it("tells 'Production goal' from 'Over/Under Production Goal' and 'Total Monthly Production goal'", () => {
    expect(fieldsOf(['Production goal', 'Over/Under Production Goal', 'Total Monthly Production goal']).map((c) => c[1])).toEqual([
      'production_goal',
      null,
      'month:monthly_goal',
    ]);
  });

  it("tells 'Bonus' from 'Total Bonus'", () => {
    expect(fieldsOf(['Bonus', 'Total Bonus']).map((c) => c[1])).toEqual(['bonus', 'month:total_bonus']);
  });

  it("maps a UUID only from a 'uuid' header, never from 'id' inside Provider, Paid, Holiday or Valid", () => {
    expect(fieldsOf(['Provider', 'Paid', 'Holiday', 'Valid', 'UUID']).map((c) => c[1])).toEqual([null, null, null, null, 'row_id']);
  });

  it("forgives typos in long words: 'Prodution', 'Prodcution', and padding spaces", () => {
    expect(fieldsOf(['  Verified Prodution  ', 'Average Daily Prodcution Goal', ' Estimated  Production ']).map((c) => c[1])).toEqual([
      'verified_production',
      'month:avg_daily_production_goal',
      'estimated_production',
    ]);
  });

  it('reports a second column with the same meaning as a duplicate instead of letting it overwrite', () => {
    expect(fieldsOf(['Date', 'Bonus', 'Bonus'])[2]).toEqual(['Bonus', null, null, "duplicate header: column B ('Bonus') already maps to bonus"]);
  });

  it('reports blank and unknown headers with the reason', () => {
    expect(fieldsOf(['', 'Chair'])).toEqual([
      ['', null, null, 'blank header'],
      ['Chair', null, null, 'no hygienist field matches this header'],
    ]);
  });
});

describe('mapColumns: offices from the directory', () => {
  it("maps 'Verified Production … Katy' and 'Katy Production' with no code change once the directory has Katy", () => {
    expect(fieldsOf(['Verified Production (Billing Department Only) Katy', 'Katy Production'], DENTIST_SHEET_KIND, withKaty())).toEqual([
      ['Verified Production (Billing Department Only) Katy', 'verified_production', 'KATY_MAIN', null],
      ['Katy Production', 'month:sheet_location_production', 'KATY_MAIN', null],
    ]);
  });

  it('reports a header naming an office the directory lacks', () => {
    expect(fieldsOf(['Verified Production (Billing Department Only) Katy', 'Katy Production'], DENTIST_SHEET_KIND)).toEqual([
      ['Verified Production (Billing Department Only) Katy', null, null, "names an office the directory lacks: 'katy'"],
      ['Katy Production', null, null, "names an office the directory lacks: 'katy'"],
    ]);
  });

  it('reads office aliases (BT, HM) as whole words', () => {
    expect(fieldsOf(['Verified Production BT', 'Verified Production HM'], DENTIST_SHEET_KIND).map((c) => c[2])).toEqual(['BAYTOWN_MAIN', 'HUMBLE_MAIN']);
  });
});

describe('mapColumns: saved overrides (contract 8) take precedence', () => {
  it('maps by normalised header text to a field, an office, or ignore', () => {
    const overrides = { 'prod sugar land': 'location:BAYTOWN_MAIN', 'bonus': 'ignore', 'chair time': 'hours_worked' };
    expect(fieldsOf(['Prod Sugar Land', ' BONUS ', 'Chair  Time'], DENTIST_SHEET_KIND, demoDirectory(), overrides)).toEqual([
      ['Prod Sugar Land', 'verified_production', 'BAYTOWN_MAIN', 'override'],
      [' BONUS ', null, null, 'override: ignore'],
      ['Chair  Time', 'hours_worked', null, 'override'],
    ]);
  });

  it('re-checks an override against the directory and the kind on every use', () => {
    const overrides = { 'x': 'location:GONE_MAIN', 'y': 'no_such_field', 'z': 'month:sheet_location_production' };
    expect(fieldsOf(['X', 'Y', 'Z'], DENTIST_SHEET_KIND, demoDirectory(), overrides).map((c) => c[3])).toEqual([
      'override names an office the directory lacks: GONE_MAIN',
      'override names a field a dentist sheet lacks: no_such_field',
      'override maps to month:sheet_location_production, which needs an office: use location:<CODE>',
    ]);
  });
});
