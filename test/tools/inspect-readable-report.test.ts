// Review of issue 12's inspect clause: the readable report shows the runner-up and the ambiguity of a title naming
// two providers (and attributes nothing), and a totals mismatch with both figures and the difference, per office
// and overall; both workbooks are still understood (exit 0). The existing tests only show agreeing fixtures and an
// unambiguous provider.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../tools/inspect-workbook';

async function inspect(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stderr, lines: stdout.split('\n') };
}

describe('npm run inspect, readable report', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inspect-readable-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a title naming two hygienists, then it shows both with the runner-up, says AMBIGUOUS and attributes no row', async () => {
    const file = join(dir, 'Hygiene Production Tracker - Kia and Adriane - Jan-24.csv');
    writeFileSync(file, 'Date,Hours Worked,Verified Production\r\n1/3/2024,6,450\r\n');
    const { code, stderr, lines } = await inspect([file]);
    expect([code, stderr]).toEqual([0, '']);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Provider: adriane_fontenot (Adriane Fontenot) — score 0.85, confidence low, matched 'adriane', from title",
        "  runner-up: kia_redfearn (score 0.75, matched 'kia')",
        '  AMBIGUOUS: more than one provider is named; nothing is attributed until one is chosen',
        expect.stringMatching(/^Month 2024-01 \(tab Jan-24\) — provider \(not determined\), 0 rows, hash [0-9a-f]{12}…$/),
        'Counts: 1 tabs (1 month, 0 skipped), 0 rows, 0 skipped rows, 1 rejects; totals 0 agree, 0 mismatch, 1 without summary',
      ]),
    );
  });

  it('given summaries that disagree with the day rows, then each check shows MISMATCH with both figures and rows minus sheet', async () => {
    const file = join(dir, 'Dr. Obi - Associate Prodution Tracker - Oct-24.csv');
    writeFileSync(
      file,
      [
        'Date,Verified Production (Billing Department Only) Humble,Verified Production (Billing Department Only) Baytown,Total Production,Humble Production,Baytown Production',
        '10/01/2024,"1,000.25",-9.75,$100.00,$40.00,$60.00',
        '10/02/2024,-500.00,0,,,',
      ].join('\r\n'),
    );
    const { code, stderr, lines } = await inspect([file]);
    expect([code, stderr]).toEqual([0, '']);
    // Humble 1,000.25 − 500.00 = 500.25; Baytown −9.75 + 0 = −9.75; both 490.50.
    expect(lines).toEqual(
      expect.arrayContaining([
        '    verified_production (all offices): MISMATCH — sheet 100, rows 490.5, difference 390.5',
        '    verified_production (HUMBLE_MAIN): MISMATCH — sheet 40, rows 500.25, difference 460.25',
        '    verified_production (BAYTOWN_MAIN): MISMATCH — sheet 60, rows -9.75, difference -69.75',
        'Counts: 1 tabs (1 month, 0 skipped), 4 rows, 0 skipped rows, 0 rejects; totals 0 agree, 3 mismatch, 0 without summary',
      ]),
    );
  });
});
