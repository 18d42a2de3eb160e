import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeAskValue } from '../action-value.js';
import { renderAnswer } from '../render.js';
import type { ListenerDeps } from './deps.js';

/**
 * **More**: the next excerpts for the same question, as a new ephemeral message to whoever
 * clicked (with its own Share and More buttons); the earlier answer stays as it was.
 */
export function createMoreActionListener(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
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
  };
}
