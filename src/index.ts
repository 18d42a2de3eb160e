export * from './answer.js';
export {
  type Answerer,
  type AnswererOptions,
  type AskOptions,
  createAnswerer,
  createAnswererFromIndex,
  DEFAULT_EXCERPTS,
  indexCorpus,
} from './answerer.js';
export { type CoreConfig, CoreConfigSchema, parseConfig } from './config.js';
export { type CorpusLimits, DEFAULT_CORPUS_LIMITS } from './corpus/corpus-limits.js';
export { type Corpus, loadCorpus } from './corpus/load-corpus.js';
export {
  type ArticleDocument,
  type FrontMatter,
  FrontMatterSchema,
  parseArticle,
} from './corpus/parse-article.js';
export * from './errors.js';
export type { CorpusIndex } from './indexing/corpus-index.js';
export {
  type BoundedQuestion,
  boundQuestion,
  MAX_QUESTION_CHARS,
  type QuestionBoundsOptions,
} from './input-bounds.js';
export {
  type AnswerModel,
  AnswerModelSchema,
  parseAnswerModel,
  SHIPPED_MODEL,
} from './model/answer-model.js';
export { cleanQuestion } from './question/clean-question.js';
export {
  type CachedAnswererOptions,
  DEFAULT_INDEX_CACHE_DIR,
  type IndexedCorpusOptions,
  type SnapshotLogger,
} from './snapshot/cache-options.js';
export { createAnswererCached, loadSnapshot, saveSnapshot } from './snapshot/cached-answerer.js';
export {
  type CorpusChanges,
  type CorpusUpdate,
  type IndexedCorpus,
  openIndexedCorpus,
} from './snapshot/indexed-corpus.js';
export {
  DEFAULT_TUNING,
  resolveTuning,
  type Tuning,
  type TuningOverrides,
  TuningSchema,
} from './tuning.js';
