import type { Answer, Excerpt, QuestionType } from './answer-schema.js';
import { type AnnotatedParagraph, annotateCorpus } from './annotated-corpus.js';
import type { ArticleDocument, Corpus } from './corpus.js';
import { selectQuote } from './excerpt.js';
import { analyzeText } from './language.js';
import { classifyQuestion, cleanQuestion } from './question.js';
import { type ParagraphIndex, type WeightedTerm, createParagraphIndex } from './search-index.js';
import { extractShortAnswer } from './short-answer.js';

/** Options for one question. */
export interface AskOptions {
  /** Number of excerpts to return. @default 3 */
  top?: number;
  /** Excerpts to skip, for "more" follow-ups. @default 0 */
  offset?: number;
}

/** Answers questions about one corpus. Build it once, ask many times. */
export interface Answerer {
  /** The articles, in corpus order. */
  readonly documents: readonly ArticleDocument[];
  /**
   * Answers `question` with attributed, verbatim excerpts.
   *
   * @example
   * const qa = createAnswerer(await loadCorpus('corpus'));
   * const answer = qa.answerQuestion('Who leads Russia?');
   * // answer.excerpts[0] → { title, paragraph: 19, quote: 'Russian President Vladimir Putin…', … }
   */
  answerQuestion(question: string, options?: AskOptions): Answer;
  /** The whole paragraph `number` (1-based) of a document, or null when there is none. */
  getParagraph(documentId: string, number: number): Excerpt | null;
}

/** A query term as the answerer tracks it: which question word it stands for and how surely. */
interface QueryTerm extends WeightedTerm {
  /** The question's own term this one stands for. */
  readonly origin: string;
}

const CANDIDATES = 30;
const FUZZY_MIN_LENGTH = 4;
/** Weight of a vocabulary term reached by a typo-tolerant match. */
const FUZZY_WEIGHT = 0.6;
/**
 * Share of the question's content (weighted by IDF) that the best paragraph must contain before
 * the answer counts as found. Below it the question talks about something the article does not
 * (tuned on the article dev file and the SQuAD 2.0 subset).
 */
const MIN_COVERAGE = 0.55;

/** Builds the index over `corpus` and returns an {@link Answerer}. */
export function createAnswerer(corpus: Corpus): Answerer {
  const paragraphs = annotateCorpus(corpus);
  const index = createParagraphIndex(paragraphs.map((p) => p.terms));

  return {
    documents: corpus.documents,
    answerQuestion: (question, options = {}) => answer(paragraphs, index, question, options),
    getParagraph(documentId, number) {
      const paragraph = paragraphs.find((p) => p.document.id === documentId && p.number === number);
      return paragraph ? toExcerpt(paragraph, paragraph.text, 0, []) : null;
    },
  };
}

function answer(
  paragraphs: readonly AnnotatedParagraph[],
  index: ParagraphIndex,
  question: string,
  options: AskOptions,
): Answer {
  const top = Math.max(1, options.top ?? 3);
  const offset = Math.max(0, options.offset ?? 0);
  const cleaned = cleanQuestion(question);
  const analysis = analyzeText(cleaned);
  const { type } = classifyQuestion(analysis.tokens);
  const contentTerms = [
    ...new Set(analysis.tokens.filter((t) => t.term && !t.isStopWord).map((t) => t.term)),
  ];
  const queryTerms = expandTerms(contentTerms, index);
  const hits = index.search(queryTerms, CANDIDATES);

  const totalWeight = contentTerms.reduce((sum, term) => sum + termWeight(index, term), 0);
  const ranked = hits
    .map((hit) => {
      const paragraph = paragraphs[hit.id] as AnnotatedParagraph;
      const present = new Set(paragraph.terms);
      const matched = queryTerms.filter((q) => present.has(q.term));
      const covered = new Set(matched.map((q) => q.origin));
      const coverage =
        totalWeight > 0
          ? [...covered].reduce((sum, term) => sum + termWeight(index, term), 0) / totalWeight
          : 0;
      return { paragraph, score: hit.score, coverage, matched };
    })
    .sort((a, b) => b.score - a.score);

  const best = ranked[0];
  const answered = best !== undefined && best.coverage >= MIN_COVERAGE;
  const excerpts = ranked.slice(offset, offset + top).map((r) => {
    const quote = selectQuote(r.paragraph, new Set(r.matched.map((m) => m.term)));
    return toExcerpt(r.paragraph, quote.text, r.score, quote.highlights);
  });
  const shortAnswer =
    answered && offset === 0 && best
      ? extractShortAnswer(
          best.paragraph,
          type as QuestionType,
          new Set(best.matched.map((m) => m.term)),
        )
      : null;

  return {
    question,
    answered,
    answer: shortAnswer,
    excerpts,
    questionType: type,
    offset,
    hasMore: ranked.length > offset + top,
  };
}

function termWeight(index: ParagraphIndex, term: string): number {
  return index.documentFrequency(term) > 0 ? index.idf(term) : Math.log(1 + index.paragraphCount);
}

function expandTerms(terms: readonly string[], index: ParagraphIndex): QueryTerm[] {
  const expanded: QueryTerm[] = [];
  for (const term of terms) {
    if (index.documentFrequency(term) > 0 || /^\d/.test(term)) {
      expanded.push({ term, weight: 1, origin: term });
      continue;
    }
    if (term.length < FUZZY_MIN_LENGTH) continue;
    const distance = term.length >= 8 ? 2 : 1;
    for (const similar of index.similarTerms(term, distance).slice(0, 3)) {
      expanded.push({ term: similar, weight: FUZZY_WEIGHT, origin: term });
    }
  }
  return expanded;
}

function toExcerpt(
  paragraph: AnnotatedParagraph,
  quote: string,
  score: number,
  highlights: Excerpt['highlights'],
): Excerpt {
  const { document } = paragraph;
  return {
    documentId: document.id,
    title: document.title,
    source: document.source,
    url: document.url,
    paragraph: paragraph.number,
    quote,
    text: paragraph.text,
    score: Math.round(score * 1000) / 1000,
    highlights,
  };
}
