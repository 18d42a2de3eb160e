import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { decodeAskValue } from '../action-value.js';
import { renderAnswer, renderNotice } from '../render.js';
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
      response_type: 'ephemeral',
      replace_original: false,
      ...renderAnswer(answer, { share: true, top: request.top }),
    });
    return answeredOutcome(answer);
  };
}
