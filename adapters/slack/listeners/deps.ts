import type { Answer, Answerer } from '../../../src/index.js';
import type { RequestGate, RequestOutcome } from '../../shared/request-gate.js';

/** What every listener needs: the core, how many excerpts one answer shows, and the gate. */
export interface ListenerDeps {
  qa: Answerer;
  top: number;
  /** Rate limit and input bounds, decided before answering. */
  gate: RequestGate;
}

/** The log outcome of an answer. */
export function answeredOutcome(answer: Answer, questionLength?: number): RequestOutcome {
  return {
    outcome: 'answered',
    answered: answer.answered,
    excerpts: answer.excerpts.length,
    ...(questionLength === undefined ? {} : { questionLength }),
  };
}

/** Article titles, for the usage help. */
export function corpusTitles(qa: Answerer): string[] {
  return qa.documents.map((document) => document.title);
}

/** Posting options for every visible message: no link or media previews of article links. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
