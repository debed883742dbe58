// RFC 4180 CSV text → rows of strings (quoted commas, doubled quotes, newlines inside quotes, CRLF or LF, a BOM).
// Cells stay text, as a Sheets CSV download holds them: '11/01/2024', '$69,567.03'; the engine parses them.
import type { Grid } from '../../src/core/cell';

export class CsvSyntaxError extends Error {}

export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let cellStarted = false;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      cellStarted = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStarted = false;
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      cellStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is never closed');
  if (cellStarted || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV rows → Cell grid: empty text is blank (null), everything else stays a string; ragged rows are padded. */
export function csvToGrid(text: string): Grid {
  const rows = parseCsv(text);
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, k) => (r[k] === undefined || r[k] === '' ? null : r[k])));
}
