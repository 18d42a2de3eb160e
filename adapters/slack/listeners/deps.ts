import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../../src/index.js';
import type { TypedReplies } from '../../shared/answer-flow.js';
import type { RequestGate } from '../../shared/request-gate.js';
import { renderAnswer, type SlackMessage } from '../render.js';
import { renderHelp } from '../render-corpus.js';

/** What every listener needs: the core, how many excerpts one answer shows, and the gate. */
export interface ListenerDeps {
  qa: Answerer;
  top: number;
  /** Rate limit and input bounds, decided before answering. */
  gate: RequestGate;
  /** The slash command's configured name, for the help. */
  command: string;
}

/** The arguments Bolt passes a listener of Events API event `E`. */
export type EventArgs<E extends string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** Posting options for every visible message: no link or media previews of article links. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** The answer and the usage help of a mention or a DM, both posted visibly through `post`. */
export function postedReplies(
  deps: ListenerDeps,
  post: (message: SlackMessage) => Promise<unknown>,
): Pick<TypedReplies, 'answer' | 'usage'> {
  return {
    answer: (answer) =>
      post(renderAnswer(answer, { top: deps.top, articleCount: deps.qa.documents.length })),
    usage: () => post(renderHelp(deps.qa.documents, deps.command)),
  };
}
