import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { decodeAskValue } from '../action-value.js';
import { renderAnswer, renderNotice } from '../render.js';
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
    const decision = deps.gate.decide(body.user.id);
    if (decision.kind !== 'answer') {
      if (decision.kind === 'notice') {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderNotice(decision.text),
        });
      }
      return outcomeOf(decision);
    }
    const request = decodeAskValue(action.value);
    const answer = deps.qa.answerQuestion(request.question, {
      top: request.top,
      offset: request.offset,
    });
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...renderAnswer(answer, { sharedBy: body.user.id, top: request.top }),
    });
    await respond({ delete_original: true });
    return answeredOutcome(answer);
  };
}
