// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Corpus } from '../corpus/load-corpus.js';
import type { ArticleDocument } from '../corpus/parse-article.js';
import { analyzeText, type TextAnalysis } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import { indexTerms } from './annotated-paragraphs.js';
import { type CompactAnnotations, createAnnotationsBuilder } from './annotation-columns.js';
import { joinAnnotations, sliceAnnotations } from './annotation-views.js';
import { type ArticleVocabulary, collectVocabulary } from './article-vocabulary.js';
import type { CorpusIndex } from './corpus-index.js';
import { createLiveVocabulary, type LiveVocabulary } from './live-vocabulary.js';

/**
 * A corpus index kept article by article, so a changed corpus is indexed again by taking the
 * removed articles' paragraphs out of the search index and putting the new ones in, in place:
 * only new text is analysed, and the work grows with the change, not with the corpus.
 */

/** One article as the index holds it. */
export interface IndexedArticle {
  readonly document: ArticleDocument;
  /** The content key its analysis is cached under (see `snapshot/article-file.ts`). */
  readonly key: string;
  /** The analysis of its paragraphs alone. */
  readonly annotations: CompactAnnotations;
  readonly vocabulary: ArticleVocabulary;
  /** The search-index id of each of its paragraphs. */
  readonly slots: readonly number[];
}

/** A new article's analysis, ready to join the index. */
export interface ArticleAnalysis {
  readonly annotations: CompactAnnotations;
  readonly vocabulary: ArticleVocabulary;
  /** The index terms of each paragraph, in text order. */
  readonly terms: readonly (readonly string[])[];
}

/** Everything a reload works on, carried from one reload to the next. */
export interface LiveIndexState {
  readonly built: CorpusIndex;
  readonly articles: readonly IndexedArticle[];
  readonly vocabulary: LiveVocabulary;
  /** Ids freed by removed paragraphs, given to new ones first. */
  readonly freeSlots: number[];
  readonly nextSlot: number;
}

/** An article of the next corpus: kept as indexed, or newly analysed. */
export type NextArticle =
  | { readonly document: ArticleDocument; readonly key: string; readonly kept: IndexedArticle }
  | {
      readonly document: ArticleDocument;
      readonly key: string;
      readonly analysis: ArticleAnalysis;
    };

/** An article leaving the index, with the terms its paragraphs were indexed with. */
export interface RemovedArticle {
  readonly article: IndexedArticle;
  readonly terms: readonly (readonly string[])[];
}

/**
 * Opens the reload state of `built`, the index of `corpus`, whose articles' content keys are
 * `keys` (in corpus order). `wordnet` serves the reverse relations of words new to the corpus.
 */
export function openLiveIndex(
  corpus: Corpus,
  built: CorpusIndex,
  keys: readonly string[],
  wordnet: WordNet,
): LiveIndexState {
  const { slots } = built.annotations;
  const used = new Set<number>();
  let position = 0;
  const articles = corpus.documents.map((document, d): IndexedArticle => {
    const count = document.paragraphs.length;
    const own = Array.from({ length: count }, (_, i) => slots?.[position + i] ?? position + i);
    for (const slot of own) used.add(slot);
    const annotations = sliceAnnotations(built.annotations, position, count);
    position += count;
    return {
      document,
      key: keys[d] ?? '',
      annotations,
      vocabulary: built.articles[d] ?? { words: [], forms: [], aliases: [] },
      slots: own,
    };
  });
  let nextSlot = 0;
  for (const slot of used) nextSlot = Math.max(nextSlot, slot + 1);
  const freeSlots: number[] = [];
  for (let slot = nextSlot - 1; slot >= 0; slot -= 1) if (!used.has(slot)) freeSlots.push(slot);
  const vocabulary = createLiveVocabulary(
    built.articles,
    built.reverseRelations,
    wordnet,
    built.tuning.indexing,
  );
  return { built, articles, vocabulary, freeSlots, nextSlot };
}

/**
 * Analyses one article's paragraphs (or decodes them from `cached`, an analysis read back from
 * the article cache), awaiting `pause` after each paragraph so a serving process stays
 * responsive while a long article is analysed.
 */
export async function analyseArticle(
  document: ArticleDocument,
  wordnet: WordNet,
  built: Pick<CorpusIndex, 'tuning'>,
  cached?: CompactAnnotations,
  pause: () => Promise<void> = async () => undefined,
): Promise<ArticleAnalysis> {
  const builder = cached ? null : createAnnotationsBuilder();
  const vocabulary = collectVocabulary(wordnet, built.tuning.indexing.aliases);
  const terms: string[][] = [];
  for (const [i, text] of document.paragraphs.entries()) {
    const analysis: TextAnalysis = cached ? cached.decode(i, text) : analyzeText(text);
    builder?.add(analysis);
    vocabulary.add(analysis);
    terms.push(indexTerms(analysis));
    await pause();
  }
  return {
    annotations: cached ?? (builder as NonNullable<typeof builder>).finish(),
    vocabulary: vocabulary.finish(),
    terms,
  };
}

/** The terms `article`'s paragraphs were indexed with, to take them out again. */
export function indexedTerms(article: IndexedArticle): string[][] {
  return article.document.paragraphs.map((text, i) =>
    indexTerms(article.annotations.decode(i, text)),
  );
}

/**
 * Applies a corpus change to the index in one synchronous step: `removed` articles' paragraphs
 * leave the search index, new articles' paragraphs join it, the vocabulary parts follow, and the
 * result is the state and the {@link CorpusIndex} of the next corpus (in the order of `next`).
 * The search index and reverse relations are changed in place: answerers made over the previous
 * index must not be used afterwards.
 */
export function applyCorpusChange(
  state: LiveIndexState,
  next: readonly NextArticle[],
  removed: readonly RemovedArticle[],
): LiveIndexState {
  const { built, vocabulary } = state;
  const freeSlots = [...state.freeSlots];
  let nextSlot = state.nextSlot;
  for (const { article, terms } of removed) {
    article.slots.forEach((slot, i) => {
      built.index.remove(slot, terms[i] ?? []);
      freeSlots.push(slot);
    });
    vocabulary.removeArticle(article.vocabulary);
  }
  const articles = next.map((entry): IndexedArticle => {
    if ('kept' in entry) return { ...entry.kept, document: entry.document };
    const { analysis } = entry;
    const slots = analysis.terms.map((terms) => {
      const slot = freeSlots.pop() ?? nextSlot++;
      built.index.add(slot, terms);
      return slot;
    });
    vocabulary.addArticle(analysis.vocabulary);
    return {
      document: entry.document,
      key: entry.key,
      annotations: analysis.annotations,
      vocabulary: analysis.vocabulary,
      slots,
    };
  });
  const slots = Uint32Array.from(articles.flatMap((article) => article.slots));
  const inOrder = slots.every((slot, position) => slot === position);
  return {
    built: {
      annotations: joinAnnotations(
        articles.map((article) => article.annotations),
        inOrder ? null : slots,
      ),
      index: built.index,
      reverseRelations: vocabulary.reverse,
      softForms: vocabulary.softForms(),
      aliases: articles.flatMap((article) => article.vocabulary.aliases),
      articles: articles.map((article) => article.vocabulary),
      tuning: built.tuning,
    },
    articles,
    vocabulary,
    freeSlots,
    nextSlot,
  };
}
