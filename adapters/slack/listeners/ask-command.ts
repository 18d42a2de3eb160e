import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { readQuestion } from '../question.js';
import { renderAnswer, renderUsage } from '../render.js';
import { corpusTitles, isBlankQuestion, type ListenerDeps } from './deps.js';

/** The slash command the manifest registers. */
export const ASK_COMMAND = '/ask';

/**
 * `/ask <question>`: answers inside the acknowledgement itself, as an ephemeral Block Kit
 * message with Share and More buttons; answering takes milliseconds, well inside Slack's
 * 3-second window. `/ask` alone gets usage help.
 */
export function createAskCommandListener(deps: ListenerDeps) {
  return async ({
    command,
    ack,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const question = readQuestion(command.text);
    const message = isBlankQuestion(question)
      ? renderUsage(corpusTitles(deps.qa))
      : renderAnswer(deps.qa.answerQuestion(question, { top: deps.top }), {
          share: true,
          top: deps.top,
        });
    await ack({ response_type: 'ephemeral', ...message });
  };
}
