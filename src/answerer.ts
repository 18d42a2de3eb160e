import type { Answer, Excerpt } from './answer-schema.js';
import { type AnnotatedParagraph, annotateCorpus } from './annotated-corpus.js';
import type { ArticleDocument, Corpus } from './corpus.js';
import { decideAnswer } from './answer-decision.js';
import { selectQuote } from './excerpt.js';
import { type RetrieverParts, retrieve } from './retriever.js';
import { createParagraphIndex } from './search-index.js';
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
  const decision = decideAnswer(retrieval, parts.wordnet);
  const excerpts = decision.ranked.slice(offset, offset + top).map((r) => {
    const quote = selectQuote(r.paragraph, r.window, r.matchedTerms);
    return toExcerpt(r.paragraph, quote.text, r.score, quote.highlights);
  });
  return {
    question,
    answered: decision.answered,
    answer: decision.answer,
    excerpts,
    questionType: retrieval.type,
    offset,
    hasMore: decision.ranked.length > offset + top,
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
