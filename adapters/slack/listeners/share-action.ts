import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { renderAnswer } from '../render.js';
import { answerButton } from './button-answer.js';
import { answeredOutcome, type ListenerDeps } from './deps.js';

/**
 * **Share in channel**: answers again from the button's value and posts it visibly through the
 * `response_url`, then deletes the ephemeral original. The `response_url` works where the person
 * ran `/ask` even when the bot is not a member of that channel (where `chat.postMessage` would
 * fail with `not_in_channel`), and it is the only way to remove an ephemeral message.
 */
export function createShareActionListener(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<RequestOutcome> => {
    await ack();
    const result = await answerButton(deps, body.user.id, action.value, respond);
    if (result.kind === 'declined') return result.outcome;
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...renderAnswer(result.answer, { sharedBy: body.user.id, top: result.top }),
    });
    await respond({ delete_original: true });
    return answeredOutcome(result.answer);
  };
}
