import type { Message } from 'discord.js';
import { answerTyped } from '../../shared/answer-flow.js';
import type { RequestOutcome } from '../../shared/request-gate.js';
import { renderHelp, renderNotice } from '../render.js';
import { type HandlerDeps, renderAnswerPage } from './deps.js';

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

/**
 * A message that mentions the bot, or any direct message: answered with a reply to it, visible
 * to the channel like the question was. "help", or a mention with nothing to ask, gets the help;
 * refusals are replies too.
 */
export async function handleMessage(message: Message, deps: HandlerDeps): Promise<RequestOutcome> {
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
  const documents = deps.qa.documents;
  return answerTyped(
    deps,
    { userId: message.author.id, text: question, loggedLength: question.length },
    {
      answer: (answer) =>
        message.reply(renderAnswerPage(answer, deps.store, { articleCount: documents.length })),
      usage: () => message.reply(renderHelp(documents)),
      notice: (text) => message.reply(renderNotice(text)),
    },
  );
}
