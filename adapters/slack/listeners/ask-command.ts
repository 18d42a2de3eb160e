import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderAnswer, renderNotice, renderUsage } from '../render.js';
import { answeredOutcome, corpusTitles, type ListenerDeps } from './deps.js';

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
    const raw = readQuestion(command.text);
    const decision = deps.gate.decide(command.user_id, raw);
    if (decision.kind === 'answer') {
      const answer = deps.qa.answerQuestion(decision.question, { top: deps.top });
      await ack({
        response_type: 'ephemeral',
        ...renderAnswer(answer, { share: true, top: deps.top }),
      });
      return answeredOutcome(answer, command.text.length);
    }
    if (decision.kind === 'silent') await ack();
    else {
      const message =
        decision.kind === 'usage'
          ? renderUsage(corpusTitles(deps.qa))
          : renderNotice(decision.text);
      await ack({ response_type: 'ephemeral', ...message });
    }
    return outcomeOf(decision, command.text.length);
  };
}
