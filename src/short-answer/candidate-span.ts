// short-answer/: candidate spans by kind (registry: span-sources.ts), and the span chosen.
// May import: retrieval, question, indexing, language, tuning.
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { WordNet } from '../language/wordnet.js';
import type { AnswerWanted } from '../question/question-analysis.js';
import type { Tuning } from '../tuning.js';

/** The tuned numbers of the short-answer stage. */
export type ShortAnswerTuning = Tuning['shortAnswer'];

/** A span of a paragraph that could answer a question, with what kind of thing it names. */
export interface CandidateSpan {
  /** Token range, end exclusive. */
  readonly firstToken: number;
  readonly endToken: number;
  /** What it names: one of the kinds its source lists ("person", "time", "action", …). */
  readonly kind: string;
  /** Index of the span's head token (the noun it is about). */
  readonly head: number;
  /** Where the span stands for closeness to the question's words, when not its own range. */
  readonly anchor?: { readonly firstToken: number; readonly endToken: number };
}

/** What a span source may use besides the paragraph. */
export interface SpanSearch {
  readonly wordnet: WordNet;
  /** Also offer the title before a name ("the ferry operator" of "the ferry operator Nordlys"). */
  readonly titles: boolean;
  readonly tuning: ShortAnswerTuning;
}

/**
 * One way of finding candidate spans, registered in span-sources.ts. A source is asked for the
 * questions its `answers` names, and its spans rank by the order of their kind there.
 */
export interface SpanSource {
  /**
   * For each answer wanted that this source serves, the kinds of its spans that answer it, best
   * first; kinds of later sources in the registry come after them.
   */
  readonly answers: Readonly<Partial<Record<AnswerWanted, readonly string[]>>>;
  /** The candidate spans in tokens [from, to) of `paragraph`. */
  find(
    paragraph: AnnotatedParagraph,
    from: number,
    to: number,
    search: SpanSearch,
  ): CandidateSpan[];
}
