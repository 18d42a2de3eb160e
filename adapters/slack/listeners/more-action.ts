import type { RequestOutcome } from '../../shared/request-gate.js';
import { renderAnswer } from '../render.js';
import { answerButton, type ButtonArgs } from './button-answer.js';
import type { ListenerDeps } from './deps.js';

/**
 * **More**: the next excerpts for the same question, as a new ephemeral message to whoever
 * clicked (with its own Share and More buttons); the earlier answer stays as it was.
 */
export function createMoreActionListener(deps: ListenerDeps) {
  return (args: ButtonArgs): Promise<RequestOutcome> =>
    answerButton(deps, args, (answer, top) =>
      args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderAnswer(answer, { share: true, top }),
      }),
    );
}
