import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { ArticleDocument } from '../../src/index.js';

/** Names of the slash commands and their options, shared by the definitions and the handlers. */
export const COMMANDS = {
  ask: { name: 'ask', question: 'question', private: 'private' },
  source: { name: 'source', paragraph: 'paragraph', article: 'article' },
  help: { name: 'help' },
} as const;

/** Discord allows at most 25 fixed choices; beyond that the article option autocompletes. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;
/** Discord caps a string option at 6,000; nobody asks a question that long. */
export const MAX_QUESTION_LENGTH = 500;

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The slash command definitions for a corpus (the `/source` article choices come from it). */
export function buildCommands(documents: readonly ArticleDocument[]): CommandDefinition[] {
  const mostParagraphs = Math.max(1, ...documents.map((d) => d.paragraphs.length));
  const fixedChoices = documents.length <= MAX_CHOICES;
  const usable = {
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  return [
    {
      name: COMMANDS.ask.name,
      type: ApplicationCommandType.ChatInput,
      description: 'Ask a question about the article; the answer quotes it with ¶ numbers.',
      ...usable,
      options: [
        {
          name: COMMANDS.ask.question,
          type: ApplicationCommandOptionType.String,
          description: 'Your question, e.g. "Who did the minister meet, and when?"',
          required: true,
          max_length: MAX_QUESTION_LENGTH,
        },
        {
          name: COMMANDS.ask.private,
          type: ApplicationCommandOptionType.Boolean,
          description: 'Only you see the answer (default: everyone in the channel sees it).',
        },
      ],
    },
    {
      name: COMMANDS.source.name,
      type: ApplicationCommandType.ChatInput,
      description: 'Show a whole paragraph of the article with its attribution.',
      ...usable,
      options: [
        {
          name: COMMANDS.source.paragraph,
          type: ApplicationCommandOptionType.Integer,
          description: 'Paragraph number (¶N).',
          required: true,
          min_value: 1,
          max_value: mostParagraphs,
        },
        {
          name: COMMANDS.source.article,
          type: ApplicationCommandOptionType.String,
          description: 'Which article (default: the first one).',
          ...(fixedChoices
            ? { choices: documents.map((d) => ({ name: choiceName(d), value: d.id })) }
            : { autocomplete: true }),
        },
      ],
    },
    {
      name: COMMANDS.help.name,
      type: ApplicationCommandType.ChatInput,
      description: 'How to ask, and which articles I answer from (only you see it).',
      ...usable,
    },
  ];
}

/** Up to {@link MAX_CHOICES} articles whose title or id contains `typed`, as autocomplete choices. */
export function suggestArticles(
  documents: readonly ArticleDocument[],
  typed: string,
): { name: string; value: string }[] {
  const needle = typed.trim().toLowerCase();
  return documents
    .filter((d) => d.title.toLowerCase().includes(needle) || d.id.toLowerCase().includes(needle))
    .slice(0, MAX_CHOICES)
    .map((d) => ({ name: choiceName(d), value: d.id }));
}

/** Where and how to register the commands. */
export interface DeployOptions {
  rest: REST;
  clientId: string;
  /** Register in this one server (instant) instead of globally. */
  guildId?: string | undefined;
  commands: readonly CommandDefinition[];
}

/**
 * Registers `commands` with one bulk overwrite, so running it again changes nothing and removed
 * commands disappear. Returns how many commands Discord now holds.
 */
export async function deployCommands(options: DeployOptions): Promise<number> {
  const { rest, clientId, guildId, commands } = options;
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  // Guild commands belong to one server, so the API's guild route takes no install contexts.
  const body = guildId
    ? commands.map(({ contexts: _c, integration_types: _i, ...command }) => command)
    : commands;
  const registered = await rest.put(route, { body });
  return Array.isArray(registered) ? registered.length : commands.length;
}

function choiceName(document: ArticleDocument): string {
  const name = document.title.trim();
  return name.length <= MAX_CHOICE_NAME ? name : `${name.slice(0, MAX_CHOICE_NAME - 1)}…`;
}
