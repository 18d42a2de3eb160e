// corpus/: reading a folder of articles: files, front matter, paragraphs, limits.
// May import: errors.
/** Bounds that keep a hostile or mistaken corpus from exhausting memory. */
export interface CorpusLimits {
  /** @default 5_000_000 bytes */
  maxFileBytes: number;
  /** @default 20_000 characters */
  maxParagraphChars: number;
  /** @default 10_000 */
  maxDocuments: number;
}

/** The bounds {@link loadCorpus} and {@link parseArticle} apply unless given others. */
export const DEFAULT_CORPUS_LIMITS: CorpusLimits = {
  maxFileBytes: 5_000_000,
  maxParagraphChars: 20_000,
  maxDocuments: 10_000,
};
