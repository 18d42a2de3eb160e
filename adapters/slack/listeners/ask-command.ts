import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerTyped } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderAnswer, renderNotice, renderUsage, type SlackMessage } from '../render.js';
import { corpusTitles, type ListenerDeps } from './deps.js';

/** The slash command the manifest registers. */
export const ASK_COMMAND = '/ask';

/**
 * `/ask <question>`: answers inside the acknowledgement itself, as an ephemeral Block Kit
 * message with Share and More buttons; answering takes milliseconds, well inside Slack's
 * 3-second window. `/ask` alone gets usage help; a question over the cap, or asked faster than
 * the rate limit, gets a short ephemeral notice (once; after that an empty acknowledgement).
 */
export function createAskCommandListener(deps: ListenerDeps) {
  return async ({
    command,
    ack,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<RequestOutcome> => {
    const ephemeral = (message: SlackMessage) => ack({ response_type: 'ephemeral', ...message });
    return answerTyped(
      deps,
      {
        userId: command.user_id,
        text: readQuestion(command.text),
        loggedLength: command.text.length,
      },
      {
        answer: (answer) => ephemeral(renderAnswer(answer, { share: true, top: deps.top })),
        usage: () => ephemeral(renderUsage(corpusTitles(deps.qa))),
        notice: (text) => ephemeral(renderNotice(text)),
        silent: () => ack(),
      },
    );
  };
}
