import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { readQuestion } from '../question.js';
import { renderAnswer, renderUsage } from '../render.js';
import { corpusTitles, isBlankQuestion, type ListenerDeps, NO_UNFURL } from './deps.js';

/**
 * `@bot question` in a channel: answers visibly in the mention's thread (starting one when the
 * mention was top level), the bot's own mention removed from the question.
 */
export function createAppMentionListener(deps: ListenerDeps) {
  return async ({
    event,
    context,
    client,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const question = readQuestion(event.text, context.botUserId);
    const message = isBlankQuestion(question)
      ? renderUsage(corpusTitles(deps.qa))
      : renderAnswer(deps.qa.answerQuestion(question, { top: deps.top }), { top: deps.top });
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...message,
      ...NO_UNFURL,
    });
  };
}
