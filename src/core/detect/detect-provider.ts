// Whose workbook is this: the spreadsheet title (then tab names) against the directory's provider names and
// aliases, by whole words. Replaces first-match-wins regexes (F8: Chinyere's sheet attributed to Obinna) and
// bidirectional substring lookups where an empty name matched everything (F23). Two providers named → ambiguous,
// reported, never guessed.
import type { Directory, DirectoryProvider } from '../directory';
import type { Confidence, ProviderCandidate, ProviderDetection } from '../understanding';
import { findPhrase, words } from '../sheet/header-text';

const HONORIFICS = new Set(['dr', 'doctor', 'dds', 'dmd', 'rdh', 'md', 'mr', 'mrs', 'ms', 'miss']);

// How much a kind of match says: the full name says most; a single short word (an alias like 'Obi' or 'Kia')
// least, since short words collide more easily.
const SCORE_FULL_NAME = 1;
const SCORE_MULTI_WORD_ALIAS = 0.95;
const SCORE_SINGLE_WORD = 0.85;
const SCORE_SHORT_WORD = 0.75;
const TYPO_PENALTY = 0.1;
const TAB_NAME_FACTOR = 0.8;
/** A runner-up scoring this much means two providers are named: ambiguous. */
const AMBIGUOUS_RUNNER_UP = 0.7;

interface NameForm {
  text: string;
  phrase: string[];
  score: number;
}

function nameForms(provider: DirectoryProvider): NameForm[] {
  const forms: NameForm[] = [];
  const nameWords = words(provider.name).filter((w) => !HONORIFICS.has(w));
  if (nameWords.length >= 2) forms.push({ text: provider.name, phrase: nameWords, score: SCORE_FULL_NAME });
  for (const w of nameWords) if (w.length >= 3) forms.push({ text: w, phrase: [w], score: w.length >= 4 ? SCORE_SINGLE_WORD : SCORE_SHORT_WORD });
  for (const alias of provider.aliases) {
    const phrase = words(alias);
    const meaningful = phrase.filter((w) => !HONORIFICS.has(w));
    if (meaningful.length === 0) continue;
    const score = meaningful.length >= 2 || phrase.length >= 2 ? SCORE_MULTI_WORD_ALIAS : meaningful[0].length >= 4 ? SCORE_SINGLE_WORD : SCORE_SHORT_WORD;
    forms.push({ text: alias, phrase, score });
  }
  return forms;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

function scoreText(text: string, directory: Directory, factor: number): ProviderCandidate[] {
  const textWords = words(text);
  const candidates: ProviderCandidate[] = [];
  for (const provider of directory.providers) {
    let best: ProviderCandidate | null = null;
    for (const form of nameForms(provider)) {
      let score = 0;
      if (findPhrase(textWords, form.phrase, false) >= 0) score = form.score;
      else if (findPhrase(textWords, form.phrase, true) >= 0) score = form.score - TYPO_PENALTY;
      score = round(score * factor);
      if (score > 0 && (!best || score > best.score)) best = { provider_code: provider.code, name: provider.name, score, matched: form.text };
    }
    if (best) candidates.push(best);
  }
  return candidates.sort((a, b) => b.score - a.score || (a.provider_code < b.provider_code ? -1 : 1));
}

export function confidenceOf(score: number): Confidence {
  if (score >= 0.9) return 'high';
  if (score >= 0.7) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

function fromCandidates(candidates: ProviderCandidate[], source: ProviderDetection['source']): ProviderDetection {
  const best = candidates[0] ?? null;
  const runner_up = candidates[1] ?? null;
  const ambiguous = best !== null && runner_up !== null && runner_up.score >= AMBIGUOUS_RUNNER_UP;
  return {
    best,
    runner_up,
    confidence: best === null ? 'none' : ambiguous ? 'low' : confidenceOf(best.score),
    ambiguous,
    source: best === null ? 'none' : source,
  };
}

export function detectProvider(title: string, tabNames: readonly string[], directory: Directory): ProviderDetection {
  const fromTitle = scoreText(title, directory, 1);
  if (fromTitle.length > 0) return fromCandidates(fromTitle, 'title');
  const byProvider = new Map<string, ProviderCandidate>();
  for (const tab of tabNames) {
    for (const c of scoreText(tab, directory, TAB_NAME_FACTOR)) {
      const current = byProvider.get(c.provider_code);
      if (!current || c.score > current.score) byProvider.set(c.provider_code, c);
    }
  }
  const fromTabs = [...byProvider.values()].sort((a, b) => b.score - a.score || (a.provider_code < b.provider_code ? -1 : 1));
  return fromCandidates(fromTabs, 'tabs');
}

/** A provider the user confirmed (binding) or named on the command line: taken as given when the directory has it. */
export function providerFromBinding(providerCode: string, directory: Directory): ProviderDetection | null {
  const provider = directory.providers.find((p) => p.code === providerCode);
  if (!provider) return null;
  return {
    best: { provider_code: provider.code, name: provider.name, score: 1, matched: provider.code },
    runner_up: null,
    confidence: 'high',
    ambiguous: false,
    source: 'binding',
  };
}
