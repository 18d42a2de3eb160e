import type { Answer, Excerpt } from './answer.js';
import type { Corpus } from './corpus/load-corpus.js';
import type { ArticleDocument } from './corpus/parse-article.js';
import { checkAnswerModel, decideAnswer } from './decision/decide-answer.js';
import type { AnnotatedParagraph } from './indexing/annotated-paragraphs.js';
import { buildCorpusIndex, type CorpusIndex } from './indexing/corpus-index.js';
import type { AnswerModel } from './model/answer-model.js';
import { analyzeQuestion } from './question/question-analysis.js';
import { selectQuote } from './quote/select-quote.js';
import { retrieve } from './retrieval/retriever.js';
import { assembleRetrieverParts, type RetrieverParts } from './retrieval/retriever-parts.js';
import { pickShortAnswer } from './short-answer/pick-short-answer.js';
import { resolveTuning, type TuningOverrides } from './tuning.js';

/** How many excerpts an answer holds unless asked for another number. */
export const DEFAULT_EXCERPTS = 3;

/** Options for {@link createAnswerer}. */
export interface AnswererOptions {
  /**
   * Tuned numbers to use instead of the shipped ones (any part of {@link Tuning}, checked):
   * `{ retrieval: { candidates: 30 } }`. @default DEFAULT_TUNING
   */
  tuning?: TuningOverrides;
  /**
   * A learned model to answer with instead of the shipped one (for experiments and training;
   * check it with `parseAnswerModel`). @default the model in src/model/answer-model.json
   */
  model?: AnswerModel;
}

/** Options for one question. */
export interface AskOptions {
  /** Number of excerpts to return. @default 3 ({@link DEFAULT_EXCERPTS}) */
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
   * const answer = qa.answerQuestion('Who leads Chile?');
   * // answer.excerpts[0] → { title, paragraph: 4, quote: 'Chilean President Ana Costa…', … }
   */
  answerQuestion(question: string, options?: AskOptions): Answer;
  /** The whole paragraph `number` (1-based) of a document, or null when there is none. */
  getParagraph(documentId: string, number: number): Excerpt | null;
}

/**
 * Analyses every paragraph of `corpus` once: the index an answerer is made from
 * ({@link createAnswererFromIndex}) and what a snapshot file keeps (`saveSnapshot`).
 *
 * @throws {ConfigError} when `options.tuning` names an unknown number or gives a bad value.
 */
export function indexCorpus(corpus: Corpus, options: AnswererOptions = {}): CorpusIndex {
  return buildCorpusIndex(corpus, resolveTuning(options.tuning));
}

/**
 * Builds the index over `corpus` and returns an {@link Answerer}. The analysis of a large corpus
 * takes a while; `createAnswererCached` keeps it in a snapshot file between runs.
 *
 * @throws {ConfigError} when `options.tuning` names an unknown number or gives a bad value.
 */
export function createAnswerer(corpus: Corpus, options: AnswererOptions = {}): Answerer {
  return createAnswererFromIndex(corpus, indexCorpus(corpus, options), options.model);
}

/**
 * An {@link Answerer} over the index of `corpus` made by {@link indexCorpus} (or read from a
 * snapshot); it answers with the tuning the index was built with.
 *
 * @throws {ConfigError} when `model` was trained on other features than this code computes.
 */
export function createAnswererFromIndex(
  corpus: Corpus,
  built: CorpusIndex,
  model?: AnswerModel,
): Answerer {
  const parts = assembleRetrieverParts(corpus, built, model);
  checkAnswerModel(parts.model);
  // Where each document's paragraphs start (two files may share an id: a.md and a.txt).
  const starts = new Map<string, number[]>();
  let count = 0;
  for (const document of corpus.documents) {
    starts.set(document.id, [...(starts.get(document.id) ?? []), count]);
    count += document.paragraphs.length;
  }
  return {
    documents: corpus.documents,
    answerQuestion: (question, options = {}) => answer(parts, question, options),
    getParagraph(documentId, number) {
      const { slots } = built.annotations;
      for (const first of starts.get(documentId) ?? []) {
        const position = first + number - 1;
        const paragraph = parts.paragraphs[slots ? (slots[position] ?? -1) : position];
        if (paragraph?.document.id === documentId && paragraph.number === number) {
          return toExcerpt(paragraph, paragraph.text, 0, []);
        }
      }
      return null;
    },
  };
}

function answer(parts: RetrieverParts, question: string, options: AskOptions): Answer {
  const top = Math.max(1, Math.floor(options.top ?? DEFAULT_EXCERPTS));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const analysis = analyzeQuestion(question, parts.wordnet, parts.tuning.question);
  const retrieval = retrieve(parts, analysis);
  const pick = pickShortAnswer(analysis, retrieval, {
    wordnet: parts.wordnet,
    vectors: parts.vectors,
    tuning: parts.tuning.shortAnswer,
    weights: parts.model.span.weights,
    paragraphs: parts.tuning.shortAnswer.paragraphs,
  });
  const decision = decideAnswer(analysis, retrieval, pick, parts);
  const shown = decision.shortAnswer;
  const excerpts = decision.ranked.slice(offset, offset + top).map((r) => {
    // The short answer's paragraph is quoted where the answer stands.
    const window = shown?.paragraph === r ? shown.window : r.window;
    const quote = selectQuote(r.paragraph, window, retrieval.terms.questionTerms);
    return toExcerpt(r.paragraph, quote.text, r.probability, quote.highlights);
  });
  return {
    question,
    answered: decision.answered,
    answer: shown?.text ?? null,
    confidence: {
      answered: round(decision.confidence.answered),
      answer: decision.confidence.answer === null ? null : round(decision.confidence.answer),
    },
    excerpts,
    questionType: analysis.type,
    offset,
    hasMore: decision.ranked.length > offset + top,
  };
}

/** Three decimals: enough for a chance, and stable in `ask --json`. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
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
    score: round(score),
    highlights,
  };
}
