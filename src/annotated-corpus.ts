import type { ArticleDocument, Corpus } from './corpus.js';
import { type TextAnalysis, analyzeText } from './language.js';

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
}

/** Analyses every paragraph of `corpus`, in document order. */
export function annotateCorpus(corpus: Corpus): AnnotatedParagraph[] {
  const paragraphs: AnnotatedParagraph[] = [];
  for (const document of corpus.documents) {
    document.paragraphs.forEach((text, index) => {
      const analysis = analyzeText(text);
      const terms = analysis.tokens.filter((t) => t.term && !t.isStopWord).map((t) => t.term);
      paragraphs.push({
        document,
        number: index + 1,
        text,
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
      });
    });
  }
  return paragraphs;
}
