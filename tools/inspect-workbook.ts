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
import { nodeHasher } from './lib/node-hasher';
import { readWorkbookFiles } from './lib/workbook-reader';

export interface InspectIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: InspectIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

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
  const args: InspectArgs = { files: [], json: false, directoryFile: null, timeZone: null, spreadsheetId: null, providerCode: null, locationCode: null };
  const valued: Record<string, keyof InspectArgs> = {
    '--directory': 'directoryFile',
    '--tz': 'timeZone',
    '--spreadsheet-id': 'spreadsheetId',
    '--provider': 'providerCode',
    '--location': 'locationCode',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg in valued) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return `${arg} needs a value`;
      (args as unknown as Record<string, string>)[valued[arg]] = v;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else args.files.push(arg);
  }
  if (args.files.length === 0) return 'no files given';
  return args;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function loadDirectory(file: string): Directory {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['clinic', 'locations', 'providers', 'links'] as const) {
    if (data[key] === undefined) throw new Error(`missing '${key}'`);
  }
  if (typeof data.clinic?.time_zone !== 'string') throw new Error("missing 'clinic.time_zone'");
  return { clinic: data.clinic, locations: data.locations, providers: data.providers, links: data.links, version: String(data.version ?? file) };
}

export async function main(argv: readonly string[] = process.argv.slice(2), io: InspectIo = processIo): Promise<number> {
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

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`inspect: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
