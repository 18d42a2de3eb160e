import type { Answer, Excerpt } from './answer-schema.js';
import { type AnnotatedParagraph, annotateCorpus } from './annotated-corpus.js';
import type { ArticleDocument, Corpus } from './corpus.js';
import { KINDS_FOR_TYPE } from './answer-spans.js';
import { selectQuote } from './excerpt.js';
import { type RetrieverParts, retrieve } from './retriever.js';
import { createParagraphIndex } from './search-index.js';
import { type ShortAnswer, findShortAnswer } from './short-answer.js';
import { createSoftMatcher } from './soft-matches.js';
import { createTermRelations } from './term-relations.js';
import { loadWordVectors } from './word-vectors.js';
import { openWordNet } from './wordnet.js';

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

/**
 * Share of the question's weighted content words that the best one- or two-sentence window must
 * contain before the answer counts as found. Below it the question is about something the article
 * does not say (tuned on the article dev file and the SQuAD 2.0 subset).
 */
const MIN_COVERAGE = 0.33;
/** Candidates checked for an answer span of the expected kind. */
const SPAN_RERANK = 8;
/** Ranking bonus for a window holding a span of the kind the question asks for. */
const SPAN_BONUS = 0.08;
/** For a when/how-many question a window without a date or number cannot answer at all. */
const STRICT_SPAN_BONUS = 0.2;
/** A match this strong to the how-many focus counts as naming the counted thing. */
const FOCUS_MATCH = 0.18;
/**
 * Question types whose answer must be a span of a definite kind (a time, a number): without one
 * the article does not answer, whatever the word overlap ("How many senators…?").
 */
const STRICT_SPAN_TYPES = new Set(['when', 'how-many']);

/** Builds the retrieval parts (index, WordNet relations, word vectors) for a corpus. */
export function buildRetrieverParts(corpus: Corpus): RetrieverParts {
  const paragraphs = annotateCorpus(corpus);
  const index = createParagraphIndex(paragraphs.map((p) => p.terms));
  const words = new Map<string, { lemma: string; pos: string }>();
  for (const p of paragraphs) {
    for (const token of p.analysis.tokens) {
      if (token.term && !token.isStopWord) {
        words.set(`${token.lemma}|${token.pos}`, { lemma: token.lemma, pos: token.pos });
      }
    }
  }
  const vectors = loadWordVectors();
  const wordnet = openWordNet();
  const relations = createTermRelations(words.values(), index, wordnet, vectors.has);
  return { paragraphs, index, relations, soft: createSoftMatcher(paragraphs, vectors), wordnet };
}

/** Builds the index over `corpus` and returns an {@link Answerer}. */
export function createAnswerer(corpus: Corpus): Answerer {
  const parts = buildRetrieverParts(corpus);
  return {
    documents: corpus.documents,
    answerQuestion: (question, options = {}) => answer(parts, question, options),
    getParagraph(documentId, number) {
      const paragraph = parts.paragraphs.find(
        (p) => p.document.id === documentId && p.number === number,
      );
      return paragraph ? toExcerpt(paragraph, paragraph.text, 0, []) : null;
    },
  };
}

function answer(parts: RetrieverParts, question: string, options: AskOptions): Answer {
  const top = Math.max(1, Math.floor(options.top ?? 3));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const retrieval = retrieve(parts, question);
  const { type } = retrieval;
  const questionTerms = new Set(retrieval.words.map((w) => w.term));
  const focusTerms = retrieval.focus
    ? new Set(retrieval.focus.matches.filter((m) => m.weight >= FOCUS_MATCH).map((m) => m.term))
    : null;
  const evidence = new Map<string, number>();
  for (const word of retrieval.words) {
    for (const match of word.matches) {
      const weight = word.importance * match.weight;
      if (weight > (evidence.get(match.term) ?? 0)) evidence.set(match.term, weight);
    }
  }

  const needsSpan = KINDS_FOR_TYPE[type] !== undefined;
  const reranked = retrieval.ranked.map((r, i) => {
    if (i >= SPAN_RERANK || !needsSpan) return { ...r, span: null as ShortAnswer | null };
    const span = findShortAnswer(
      r.paragraph,
      r.window,
      {
        type,
        questionTerms,
        matchedTerms: r.matchedTerms,
        evidence,
        focusTerms,
        focusLemma: retrieval.focus?.token.lemma ?? null,
      },
      parts.wordnet,
    );
    const bonus = STRICT_SPAN_TYPES.has(type) ? STRICT_SPAN_BONUS : SPAN_BONUS;
    return { ...r, span, score: r.score + (span ? bonus : 0) };
  });
  reranked.sort((a, b) => b.score - a.score);

  const best = reranked[0];
  const answered =
    best !== undefined &&
    best.windowCoverage >= MIN_COVERAGE &&
    (!STRICT_SPAN_TYPES.has(type) || best.span !== null);
  const excerpts = reranked.slice(offset, offset + top).map((r) => {
    const quote = selectQuote(r.paragraph, r.window, r.matchedTerms);
    return toExcerpt(r.paragraph, quote.text, r.score, quote.highlights);
  });
  return {
    question,
    answered,
    answer: answered && best?.span ? best.span.text : null,
    excerpts,
    questionType: type,
    offset,
    hasMore: reranked.length > offset + top,
  };
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
