export * from './answer-schema.js';
/** Excerpts in one reply when the caller does not say otherwise: what a chat message has room for. */
export const DEFAULT_EXCERPTS = 3;
export { type Answerer, type AskOptions, createAnswerer } from './answerer.js';
export { type CoreConfig, CoreConfigSchema, parseConfig } from './config.js';
export {
  type ArticleDocument,
  type Corpus,
  type CorpusLimits,
  DEFAULT_CORPUS_LIMITS,
  type FrontMatter,
  FrontMatterSchema,
  loadCorpus,
  parseArticle,
} from './corpus.js';
export * from './errors.js';
export {
  type BoundedQuestion,
  boundQuestion,
  MAX_QUESTION_CHARS,
  type QuestionBoundsOptions,
} from './input-bounds.js';
export { cleanQuestion } from './question.js';
export {
  type CachedAnswererOptions,
  createAnswererCached,
  DEFAULT_INDEX_CACHE_DIR,
  loadSnapshot,
  type SnapshotLogger,
  saveSnapshot,
} from './snapshot.js';
