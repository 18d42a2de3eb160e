import type { AnnotatedParagraph } from './annotated-corpus.js';
import type { RelatedTerm } from './term-relations.js';

/** One content word of the question with the corpus terms it may match. */
export interface QueryWord {
  /** The question word's own term. */
  readonly term: string;
  /** How much finding this word matters (IDF-based). */
  readonly importance: number;
  readonly matches: readonly RelatedTerm[];
}

/** How well one paragraph answers the question's words. */
export interface ParagraphScore {
  readonly paragraph: AnnotatedParagraph;
  /** Final ranking score. */
  readonly score: number;
  /** Share of the question's importance found in the whole paragraph, in [0, 1]. */
  readonly coverage: number;
  /** Share found inside the best window of one or two sentences, in [0, 1]. */
  readonly windowCoverage: number;
  /** First sentence and sentence count of the best window. */
  readonly window: { readonly first: number; readonly count: number };
  /** Paragraph terms matched, with the strength of the match. */
  readonly matchedTerms: ReadonlyMap<string, number>;
}

/** A second sentence joins the window only when it adds this much. */
const TWO_SENTENCE_FACTOR = 0.85;
const WEIGHTS = { window: 0.5, paragraph: 0.25, bm25: 0.1, proximity: 0.3 };
/** Two question words this close (in tokens) in the text read as one phrase. */
const PHRASE_REACH = 3;

/**
 * Scores a candidate paragraph: coverage of the question's words in the paragraph and in its best
 * one- or two-sentence window (words close together beat words scattered), plus the index's BM25.
 */
export function scoreParagraph(
  paragraph: AnnotatedParagraph,
  words: readonly QueryWord[],
  bm25: number,
  bestBm25: number,
): ParagraphScore {
  const total = words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const { tokens, sentences } = paragraph.analysis;
  const sentenceTerms = sentences.map((s) => {
    const terms = new Set<string>();
    for (let t = s.firstToken; t < s.endToken; t += 1) {
      const token = tokens[t];
      if (token?.term && !token.isStopWord) terms.add(token.term);
    }
    return terms;
  });
  const paragraphTerms = new Set(paragraph.terms);

  const strength = (word: QueryWord, terms: ReadonlySet<string>) => {
    let best = 0;
    for (const match of word.matches) {
      if (match.weight > best && terms.has(match.term)) best = match.weight;
    }
    return best;
  };
  const covered = (terms: ReadonlySet<string>) =>
    words.reduce((sum, w) => sum + w.importance * strength(w, terms), 0) / total;

  let windowCoverage = 0;
  let window = { first: 0, count: 1 };
  sentenceTerms.forEach((terms, i) => {
    const one = covered(terms);
    if (one > windowCoverage) {
      windowCoverage = one;
      window = { first: i, count: 1 };
    }
    const next = sentenceTerms[i + 1];
    if (next) {
      const two = covered(new Set([...terms, ...next])) * TWO_SENTENCE_FACTOR;
      if (two > windowCoverage + 1e-9) {
        windowCoverage = two;
        window = { first: i, count: 2 };
      }
    }
  });
  const coverage = covered(paragraphTerms);
  const proximity = phraseProximity(paragraph, words, window) / total;

  const matchedTerms = new Map<string, number>();
  for (const word of words) {
    for (const match of word.matches) {
      if (paragraphTerms.has(match.term)) {
        matchedTerms.set(match.term, Math.max(matchedTerms.get(match.term) ?? 0, match.weight));
      }
    }
  }
  const score =
    WEIGHTS.window * windowCoverage +
    WEIGHTS.paragraph * coverage +
    WEIGHTS.bm25 * (bestBm25 > 0 ? bm25 / bestBm25 : 0) +
    WEIGHTS.proximity * proximity;
  return { paragraph, score, coverage, windowCoverage, window, matchedTerms };
}

/**
 * Rewards question words that stand together in the window as they do in the question ("State
 * Department", "last week"): for each pair of neighbouring question words found within a few
 * tokens of each other, the smaller of their importances.
 */
function phraseProximity(
  paragraph: AnnotatedParagraph,
  words: readonly QueryWord[],
  window: { readonly first: number; readonly count: number },
): number {
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return 0;
  const positions = words.map((word) => {
    const found: { at: number; strength: number }[] = [];
    for (let t = first.firstToken; t < last.endToken; t += 1) {
      const term = tokens[t]?.term;
      if (!term) continue;
      const match = word.matches.find((m) => m.term === term);
      if (match) found.push({ at: t, strength: match.weight });
    }
    return found;
  });
  let bonus = 0;
  for (let i = 0; i + 1 < words.length; i += 1) {
    let best = 0;
    for (const a of positions[i] ?? []) {
      for (const b of positions[i + 1] ?? []) {
        if (a.at !== b.at && Math.abs(a.at - b.at) <= PHRASE_REACH) {
          best = Math.max(best, Math.min(a.strength, b.strength));
        }
      }
    }
    bonus += best * Math.min(words[i]?.importance ?? 0, words[i + 1]?.importance ?? 0);
  }
  return bonus;
}
