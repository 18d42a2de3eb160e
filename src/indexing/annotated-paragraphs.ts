// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { Corpus } from '../corpus/load-corpus.js';
import type { ArticleDocument } from '../corpus/parse-article.js';
import type { TextAnalysis } from '../language/text-analysis.js';
import type { CompactAnnotations } from './annotation-columns.js';

/** A paragraph with the language analysis done once, at index time. */
export interface AnnotatedParagraph {
  readonly document: ArticleDocument;
  /** 1-based. */
  readonly number: number;
  readonly text: string;
  readonly analysis: TextAnalysis;
  /** Index terms in text order (stop words and punctuation removed). */
  readonly terms: readonly string[];
  /** The same terms as a set, for the whole paragraph and for each sentence. */
  readonly termSet: ReadonlySet<string>;
  readonly sentenceTerms: readonly ReadonlySet<string>[];
  /** Every token's text, lower-cased: the words as written, before stemming. */
  readonly surfaceForms: ReadonlySet<string>;
}

/** Options for {@link createAnnotatedParagraphs}. */
export interface AnnotatedParagraphsOptions {
  /**
   * Decoded paragraphs kept in memory (least recently used first out): a question decodes its
   * few dozen candidates, so a couple of thousand keep recent questions' paragraphs warm.
   * @default 2000
   */
  cacheSize?: number;
}

/** The parts of a paragraph that are worked out from its analysis. */
type Derived = Pick<
  AnnotatedParagraph,
  'analysis' | 'terms' | 'termSet' | 'sentenceTerms' | 'surfaceForms'
>;

/** The index terms of an analysed text, in text order: stop words and non-words left out. */
export function indexTerms(analysis: TextAnalysis): string[] {
  const terms: string[] = [];
  for (const token of analysis.tokens) if (token.term && !token.isStopWord) terms.push(token.term);
  return terms;
}

function derive(analysis: TextAnalysis): Derived {
  const terms = indexTerms(analysis);
  return {
    analysis,
    terms,
    termSet: new Set(terms),
    sentenceTerms: analysis.sentences.map((sentence) => {
      const set = new Set<string>();
      for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
        const token = analysis.tokens[t];
        if (token?.term && !token.isStopWord) set.add(token.term);
      }
      return set;
    }),
    surfaceForms: new Set(analysis.tokens.map((token) => token.text.toLowerCase())),
  };
}

/**
 * The paragraphs of `corpus`, backed by `annotations`, each at the id the search index knows it
 * by: its position in document order, or its slot when `annotations.slots` is set (an index
 * reloaded in place; the array then has holes where removed paragraphs were). Each paragraph's
 * analysis, terms and term sets are decoded on first use and kept in a bounded cache, so a large
 * corpus holds only its compact columns and the paragraphs recent questions looked at.
 */
export function createAnnotatedParagraphs(
  corpus: Corpus,
  annotations: CompactAnnotations,
  options: AnnotatedParagraphsOptions = {},
): AnnotatedParagraph[] {
  const limit = Math.max(1, options.cacheSize ?? 2000);
  const cache = new Map<number, Derived>();
  // The recency order matters only when the cache can overflow; a paragraph read again right
  // after (a stage reading its fields in turn) is already the newest. Answering reads these
  // getters hundreds of times a question, so the common cases skip the reordering.
  const canOverflow = annotations.paragraphCount > limit;
  let newest = -1;
  const decoded = (index: number, text: string): Derived => {
    let found = cache.get(index);
    if (found) {
      if (canOverflow && index !== newest) {
        cache.delete(index);
        cache.set(index, found);
        newest = index;
      }
      return found;
    }
    found = derive(annotations.decode(index, text));
    if (cache.size >= limit) cache.delete(cache.keys().next().value as number);
    cache.set(index, found);
    newest = index;
    return found;
  };

  const paragraphs: AnnotatedParagraph[] = [];
  const { slots } = annotations;
  let position = 0;
  for (const document of corpus.documents) {
    document.paragraphs.forEach((text, i) => {
      const paragraph = new LazyParagraph(document, i + 1, text, position, decoded);
      paragraphs[slots ? (slots[position] ?? position) : position] = paragraph;
      position += 1;
    });
  }
  if (position !== annotations.paragraphCount) {
    throw new Error(
      `annotated corpus: ${annotations.paragraphCount} annotated paragraphs for a corpus of ${position}`,
    );
  }
  return paragraphs;
}

class LazyParagraph implements AnnotatedParagraph {
  constructor(
    readonly document: ArticleDocument,
    readonly number: number,
    readonly text: string,
    private readonly index: number,
    private readonly decoded: (index: number, text: string) => Derived,
  ) {}

  get analysis(): TextAnalysis {
    return this.decoded(this.index, this.text).analysis;
  }

  get terms(): readonly string[] {
    return this.decoded(this.index, this.text).terms;
  }

  get termSet(): ReadonlySet<string> {
    return this.decoded(this.index, this.text).termSet;
  }

  get sentenceTerms(): readonly ReadonlySet<string>[] {
    return this.decoded(this.index, this.text).sentenceTerms;
  }

  get surfaceForms(): ReadonlySet<string> {
    return this.decoded(this.index, this.text).surfaceForms;
  }
}
