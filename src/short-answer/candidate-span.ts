// short-answer/: candidate spans of each kind, and the one chosen as the short answer.
// May import: retrieval, question, indexing, language, tuning.
/** A span of a paragraph that could answer a question, with what kind of thing it names. */
export interface CandidateSpan {
  /** Token range, end exclusive. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly kind: SpanKind;
  /** Index of the span's head token (the noun it is about). */
  readonly head: number;
  /** Where the span stands for closeness to the question's words, when not its own range. */
  readonly anchor?: { readonly firstToken: number; readonly endToken: number };
}

/** What a candidate span names. */
export type SpanKind =
  | 'person'
  | 'place'
  | 'group'
  | 'time'
  | 'number'
  | 'name'
  | 'thing'
  | 'action'
  | 'manner'
  | 'location';
