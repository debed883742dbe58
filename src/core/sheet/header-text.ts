// How header (and title) text is compared: by whole words, case- and punctuation-blind, forgiving one typo in a
// long word ('Prodution', 'Prodcution'). Whole words matter: the legacy 'id' substring rule let 'Provider',
// 'Paid' and 'Holiday' steal the UUID column (legacy-sync-facts §1.2).

/** The key saved overrides use (contract 8): lower case, single spaces, trimmed, Unicode-normalised. */
export function normaliseHeader(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Words of a text: runs of letters/digits, plus '%' as its own word ('30% Production' → 30, %, production). */
export function words(text: string): string[] {
  return (
    String(text ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+|%/g) ?? []
  );
}

/** Optimal string alignment distance, capped: returns cap+1 as soon as it is exceeded. */
function editDistanceWithin(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

// One typo is forgiven only in words long enough that it cannot turn one real header word into another.
const MIN_LENGTH_FOR_TYPO = 6;

export function sameWord(written: string, expected: string): boolean {
  if (written === expected) return true;
  if (written.length < MIN_LENGTH_FOR_TYPO || expected.length < MIN_LENGTH_FOR_TYPO) return false;
  if (/\d/.test(written) || /\d/.test(expected)) return false;
  return editDistanceWithin(written, expected, 1) <= 1;
}

/** Start index of `phrase` as consecutive words inside `text`, or -1. */
export function findPhrase(text: readonly string[], phrase: readonly string[], fuzzy = true): number {
  if (phrase.length === 0 || phrase.length > text.length) return -1;
  for (let start = 0; start + phrase.length <= text.length; start++) {
    let all = true;
    for (let k = 0; k < phrase.length && all; k++) {
      all = fuzzy ? sameWord(text[start + k], phrase[k]) : text[start + k] === phrase[k];
    }
    if (all) return start;
  }
  return -1;
}
