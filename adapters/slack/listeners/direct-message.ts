import type { types } from '@slack/bolt';
import { answerTyped } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { type EventArgs, type ListenerDeps, NO_UNFURL, postedReplies } from './deps.js';

/** A plain message a person typed in a DM with the app: no subtype (edits, joins, bot posts), no bot. */
function isPersonInDm(event: types.MessageEvent): event is types.GenericMessageEvent {
  return event.subtype === undefined && event.channel_type === 'im' && !event.bot_id;
}

/**
 * A direct message to the app: answered in the conversation (in the thread when the message was
 * a thread reply). Bot messages and message subtypes (edits included) are ignored.
 */
export function createDirectMessageListener(deps: ListenerDeps) {
  return async ({ event, context, client }: EventArgs<'message'>): Promise<RequestOutcome> => {
    if (!isPersonInDm(event)) return { outcome: 'ignored' };
    const text = event.text ?? '';
    const post = (message: SlackMessage) =>
      client.chat.postMessage({
        channel: event.channel,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
        ...message,
        ...NO_UNFURL,
      });
    return answerTyped(
      deps,
      {
        userId: event.user,
        text: readQuestion(text, context.botUserId),
        loggedLength: text.length,
      },
      { ...postedReplies(deps, post), notice: (notice) => post(renderNotice(notice)) },
    );
  };
}
