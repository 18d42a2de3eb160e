import { answerTyped } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { type EventArgs, type ListenerDeps, NO_UNFURL, postedReplies } from './deps.js';

/**
 * `@bot question` in a channel: answers visibly in the mention's thread (starting one when the
 * mention was top level), the bot's own mention removed from the question. A refusal (too
 * long, rate limited) goes only to the asker, so a flood never fills the channel.
 */
export function createAppMentionListener(deps: ListenerDeps) {
  return async ({ event, context, client }: EventArgs<'app_mention'>): Promise<RequestOutcome> => {
    const user = event.user ?? '';
    const post = (message: SlackMessage) =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...message,
        ...NO_UNFURL,
      });
    const question = readQuestion(event.text, context.botUserId);
    return answerTyped(
      deps,
      { userId: user, text: question, loggedLength: event.text.length },
      {
        ...postedReplies(deps, post),
        notice: (text) =>
          client.chat.postEphemeral({
            channel: event.channel,
            user,
            // An ephemeral reply shows in a thread only when the thread already exists.
            ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
            ...renderNotice(text),
          }),
      },
    );
  };
}
