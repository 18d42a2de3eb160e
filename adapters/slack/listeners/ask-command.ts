import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Answerer } from '../../../src/index.js';
import { answerTyped } from '../../shared/answer-flow.js';
import { outcomeOf, type RequestOutcome } from '../../shared/request-gate.js';
import { readQuestion } from '../question.js';
import { renderAnswer, renderNotice, type SlackMessage } from '../render.js';
import {
  type CommandRequest,
  readCommandRequest,
  renderArticleList,
  renderHelp,
  renderParagraph,
} from '../render-corpus.js';
import type { ListenerDeps } from './deps.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * The slash command (`/ask` unless configured otherwise): answers inside the acknowledgement
 * itself, as an ephemeral Block Kit message with Share and More buttons; answering takes
 * milliseconds, well inside Slack's 3-second window. `help` or nothing gets the help,
 * `articles` the article list, `source N [article-id]` a whole paragraph; a question over the
 * cap, or asked faster than the rate limit, gets a short ephemeral notice (once; after that an
 * empty acknowledgement).
 */
export function createAskCommandListener(deps: ListenerDeps) {
  return async ({ command, ack }: CommandArgs): Promise<RequestOutcome> => {
    const ephemeral = (message: SlackMessage) => ack({ response_type: 'ephemeral', ...message });
    const text = readQuestion(command.text);
    const request = readCommandRequest(text);
    if (request.kind !== 'question') {
      const decision = await deps.gate.decide(command.user_id);
      if (decision.kind === 'notice') await ephemeral(renderNotice(decision.text));
      else if (decision.kind === 'silent') await ack();
      if (decision.kind !== 'answer') return outcomeOf(decision);
      await ephemeral(showCorpus(deps.qa, request, deps.command));
      return { outcome: 'other' };
    }
    return answerTyped(
      deps,
      { userId: command.user_id, text, loggedLength: command.text.length },
      {
        answer: (answer) =>
          ephemeral(
            renderAnswer(answer, {
              share: true,
              top: deps.top,
              articleCount: deps.qa.documents.length,
            }),
          ),
        usage: () => ephemeral(renderHelp(deps.qa.documents, deps.command)),
        notice: (notice) => ephemeral(renderNotice(notice)),
        silent: () => ack(),
      },
    );
  };
}

/** The article list, or one paragraph (the first article's unless one is named), or why not. */
function showCorpus(
  qa: Answerer,
  request: Exclude<CommandRequest, { kind: 'question' }>,
  command: string,
): SlackMessage {
  if (request.kind === 'articles') return renderArticleList(qa.documents, command);
  const id = request.article ?? qa.documents[0]?.id;
  const document = qa.documents.find((d) => d.id === id);
  if (!document) {
    return renderNotice(
      `There is no article "${id ?? ''}". ${command} articles lists them with their ids.`,
    );
  }
  const excerpt = qa.getParagraph(document.id, request.paragraph);
  if (excerpt) return renderParagraph(excerpt);
  const count = document.paragraphs.length;
  return renderNotice(
    `"${document.title}" has ${count} paragraphs; pick a number from 1 to ${count}.`,
  );
}
