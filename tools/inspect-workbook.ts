// npm run inspect -- FILE.xlsx | FILE.csv ... [--json] [--directory FILE.json] [--tz Area/City]
//                    [--spreadsheet-id ID] [--provider CODE] [--location CODE]
// Shows what the sheet engine understands of workbooks on disk, through the same core code the add-on runs.
// Exit 0 when every file was read (rejects included: they are part of what is understood); 1 when any file could
// not be read; 2 on bad arguments.
import { readFileSync } from 'node:fs';
import type { Directory } from '../src/core/directory';
import { demoDirectory } from '../src/core/demo-practice';
import { buildReport, buildWorkbookReport } from '../src/core/report/build-report';
import { renderReportText } from '../src/core/report/render-report-text';
import { understandWorkbook } from '../src/core/sheet/understand-workbook';
import { isTimeZone, parseCommandLine, processIo, runAsScript, type CommandIo } from './lib/command-line';
import { nodeHasher } from './lib/node-hasher';
import { readWorkbookFiles } from './lib/workbook-reader';

interface InspectArgs {
  files: string[];
  json: boolean;
  directoryFile: string | null;
  timeZone: string | null;
  spreadsheetId: string | null;
  providerCode: string | null;
  locationCode: string | null;
}

const USAGE = 'usage: npm run inspect -- FILE.xlsx|FILE.csv ... [--json] [--directory FILE.json] [--tz Area/City] [--spreadsheet-id ID] [--provider CODE] [--location CODE]';

function parseArgs(argv: readonly string[]): InspectArgs | string {
  return parseCommandLine<InspectArgs>(
    argv,
    { files: [], json: false, directoryFile: null, timeZone: null, spreadsheetId: null, providerCode: null, locationCode: null },
    {
      switches: { '--json': 'json' },
      valued: {
        '--directory': 'directoryFile',
        '--tz': 'timeZone',
        '--spreadsheet-id': 'spreadsheetId',
        '--provider': 'providerCode',
        '--location': 'locationCode',
      },
    },
  );
}

function loadDirectory(file: string): Directory {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['clinic', 'locations', 'providers', 'links'] as const) {
    if (data[key] === undefined) throw new Error(`missing '${key}'`);
  }
  if (typeof data.clinic?.time_zone !== 'string') throw new Error("missing 'clinic.time_zone'");
  return { clinic: data.clinic, locations: data.locations, providers: data.providers, links: data.links, version: String(data.version ?? file) };
}

export async function main(argv: readonly string[] = process.argv.slice(2), io: CommandIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`inspect: ${args}\n${USAGE}\n`);
    return 2;
  }
  let directory: Directory;
  try {
    directory = args.directoryFile ? loadDirectory(args.directoryFile) : demoDirectory();
  } catch (error) {
    io.stderr(`inspect: cannot read the directory ${args.directoryFile}: ${(error as Error).message}\n`);
    return 2;
  }
  const timeZone = args.timeZone ?? directory.clinic.time_zone;
  if (!isTimeZone(timeZone)) {
    io.stderr(`inspect: unknown time zone ${JSON.stringify(timeZone)} (expected an IANA name such as America/Chicago)\n`);
    return 2;
  }
  const { workbooks, errors } = await readWorkbookFiles(args.files, { timeZone, spreadsheetId: args.spreadsheetId ?? undefined });
  const options = { provider_code: args.providerCode ?? undefined, location_code: args.locationCode ?? undefined };
  const reports = workbooks.map((w) => buildWorkbookReport(understandWorkbook(w.workbook, directory, options), w.files, nodeHasher));
  const report = buildReport('inspect', directory, reports, errors);
  io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report));
  for (const e of errors) io.stderr(`inspect: cannot read ${e.file}: ${e.message}\n`);
  return errors.length > 0 ? 1 : 0;
}

if (require.main === module) runAsScript('inspect', main);
