import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderAnswer, renderNotice, renderUsage, type SlackMessage } from '../render.js';
import { answeredOutcome, corpusTitles, type ListenerDeps, NO_UNFURL } from './deps.js';

/** A plain message a person typed in a DM with the app: no subtype (edits, joins, bot posts), no bot. */
function isPersonInDm(event: types.MessageEvent): event is types.GenericMessageEvent {
  return event.subtype === undefined && event.channel_type === 'im' && !event.bot_id;
}

/**
 * A direct message to the app: answered in the conversation (in the thread when the message was
 * a thread reply). Bot messages and message subtypes (edits included) are ignored.
 */
export function createDirectMessageListener(deps: ListenerDeps) {
  return async ({
    event,
    context,
    client,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<RequestOutcome> => {
    if (!isPersonInDm(event)) return { outcome: 'ignored' };
    const text = event.text ?? '';
    const decision = deps.gate.decide(event.user, readQuestion(text, context.botUserId));
    const post = (message: SlackMessage) =>
      client.chat.postMessage({
        channel: event.channel,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
        ...message,
        ...NO_UNFURL,
      });
    if (decision.kind === 'answer') {
      const answer = deps.qa.answerQuestion(decision.question, { top: deps.top });
      await post(renderAnswer(answer, { top: deps.top }));
      return answeredOutcome(answer, text.length);
    }
    if (decision.kind === 'notice') await post(renderNotice(decision.text));
    if (decision.kind === 'usage') await post(renderUsage(corpusTitles(deps.qa)));
    return outcomeOf(decision, text.length);
  };
}
