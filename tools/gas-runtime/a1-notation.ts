// A1 notation for the spreadsheet fakes: column letters, 'A1:C3', open ranges ('A:C', 'A2:C', '1:3'), sheet-qualified
// references ("'Nov-24'!A1:Z") the way the Sheets API reads and writes them.

export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1Bounds {
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

/** Parses 'A1', 'A1:C3', 'A:C', 'A2:C', '2:5'. Returns null when it is not A1 notation. */
export function parseA1(ref: string): A1Bounds | null {
  const parts = ref.replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((m) => !m)) return null;
  const [a, b = a] = cells as RegExpExecArray[];
  const num = (s: string) => (s ? Number(s) : undefined);
  const col = (s: string) => (s ? columnNumber(s) : undefined);
  const bounds: A1Bounds = { startColumn: col(a[1]), startRow: num(a[2]), endColumn: col(b[1]), endRow: num(b[2]) };
  if (bounds.startRow === 0 || bounds.endRow === 0) return null;
  return bounds;
}

export function a1(startRow: number, startColumn: number, endRow: number, endColumn: number): string {
  const first = `${columnLetters(startColumn)}${startRow}`;
  const last = `${columnLetters(endColumn)}${endRow}`;
  return first === last ? first : `${first}:${last}`;
}

export function quoteSheetName(name: string): string {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !looksLikeCell ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Nov-24'!A1:B2" into the sheet name and the A1 part; a bare string has no '!' part. */
export function splitSheetRange(range: string): { sheet: string; a1?: string } {
  const bang = range.lastIndexOf('!');
  const unquote = (s: string) => (s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);
  if (bang === -1) return { sheet: unquote(range) };
  return { sheet: unquote(range.slice(0, bang)), a1: range.slice(bang + 1) };
}
