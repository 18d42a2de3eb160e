import type { RespondFn } from '@slack/bolt';
import type { Answer } from '../../../src/index.js';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { decodeAskValue } from '../action-value.js';
import { renderNotice } from '../render.js';
import type { ListenerDeps } from './deps.js';

/** A button's question answered again, or the outcome of a request the gate turned away. */
export type ButtonAnswer =
  | { readonly kind: 'answer'; readonly answer: Answer; readonly top: number }
  | { readonly kind: 'declined'; readonly outcome: RequestOutcome };

/**
 * What the **More** and **Share** buttons share: the gate for the person who clicked (with its
 * ephemeral notice when it has one), then the question of the button's value answered again at
 * the offset the value carries.
 */
export async function answerButton(
  deps: ListenerDeps,
  userId: string,
  value: string | undefined,
  respond: RespondFn,
): Promise<ButtonAnswer> {
  const decision = deps.gate.decide(userId);
  if (decision.kind !== 'answer') {
    if (decision.kind === 'notice') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderNotice(decision.text),
      });
    }
    return { kind: 'declined', outcome: outcomeOf(decision) };
  }
  const request = decodeAskValue(value);
  const answer = deps.qa.answerQuestion(request.question, {
    top: request.top,
    offset: request.offset,
  });
  return { kind: 'answer', answer, top: request.top };
}
