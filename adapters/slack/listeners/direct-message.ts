import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import { readQuestion } from '../question.js';
import { renderAnswer, renderUsage } from '../render.js';
import { corpusTitles, isBlankQuestion, type ListenerDeps, NO_UNFURL } from './deps.js';

/** A plain message a person typed in a DM with the app: no subtype (edits, joins, bot posts), no bot. */
function isPersonInDm(event: types.MessageEvent): event is types.GenericMessageEvent {
  return event.subtype === undefined && event.channel_type === 'im' && !event.bot_id;
}

/**
 * A direct message to the app: answered in the conversation (in the thread when the message was
 * a thread reply). Bot messages and message subtypes are ignored.
 */
export function createDirectMessageListener(deps: ListenerDeps) {
  return async ({
    event,
    context,
    client,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (!isPersonInDm(event)) return;
    const question = readQuestion(event.text ?? '', context.botUserId);
    const message = isBlankQuestion(question)
      ? renderUsage(corpusTitles(deps.qa))
      : renderAnswer(deps.qa.answerQuestion(question, { top: deps.top }), { top: deps.top });
    await client.chat.postMessage({
      channel: event.channel,
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      ...message,
      ...NO_UNFURL,
    });
  };
}
