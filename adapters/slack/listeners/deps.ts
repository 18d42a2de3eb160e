import { type Answerer, cleanQuestion } from '../../../src/index.js';

/** What every listener needs: the core, and how many excerpts one answer shows. */
export interface ListenerDeps {
  qa: Answerer;
  top: number;
}

/** True when no letter or digit is left once mentions and emoji are gone. */
export function isBlankQuestion(question: string): boolean {
  return !/[\p{L}\p{N}]/u.test(cleanQuestion(question));
}

/** Article titles, for the usage help. */
export function corpusTitles(qa: Answerer): string[] {
  return qa.documents.map((document) => document.title);
}

/** Posting options for every visible message: no link or media previews of article links. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
