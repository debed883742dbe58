import { createHash } from 'node:crypto';
import { demoDirectory } from '../../../src/core/demo-practice';
import { canonicalMonthText, monthHash } from '../../../src/core/month-hash';
import { buildReport, buildWorkbookReport } from '../../../src/core/report/build-report';
import { renderReportText } from '../../../src/core/report/render-report-text';
import { REPORT_SCHEMA, REPORT_VERSION } from '../../../src/core/report/report-schema';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { nodeHasher } from '../../../tools/lib/node-hasher';
import { ADRIANE_DEC_23_CSV, OBI_NOV_24_CSV, fixtureGrid, workbook } from '../sheet/helpers/workbooks';

const obi = () => understandWorkbook(workbook('Dr. Obi - Associate Prodution Tracker', [{ name: 'Nov-24', values: fixtureGrid(OBI_NOV_24_CSV) }]), demoDirectory());
const adriane = () =>
  understandWorkbook(workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values: fixtureGrid(ADRIANE_DEC_23_CSV) }]), demoDirectory());

describe('month content hash of the golden months (contract 4)', () => {
  it('is the SHA-256 of the canonical text, through the node:crypto Hasher', () => {
    const payload = obi().months[0].payload;
    expect(monthHash(payload, nodeHasher)).toBe(createHash('sha256').update(canonicalMonthText(payload), 'utf8').digest('hex'));
  });

  it('is stable: pinned values for Obi Nov-24 and Adriane Dec-23 (a change here changes what the server must compute)', () => {
    expect([monthHash(obi().months[0].payload, nodeHasher), monthHash(adriane().months[0].payload, nodeHasher)]).toEqual([
      'dd6510a920bdb53617ae50dd15abb1f96d9e7d2bf00dc35d1438bc232ad199f0',
      'b62dc1ea781b2b93ee28b1045dbf282a66b0ff45136b4119b1694e5fbd60f4a4',
    ]);
  });

  it('does not depend on row order', () => {
    const payload = adriane().months[0].payload;
    expect(monthHash({ ...payload, rows: [...payload.rows].reverse(), figures: [...payload.figures].reverse() }, nodeHasher)).toBe(monthHash(payload, nodeHasher));
  });
});

describe('the versioned report', () => {
  const report = () => buildReport('inspect', demoDirectory(), [buildWorkbookReport(obi(), ['obi.csv'], nodeHasher)], [{ file: 'x.txt', message: 'unsupported' }]);

  it('names its schema and version and counts what it holds', () => {
    const r = report();
    expect([r.schema, r.version, r.command, r.directory]).toEqual([REPORT_SCHEMA, REPORT_VERSION, 'inspect', { clinic_code: 'KAMDENTAL', version: 'demo' }]);
    expect(r.workbooks[0].counts).toEqual({
      tabs: 1,
      month_tabs: 1,
      skipped_tabs: 0,
      rows: 60,
      skipped_rows: 0,
      rejects: 0,
      totals_agree: 3,
      totals_mismatch: 0,
      totals_no_summary: 0,
    });
    expect(r.workbooks[0].months[0]).toMatchObject({ tab: 'Nov-24', month: '2024-11', provider_code: 'obinna_ezeji', hash: 'dd6510a920bdb53617ae50dd15abb1f96d9e7d2bf00dc35d1438bc232ad199f0' });
  });

  it('renders readable text with provider, columns, rows, figures, totals and unreadable files', () => {
    const text = renderReportText(report());
    for (const line of [
      "Provider: obinna_ezeji (Dr. Obinna Ezeji) — score 0.95, confidence high, matched 'Dr. Obi', from title",
      '  Nov-24: month 2024-11, dentist sheet, header row 1, 60 rows',
      '    HUMBLE_MAIN    2024-11-01  row   2: verified_production=-1296',
      '    sheet_location_production @ HUMBLE_MAIN = 37673.95',
      '    verified_production (all offices): AGREE — sheet 69567.03, rows 69567.03, difference 0',
      'Cannot read x.txt: unsupported',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });
});
