// Offices named in header or cell text, against the DIRECTORY's location names, aliases and codes (passed in as
// data): a new office ('Katy') needs a directory row, not code.
import type { Directory } from '../directory';
import { findPhrase, words } from '../sheet/header-text';

export interface OfficeMention {
  location_code: string;
  matched: string; // the name/alias/code text that matched
  /** Positions in the searched word list that the mention covers. */
  word_indexes: number[];
}

export type OfficeLookup =
  | { kind: 'found'; mention: OfficeMention }
  | { kind: 'several'; location_codes: string[] }
  | { kind: 'none' };

function officeNames(directory: Directory): { code: string; text: string; phrase: string[] }[] {
  const names: { code: string; text: string; phrase: string[] }[] = [];
  for (const location of directory.locations) {
    for (const text of [location.name, ...location.aliases, location.code.replace(/_/g, ' ')]) {
      const phrase = words(text);
      if (phrase.length > 0) names.push({ code: location.code, text, phrase });
    }
  }
  return names;
}

/** The one office named in `text` (a word list), the longest name winning within an office. */
export function findOfficeInWords(text: readonly string[], directory: Directory): OfficeLookup {
  const best = new Map<string, OfficeMention>();
  for (const name of officeNames(directory)) {
    const start = findPhrase(text, name.phrase);
    if (start < 0) continue;
    const current = best.get(name.code);
    if (!current || current.word_indexes.length < name.phrase.length) {
      best.set(name.code, { location_code: name.code, matched: name.text, word_indexes: name.phrase.map((_, k) => start + k) });
    }
  }
  if (best.size === 0) return { kind: 'none' };
  if (best.size > 1) return { kind: 'several', location_codes: [...best.keys()].sort() };
  return { kind: 'found', mention: [...best.values()][0] };
}

export function findOfficeInText(text: string, directory: Directory): OfficeLookup {
  return findOfficeInWords(words(text), directory);
}
