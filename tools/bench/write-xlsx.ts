// Writes a generated Workbook as an .xlsx file (exceljs), so the benchmarks can time the real file path of
// `npm run sync`: read the .xlsx, then understand it. Dates become Date cells at UTC midnight (exceljs's
// convention, which tools/lib/workbook-reader-xlsx.ts reads back as calendar dates).
import ExcelJS from 'exceljs';
import type { Workbook } from '../../src/core/ports';

export async function writeWorkbookXlsx(workbook: Workbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const tab of workbook.tabs) {
    const sheet = book.addWorksheet(tab.name);
    for (const row of tab.values) {
      sheet.addRow(
        row.map((cell) => {
          if (cell === null || typeof cell !== 'object') return cell;
          if ('date' in cell) {
            const [y, m, d] = cell.date.split('-').map(Number);
            return new Date(Date.UTC(y, m - 1, d));
          }
          return { error: cell.error };
        }),
      );
    }
  }
  await book.xlsx.writeFile(file);
}
