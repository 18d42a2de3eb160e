import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../src/index.js';
import { answerFollowUp } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { decodeAskValue } from '../action-value.js';
import { renderNotice } from '../render.js';
import type { ListenerDeps } from './deps.js';

/** The arguments Bolt passes a button listener. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * What the **More** and **Share** buttons share: acknowledge, gate the person who clicked (its
 * notice ephemeral), answer the question of the button's value again at the offset it carries
 * (a value that is not ours throws to the boundary), then `show` the answer.
 */
export async function answerButton(
  deps: ListenerDeps,
  { ack, action, body, respond }: ButtonArgs,
  show: (answer: Answer, top: number) => Promise<unknown>,
): Promise<RequestOutcome> {
  await ack();
  return answerFollowUp(deps, body.user.id, () => decodeAskValue(action.value), {
    notice: (text) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) }),
    answer: show,
  });
}
