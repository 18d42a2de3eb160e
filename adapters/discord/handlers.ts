import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { type Answerer, DEFAULT_EXCERPTS } from '../../src/index.js';
import type { Logger } from '../shared/logger.js';
import {
  createRequestGate,
  type GateDecision,
  outcomeOf,
  type RequestGate,
  type RequestOutcome,
} from '../shared/request-gate.js';
import { COMMANDS, suggestArticles } from './commands.js';
import { escapeMarkdown } from './markdown.js';
import {
  createQuestionStore,
  decodeMoreId,
  encodeMoreId,
  isMoreId,
  type QuestionStore,
} from './more-button.js';
import { renderAnswer, renderNotice, renderParagraph } from './render.js';

/** The reply a user sees when anything goes wrong; details go to the log only. */
export const FRIENDLY_ERROR = 'Sorry, something went wrong while answering. Please try again.';
/** The reply to a **More** button whose question has left the store. */
export const EXPIRED_QUESTION = 'That question has expired, please ask again.';
/** The reply to a bare mention. */
export const USAGE_HINT = 'Mention me with a question about the article, or use `/ask`.';

/** What {@link createHandlers} needs. */
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

/** The two gateway events the bot answers. Neither ever rejects. */
export interface Handlers {
  onMessage(message: Message): Promise<void>;
  onInteraction(interaction: Interaction): Promise<void>;
}

/** The facts about a message that decide whether it is a question for the bot. */
export interface MessageFacts {
  authorIsBot: boolean;
  /** System messages and webhook posts are never questions. */
  isSystem: boolean;
  isDirect: boolean;
  content: string;
  /** Users mentioned directly (not via @everyone, @here or a role). */
  mentionedUserIds: readonly string[];
}

/**
 * The question in a message, or null when the bot should stay silent: bots (itself included),
 * system messages, and guild messages that do not mention the bot directly. The bot's own
 * mention is removed; an empty string means "mentioned, but no question".
 */
export function questionFromMessage(facts: MessageFacts, botId: string): string | null {
  if (facts.authorIsBot || facts.isSystem) return null;
  if (!facts.isDirect && !facts.mentionedUserIds.includes(botId)) return null;
  return facts.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/** Builds the message and interaction handlers; each is one guarded event boundary. */
export function createHandlers(options: HandlerOptions): Handlers {
  const { qa, logger } = options;
  const store = options.store ?? createQuestionStore();
  const top = options.top ?? DEFAULT_EXCERPTS;
  const gate = options.gate ?? createRequestGate({ platform: 'discord', logger });

  const answerPage = (question: string, offset: number, echoQuestion: boolean) => {
    const answer = qa.answerQuestion(question, { top, offset });
    const next = { question, offset: answer.offset + answer.excerpts.length };
    const message = renderAnswer(answer, {
      echoQuestion,
      ...(answer.hasMore ? { moreId: encodeMoreId(next, store) } : {}),
    });
    const outcome: RequestOutcome = {
      outcome: 'answered',
      answered: answer.answered,
      excerpts: answer.excerpts.length,
    };
    return { message, outcome };
  };

  /** Replies privately with a refusal (too long, rate limited) or usage; nothing when silent. */
  const refuse = async (
    interaction: RepliableInteraction,
    decision: Exclude<GateDecision, { kind: 'answer' }>,
    usage: string,
  ) => {
    if (decision.kind === 'silent') return;
    const text = decision.kind === 'usage' ? usage : decision.text;
    await interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  };

  const onAsk = async (interaction: ChatInputCommandInteraction): Promise<RequestOutcome> => {
    const raw = interaction.options.getString(COMMANDS.ask.question, true);
    const decision = gate.decide(interaction.user.id, raw);
    if (decision.kind !== 'answer') {
      await refuse(interaction, decision, USAGE_HINT);
      return outcomeOf(decision, raw.length);
    }
    const ephemeral = interaction.options.getBoolean(COMMANDS.ask.private) ?? false;
    // Answering may outgrow Discord's 3-second window on a large corpus: acknowledge first.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const { message, outcome } = answerPage(decision.question, 0, true);
    await interaction.editReply(message);
    return { ...outcome, questionLength: raw.length };
  };

  const onSource = async (interaction: ChatInputCommandInteraction): Promise<RequestOutcome> => {
    const decision = gate.decide(interaction.user.id);
    if (decision.kind !== 'answer') {
      await refuse(interaction, decision, USAGE_HINT);
      return outcomeOf(decision);
    }
    const number = interaction.options.getInteger(COMMANDS.source.paragraph, true);
    const id = interaction.options.getString(COMMANDS.source.article) ?? qa.documents[0]?.id;
    const document = qa.documents.find((d) => d.id === id);
    const excerpt = document ? qa.getParagraph(document.id, number) : null;
    if (excerpt) {
      await interaction.reply(renderParagraph(excerpt));
      return { outcome: 'answered', excerpts: 1 };
    }
    const notice = document
      ? `*${escapeMarkdown(document.title)}* has ${document.paragraphs.length} paragraphs; pick a number from 1 to ${document.paragraphs.length}.`
      : `There is no article "${escapeMarkdown(id ?? '')}"; pick one from the list.`;
    await interaction.reply({ ...renderNotice(notice), flags: MessageFlags.Ephemeral });
    return { outcome: 'other' };
  };

  const onMore = async (interaction: ButtonInteraction): Promise<RequestOutcome> => {
    const decision = gate.decide(interaction.user.id);
    if (decision.kind !== 'answer') {
      await refuse(interaction, decision, USAGE_HINT);
      return outcomeOf(decision);
    }
    const request = decodeMoreId(interaction.customId, store);
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    if (request === null || request === 'expired') {
      await interaction.reply({ ...renderNotice(EXPIRED_QUESTION), flags: MessageFlags.Ephemeral });
      return { outcome: 'other' };
    }
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const { message, outcome } = answerPage(request.question, request.offset, true);
    await interaction.editReply(message);
    return outcome;
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction): Promise<RequestOutcome> => {
    await interaction.respond(
      suggestArticles(qa.documents, String(interaction.options.getFocused())),
    );
    return { outcome: 'ignored' };
  };

  const onQuestion = async (message: Message, question: string): Promise<RequestOutcome> => {
    const decision = gate.decide(message.author.id, question);
    const questionLength = question.length;
    if (decision.kind === 'answer') {
      const { message: reply, outcome } = answerPage(decision.question, 0, false);
      await message.reply(reply);
      return { ...outcome, questionLength };
    }
    if (decision.kind !== 'silent') {
      await message.reply(renderNotice(decision.kind === 'usage' ? USAGE_HINT : decision.text));
    }
    return outcomeOf(decision, questionLength);
  };

  return {
    async onMessage(message) {
      await gate.serve({ event: 'message', userId: message.author.id }, () =>
        guard(
          logger,
          { event: 'message', messageId: message.id, channelId: message.channelId },
          async () => {
            const question = questionFromMessage(
              {
                authorIsBot: message.author.bot,
                isSystem: message.system || message.webhookId !== null,
                isDirect: message.channel.isDMBased(),
                content: message.content,
                mentionedUserIds: [...message.mentions.users.keys()],
              },
              message.client.user.id,
            );
            if (question === null) return { outcome: 'ignored' };
            return onQuestion(message, question);
          },
          async () => {
            await message.reply(renderNotice(FRIENDLY_ERROR));
          },
        ),
      );
    },

    async onInteraction(interaction) {
      const event = interaction.isChatInputCommand()
        ? interaction.commandName
        : interaction.isButton()
          ? 'button'
          : 'interaction';
      await gate.serve({ event, userId: interaction.user.id }, () =>
        guard(
          logger,
          { event: 'interaction', interactionId: interaction.id, channelId: interaction.channelId },
          async () => {
            if (interaction.isAutocomplete()) return onAutocomplete(interaction);
            if (interaction.isChatInputCommand()) {
              if (interaction.commandName === COMMANDS.ask.name) return onAsk(interaction);
              if (interaction.commandName === COMMANDS.source.name) return onSource(interaction);
            }
            if (interaction.isButton() && isMoreId(interaction.customId)) {
              return onMore(interaction);
            }
            return { outcome: 'ignored' };
          },
          async () => {
            if (interaction.isRepliable()) await replyPrivately(interaction, FRIENDLY_ERROR);
          },
        ),
      );
    },
  };
}

/** Sends `text` only to the user: replaces a pending "thinking…" rather than leaving it hanging. */
async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const notice = { ...renderNotice(text), flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(notice);
    return;
  }
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
  await interaction.followUp(notice);
}

/**
 * The one catch at an event boundary: log the failure with its context, tell the user briefly,
 * and keep serving. A failing apology is logged too, never thrown.
 */
async function guard(
  logger: Logger,
  context: Record<string, unknown>,
  work: () => Promise<RequestOutcome>,
  apologise: () => Promise<void>,
): Promise<RequestOutcome> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: error, ...context }, 'failed to answer');
    await apologise().then(undefined, (replyError: unknown) =>
      logger.warn({ err: replyError, ...context }, 'could not send the error reply'),
    );
    return { outcome: 'failed' };
  }
}
