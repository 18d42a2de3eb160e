import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { renderAnswer } from '../render.js';
import { answerButton } from './button-answer.js';
import { answeredOutcome, type ListenerDeps } from './deps.js';

/**
 * **More**: the next excerpts for the same question, as a new ephemeral message to whoever
 * clicked (with its own Share and More buttons); the earlier answer stays as it was.
 */
export function createMoreActionListener(deps: ListenerDeps) {
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
      response_type: 'ephemeral',
      replace_original: false,
      ...renderAnswer(result.answer, { share: true, top: result.top }),
    });
    return answeredOutcome(result.answer);
  };
}
