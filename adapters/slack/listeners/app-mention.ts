import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderAnswer, renderNotice, renderUsage } from '../render.js';
import { answeredOutcome, corpusTitles, type ListenerDeps, NO_UNFURL } from './deps.js';

/**
 * `@bot question` in a channel: answers visibly in the mention's thread (starting one when the
 * mention was top level), the bot's own mention removed from the question. A refusal (too
 * long, rate limited) goes only to the asker, so a flood never fills the channel.
 */
export function createAppMentionListener(deps: ListenerDeps) {
  return async ({
    event,
    context,
    client,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<RequestOutcome> => {
    const thread_ts = event.thread_ts ?? event.ts;
    const questionLength = event.text.length;
    const decision = deps.gate.decide(
      event.user ?? '',
      readQuestion(event.text, context.botUserId),
    );
    if (decision.kind === 'silent') return outcomeOf(decision, questionLength);
    if (decision.kind === 'notice') {
      await client.chat.postEphemeral({
        channel: event.channel,
        user: event.user ?? '',
        // An ephemeral reply shows in a thread only when the thread already exists.
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
        ...renderNotice(decision.text),
      });
      return outcomeOf(decision, questionLength);
    }
    const answer =
      decision.kind === 'answer'
        ? deps.qa.answerQuestion(decision.question, { top: deps.top })
        : null;
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts,
      ...(answer ? renderAnswer(answer, { top: deps.top }) : renderUsage(corpusTitles(deps.qa))),
      ...NO_UNFURL,
    });
    return answer ? answeredOutcome(answer, questionLength) : { outcome: 'usage', questionLength };
  };
}
