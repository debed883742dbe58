// Files on disk → Workbooks for the core engine. `.xlsx`: one workbook per file, titled by the file name. `.csv`:
// Sheets downloads one tab per file named '<title> - <tab>.csv'; files sharing a title form one workbook, tabs in
// the order given. A file without a spreadsheet id gets a stable one derived from its title (contract 10).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SheetTab, Workbook } from '../../src/core/ports';
import { csvToGrid } from './workbook-reader-csv';
import { readXlsxTabs } from './workbook-reader-xlsx';

export interface WorkbookFromFiles {
  workbook: Workbook;
  files: string[];
}

export interface UnreadableFile {
  file: string;
  message: string;
}

export interface ReadOptions {
  timeZone: string;
  /** Overrides the id derived from the title (only meaningful for one workbook). */
  spreadsheetId?: string;
}

export function spreadsheetIdForTitle(title: string): string {
  return `file:${createHash('sha256').update(title, 'utf8').digest('hex').slice(0, 16)}`;
}

/** 'Dr. Obi - Associate Prodution Tracker - Nov-24.csv' → title 'Dr. Obi - Associate Prodution Tracker', tab 'Nov-24'. */
export function titleAndTabOfCsv(file: string): { title: string; tab: string } {
  const name = basename(file, extname(file));
  const at = name.lastIndexOf(' - ');
  return at < 0 ? { title: name, tab: name } : { title: name.slice(0, at), tab: name.slice(at + 3) };
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return 'no such file';
  if (e && e.code === 'EISDIR') return 'is a directory, not a file';
  if (e && e.code === 'EACCES') return 'permission denied';
  return e && e.message ? e.message : String(error);
}

export async function readWorkbookFiles(files: readonly string[], options: ReadOptions): Promise<{ workbooks: WorkbookFromFiles[]; errors: UnreadableFile[] }> {
  const errors: UnreadableFile[] = [];
  const byTitle = new Map<string, { tabs: SheetTab[]; files: string[] }>();
  const add = (title: string, file: string, tabs: SheetTab[]) => {
    const entry = byTitle.get(title) ?? { tabs: [], files: [] };
    for (const tab of tabs) entry.tabs.push({ ...tab, sheetId: tab.sheetId || entry.tabs.length + 1 });
    entry.files.push(file);
    byTitle.set(title, entry);
  };
  for (const file of files) {
    const extension = extname(file).toLowerCase();
    try {
      if (extension === '.csv') {
        const { title, tab } = titleAndTabOfCsv(file);
        const text = await readFile(file, 'utf8');
        add(title, file, [{ name: tab, sheetId: 0, values: csvToGrid(text) }]);
      } else if (extension === '.xlsx') {
        const tabs = await readXlsxTabs(file);
        add(basename(file, extname(file)), file, tabs);
      } else {
        errors.push({ file, message: `unsupported file type '${extension || '(none)'}': expected .xlsx or .csv` });
      }
    } catch (error) {
      errors.push({ file, message: `cannot read ${extension === '.xlsx' ? 'the .xlsx workbook' : 'the file'}: ${describeError(error)}` });
    }
  }
  const workbooks = [...byTitle.entries()].map(([title, entry]) => ({
    files: entry.files,
    workbook: {
      spreadsheetId: options.spreadsheetId ?? spreadsheetIdForTitle(title),
      title,
      timeZone: options.timeZone,
      tabs: entry.tabs,
    },
  }));
  return { workbooks, errors };
}
