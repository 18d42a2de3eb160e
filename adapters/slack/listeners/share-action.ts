import type { RequestOutcome } from '../../shared/request-gate.js';
import { renderAnswer } from '../render.js';
import { answerButton, type ButtonArgs } from './button-answer.js';
import type { ListenerDeps } from './deps.js';

/**
 * **Share in channel**: answers again from the button's value and posts it visibly through the
 * `response_url`, then deletes the ephemeral original. The `response_url` works where the person
 * ran `/ask` even when the bot is not a member of that channel (where `chat.postMessage` would
 * fail with `not_in_channel`), and it is the only way to remove an ephemeral message.
 */
export function createShareActionListener(deps: ListenerDeps) {
  return (args: ButtonArgs): Promise<RequestOutcome> =>
    answerButton(deps, args, async (answer, top) => {
      await args.respond({
        response_type: 'in_channel',
        replace_original: false,
        ...renderAnswer(answer, { sharedBy: args.body.user.id, top }),
      });
      await args.respond({ delete_original: true });
    });
}
