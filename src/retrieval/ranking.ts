// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { RelatedTerm } from '../indexing/term-relations.js';
import type { Tuning } from '../tuning.js';

/** One content word of the question with the corpus terms it may match. */
export interface QueryWord {
  /** The question word's own term. */
  readonly term: string;
  /** How much finding this word matters (IDF-based). */
  readonly importance: number;
  readonly matches: readonly RelatedTerm[];
  /** The same matches as a map from corpus term to its strongest weight ({@link strongestWeights}). */
  readonly weights: ReadonlyMap<string, number>;
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
  /** For each question word, how strongly the best window holds it (0 = not at all). */
  readonly windowStrengths: readonly number[];
  /** For each question word, how strongly the paragraph holds it anywhere. */
  readonly paragraphStrengths: readonly number[];
  /** For each sentence, the share of the question's importance it holds. */
  readonly sentenceCoverage: readonly number[];
  /** The best share held by three sentences in a row. */
  readonly threeSentenceCoverage: number;
  /** The index's BM25 score over the best candidate's, in [0, 1]. */
  readonly bm25Share: number;
  /** Question words standing together as in the question, per unit of its importance. */
  readonly proximity: number;
}

/**
 * Scores a candidate paragraph: coverage of the question's words in the paragraph and in its best
 * one- or two-sentence window (words close together beat words scattered), plus the index's BM25,
 * weighted by `tuning.weights`.
 */
export function scoreParagraph(
  paragraph: AnnotatedParagraph,
  words: readonly QueryWord[],
  bm25: number,
  bestBm25: number,
  tuning: Tuning['ranking'],
): ParagraphScore {
  const { weights, twoSentenceFactor } = tuning;
  const total = words.reduce((sum, w) => sum + w.importance, 0) || 1;
  const { sentenceTerms, termSet: paragraphTerms } = paragraph;
  const count = words.length;

  const weightsOf = words.map((word) => word.weights);
  // strengths[s * count + w]: how well sentence s holds question word w.
  const strengths = new Float64Array(sentenceTerms.length * count);
  sentenceTerms.forEach((terms, s) => {
    for (const term of terms) {
      for (let w = 0; w < count; w += 1) {
        const weight = (weightsOf[w] as ReadonlyMap<string, number>).get(term);
        if (weight !== undefined && weight > (strengths[s * count + w] as number)) {
          strengths[s * count + w] = weight;
        }
      }
    }
  });
  const strength = (s: number, w: number): number =>
    s < sentenceTerms.length ? (strengths[s * count + w] as number) : 0;
  const coverageOf = (s: number, other = -1): number => {
    let sum = 0;
    for (let w = 0; w < count; w += 1) {
      const best = other < 0 ? strength(s, w) : Math.max(strength(s, w), strength(other, w));
      sum += (words[w] as QueryWord).importance * best;
    }
    return sum / total;
  };

  let windowCoverage = 0;
  let window = { first: 0, count: 1 };
  for (let i = 0; i < sentenceTerms.length; i += 1) {
    const one = coverageOf(i);
    if (one > windowCoverage) {
      windowCoverage = one;
      window = { first: i, count: 1 };
    }
    if (i + 1 < sentenceTerms.length) {
      const two = coverageOf(i, i + 1) * twoSentenceFactor;
      if (two > windowCoverage + 1e-9) {
        windowCoverage = two;
        window = { first: i, count: 2 };
      }
    }
  }
  let covered = 0;
  const paragraphStrengths = words.map((word, w) => {
    let best = 0;
    for (let s = 0; s < sentenceTerms.length; s += 1) best = Math.max(best, strength(s, w));
    covered += word.importance * best;
    return best;
  });
  const coverage = covered / total;
  const sentenceCoverage = sentenceTerms.map((_, s) => coverageOf(s));
  let threeSentenceCoverage = 0;
  for (let s = 0; s < sentenceTerms.length; s += 1) {
    let sum = 0;
    for (let w = 0; w < count; w += 1) {
      const best = Math.max(strength(s, w), strength(s + 1, w), strength(s + 2, w));
      sum += (words[w] as QueryWord).importance * best;
    }
    threeSentenceCoverage = Math.max(threeSentenceCoverage, sum / total);
  }
  const bm25Share = bestBm25 > 0 ? bm25 / bestBm25 : 0;
  const proximity = phraseProximity(paragraph, words, window, tuning.phraseReach) / total;

  const matchedTerms = new Map<string, number>();
  for (const word of words) {
    for (const match of word.matches) {
      if (paragraphTerms.has(match.term)) {
        matchedTerms.set(match.term, Math.max(matchedTerms.get(match.term) ?? 0, match.weight));
      }
    }
  }
  const score =
    weights.window * windowCoverage +
    weights.paragraph * coverage +
    weights.bm25 * bm25Share +
    weights.proximity * proximity;
  const windowStrengths = words.map((_, w) =>
    Math.max(strength(window.first, w), window.count > 1 ? strength(window.first + 1, w) : 0),
  );
  return {
    paragraph,
    score,
    coverage,
    windowCoverage,
    window,
    matchedTerms,
    windowStrengths,
    paragraphStrengths,
    sentenceCoverage,
    threeSentenceCoverage,
    bm25Share,
    proximity,
  };
}

/**
 * Rewards question words that stand together in the window as they do in the question ("Supreme
 * Court", "last week"): for each pair of neighbouring question words found within `reach`
 * tokens of each other, the smaller of their importances.
 */
function phraseProximity(
  paragraph: AnnotatedParagraph,
  words: readonly QueryWord[],
  window: { readonly first: number; readonly count: number },
  reach: number,
): number {
  const { sentences, tokens } = paragraph.analysis;
  const first = sentences[window.first];
  const last = sentences[window.first + window.count - 1] ?? first;
  if (!first || !last) return 0;
  const positions = words.map((word) => {
    const { weights } = word;
    const found: { at: number; strength: number }[] = [];
    for (let t = first.firstToken; t < last.endToken; t += 1) {
      const term = tokens[t]?.term;
      const weight = term ? weights.get(term) : undefined;
      if (weight !== undefined) found.push({ at: t, strength: weight });
    }
    return found;
  });
  let bonus = 0;
  for (let i = 0; i + 1 < words.length; i += 1) {
    let best = 0;
    for (const a of positions[i] ?? []) {
      for (const b of positions[i + 1] ?? []) {
        if (a.at !== b.at && Math.abs(a.at - b.at) <= reach) {
          best = Math.max(best, Math.min(a.strength, b.strength));
        }
      }
    }
    bonus += best * Math.min(words[i]?.importance ?? 0, words[i + 1]?.importance ?? 0);
  }
  return bonus;
}

/**
 * Matches as a map from corpus term to the strongest weight. Built once with the word: the
 * ranking reads it for every candidate paragraph. (A WeakMap keyed by the question's words held
 * them, for the scavenger, until the next full collection: every minor collection copied the
 * words of all recent questions, some milliseconds each.)
 */
export function strongestWeights(matches: readonly RelatedTerm[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const m of matches) if ((map.get(m.term) ?? 0) < m.weight) map.set(m.term, m.weight);
  return map;
}
