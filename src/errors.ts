/** Machine-readable reason codes carried by every {@link ArticleQaError}. */
export type ErrorCode =
  | 'CORPUS_NOT_FOUND'
  | 'CORPUS_EMPTY'
  | 'CORPUS_UNREADABLE'
  | 'CORPUS_FRONT_MATTER'
  | 'CORPUS_EMPTY_BODY'
  | 'CORPUS_LIMIT'
  | 'CONFIG_INVALID'
  | 'USAGE';

/** Base of the one small error family thrown for misuse and broken input. */
export class ArticleQaError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A corpus folder or article file that cannot be used, with the file and the fix in the message. */
export class CorpusError extends ArticleQaError {}

/** Configuration (environment or flags) that failed validation; one line per problem. */
export class ConfigError extends ArticleQaError {
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [], options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
    this.problems = problems;
  }
}

/** Wrong command-line usage. */
export class UsageError extends ArticleQaError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** True when `error` is one of ours, so its message is fit to show a person as it is. */
export function isArticleQaError(error: unknown): error is ArticleQaError {
  return error instanceof ArticleQaError;
}
