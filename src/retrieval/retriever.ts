// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { TermRelations } from '../indexing/term-relations.js';
import type { Token } from '../language/text-analysis.js';
import type { QuestionAnalysis } from '../question/question-analysis.js';
import { findQuestionTerms, type QuestionTerms } from './question-terms.js';
import {
  allTerms,
  firstStageTerms,
  matchQuestionWords,
  type QuestionWord,
} from './question-words.js';
import { scoreParagraph, strongestWeights } from './ranking.js';
import { type RankedParagraph, rerankParagraphs } from './rerank.js';
import type { RetrieverParts } from './retriever-parts.js';

/** The question's words as matched in the corpus, and the paragraphs ranked, best first. */
export interface Retrieval {
  /** The question's content words with their matches (soft matches included). */
  readonly words: readonly QuestionWord[];
  /** The candidates in the learned order, best first. */
  readonly ranked: readonly RankedParagraph[];
  /** The focus noun ("soldiers" in "how many soldiers") as a matched word, or null. */
  readonly focus: QuestionWord | null;
  /** The question's facts in the corpus's terms, for the short answer and the decision. */
  readonly terms: QuestionTerms;
}

/** Finds and ranks the paragraphs that best match an analysed question. */
export function retrieve(parts: RetrieverParts, question: QuestionAnalysis): Retrieval {
  const { paragraphs, index, relations, soft } = parts;
  const tuning = parts.tuning.retrieval;
  const { candidates: wanted, postingBudget } = tuning;
  const words = matchQuestionWords(question.tokens, index, relations, parts.aliases, tuning);

  const firstStage = firstStageTerms(words, index, tuning);
  const hits = index.search(firstStage, wanted, { postingBudget });
  if (hits.length < wanted) {
    // Few paragraphs hold the question's own words: let the weaker relatives fill the list. The
    // paragraphs not found yet hold none of the terms searched, so those need no second look.
    const searched = new Set(firstStage.map((t) => t.term));
    const relatives = allTerms(words).filter((t) => !searched.has(t.term));
    const seen = new Set(hits.map((hit) => hit.id));
    for (const hit of index.search(relatives, wanted, { postingBudget })) {
      if (hits.length >= wanted) break;
      if (!seen.has(hit.id))
        hits.push({ ...hit, score: Math.min(hit.score, hits.at(-1)?.score ?? hit.score) });
    }
  }
  const bestBm25 = hits[0]?.score ?? 0;
  const candidates = hits.map((hit) => paragraphs[hit.id] as AnnotatedParagraph);
  // Soft matches only ever count inside the paragraphs ranked here.
  const vocabulary = new Set<string>();
  for (const paragraph of candidates) for (const term of paragraph.termSet) vocabulary.add(term);
  const softMatches = soft.matchAll(
    words.map((word) => word.token),
    vocabulary,
  );
  const softened = words.map((word, i) => {
    const matches = [...word.matches, ...(softMatches[i] ?? [])];
    // A word the corpus uses as typed most likely means itself; its relatives count for less.
    const scale = index.documentFrequency(word.term) > 0 ? tuning.exactPresentScale : 1;
    const scaled = matches.map((m) =>
      m.term === word.term ? m : { ...m, weight: m.weight * scale },
    );
    return { ...word, matches: scaled, weights: strongestWeights(scaled) };
  });
  const scored = hits
    .map((hit, i) =>
      scoreParagraph(
        candidates[i] as AnnotatedParagraph,
        softened,
        hit.score,
        bestBm25,
        parts.tuning.ranking,
      ),
    )
    .sort((a, b) => b.score - a.score);
  const ranked = rerankParagraphs(
    scored,
    softened,
    question.mainVerb,
    parts.model.ranking,
    tuning.rerankCandidates,
  );
  const focusToken = question.focus;
  const focus =
    softened.find((w) => w.token === focusToken) ??
    (focusToken ? unmatchedFocus(focusToken, relations) : null);
  return {
    words: softened,
    ranked,
    focus,
    terms: findQuestionTerms(question, softened, focus, tuning),
  };
}

/** The focus noun as a question word when the question's matched words lack it (no weight). */
function unmatchedFocus(token: Token, relations: TermRelations): QuestionWord {
  const matches = relations.expand(token);
  return { term: token.term, importance: 0, matches, weights: strongestWeights(matches), token };
}
