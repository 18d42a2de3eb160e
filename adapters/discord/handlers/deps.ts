import { MessageFlags, type RepliableInteraction } from 'discord.js';
import {
  type Answer,
  type Answerer,
  type ArticleDocument,
  DEFAULT_EXCERPTS,
} from '../../../src/index.js';
import type { FlowReplies, TypedReplies } from '../../shared/answer-flow.js';
import type { Logger } from '../../shared/logger.js';
import { createRequestGate, type RequestGate } from '../../shared/request-gate.js';
import { createQuestionStore, encodeMoreId, type QuestionStore } from '../more-button.js';
import {
  type DiscordMessage,
  type RenderAnswerOptions,
  renderAnswer,
  renderHelp,
  renderNotice,
} from '../render.js';

/** What the handlers are built from; the optional parts have defaults. */
export interface HandlerOptions {
  qa: Pick<Answerer, 'answerQuestion' | 'getParagraph' | 'documents'>;
  logger: Logger;
  /** Long questions behind **More** buttons. @default a store of 1,000 */
  store?: QuestionStore;
  /** Excerpts per reply. @default DEFAULT_EXCERPTS */
  top?: number;
  /** Rate limit, input bounds, shutdown tracking and request logs. @default no rate limit */
  gate?: RequestGate;
}

/** What every handler is passed: {@link HandlerOptions} with the defaults filled in. */
export type HandlerDeps = Required<HandlerOptions>;

/** Fills in the defaults of {@link HandlerOptions}. */
export function resolveHandlerDeps(options: HandlerOptions): HandlerDeps {
  return {
    qa: options.qa,
    logger: options.logger,
    store: options.store ?? createQuestionStore(),
    top: options.top ?? DEFAULT_EXCERPTS,
    gate: options.gate ?? createRequestGate({ platform: 'discord', logger: options.logger }),
  };
}

/** An answer as a message, with a **More** button for the next excerpts when there are any. */
export function renderAnswerPage(
  answer: Answer,
  store: QuestionStore,
  options: Pick<RenderAnswerOptions, 'echoQuestion' | 'articleCount'>,
): DiscordMessage {
  const next = { question: answer.question, offset: answer.offset + answer.excerpts.length };
  return renderAnswer(answer, {
    ...options,
    ...(answer.hasMore ? { moreId: encodeMoreId(next, store) } : {}),
  });
}

/** The help as the text of a private notice. */
export function renderHelpText(documents: readonly ArticleDocument[]): string {
  return renderHelp(documents).content ?? '';
}

/** Sends `text` only to the user: replaces a pending "thinking…" rather than leaving it hanging. */
export async function replyPrivately(
  interaction: RepliableInteraction,
  text: string,
): Promise<void> {
  const notice = { ...renderNotice(text), flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(notice);
    return;
  }
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
  await interaction.followUp(notice);
}

/**
 * How an interaction answers: refusals and usage privately, at once; an answer after a deferral
 * (private when `ephemeral`), since answering may outgrow Discord's 3-second window on a large
 * corpus, then edited in with the question echoed (others do not see a slash command's text).
 */
export function interactionReplies(
  interaction: RepliableInteraction,
  store: QuestionStore,
  ephemeral: boolean,
  documents: readonly ArticleDocument[],
): FlowReplies & Pick<TypedReplies, 'usage'> {
  const articleCount = documents.length;
  return {
    notice: (text) => replyPrivately(interaction, text),
    usage: () => replyPrivately(interaction, renderHelpText(documents)),
    beforeAnswer: () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    answer: (answer) =>
      interaction.editReply(renderAnswerPage(answer, store, { echoQuestion: true, articleCount })),
  };
}
