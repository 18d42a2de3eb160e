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
}

/** Analyses every paragraph of `corpus`, in document order. */
export function annotateCorpus(corpus: Corpus): AnnotatedParagraph[] {
  const paragraphs: AnnotatedParagraph[] = [];
  for (const document of corpus.documents) {
    document.paragraphs.forEach((text, index) => {
      const analysis = analyzeText(text);
      paragraphs.push({
        document,
        number: index + 1,
        text,
        analysis,
        terms: analysis.tokens.filter((t) => t.term && !t.isStopWord).map((t) => t.term),
      });
    });
  }
  return paragraphs;
}
