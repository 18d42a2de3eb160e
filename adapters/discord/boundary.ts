import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  Message,
} from 'discord.js';
import type { Logger } from '../shared/logger.js';
import type { RequestOutcome } from '../shared/request-gate.js';
import { type HandlerDeps, replyPrivately } from './handlers/deps.js';
import { renderNotice } from './render.js';

/** The reply a user sees when anything goes wrong; details go to the log only. */
export const FRIENDLY_ERROR = 'Sorry, something went wrong while answering. Please try again.';

/** One event kind's handler: a plain function of the event and the shared deps. */
export type Handler<E> = (event: E, deps: HandlerDeps) => Promise<RequestOutcome>;

/**
 * The two gateway events the bot serves, and where each kind of message or interaction goes.
 * Register every handler first, then subscribe `onMessage` and `onInteraction` to the client.
 */
export interface DiscordRouter {
  message(handler: Handler<Message>): void;
  command(name: string, handler: Handler<ChatInputCommandInteraction>): void;
  autocomplete(handler: Handler<AutocompleteInteraction>): void;
  button(matches: (customId: string) => boolean, handler: Handler<ButtonInteraction>): void;
  /** Serves a `MessageCreate` event; never rejects. */
  onMessage(message: Message): Promise<void>;
  /** Serves an `InteractionCreate` event; never rejects. */
  onInteraction(interaction: Interaction): Promise<void>;
}

const IGNORED: RequestOutcome = { outcome: 'ignored' };

/**
 * Creates the Discord event boundary: every event runs as one request of the gate (tracked for
 * shutdown, logged) behind the one catch in {@link guard}; events no handler claims are ignored.
 */
export function createDiscordRouter(deps: HandlerDeps): DiscordRouter {
  const { gate, logger } = deps;
  let messageHandler: Handler<Message> = async () => IGNORED;
  let autocompleteHandler: Handler<AutocompleteInteraction> = async () => IGNORED;
  const commands = new Map<string, Handler<ChatInputCommandInteraction>>();
  const buttons: { matches: (customId: string) => boolean; handle: Handler<ButtonInteraction> }[] =
    [];

  const route = async (interaction: Interaction): Promise<RequestOutcome> => {
    if (interaction.isAutocomplete()) return autocompleteHandler(interaction, deps);
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      return command ? command(interaction, deps) : IGNORED;
    }
    if (interaction.isButton()) {
      const button = buttons.find((b) => b.matches(interaction.customId));
      return button ? button.handle(interaction, deps) : IGNORED;
    }
    return IGNORED;
  };

  return {
    message(handler) {
      messageHandler = handler;
    },
    command(name, handler) {
      commands.set(name, handler);
    },
    autocomplete(handler) {
      autocompleteHandler = handler;
    },
    button(matches, handler) {
      buttons.push({ matches, handle: handler });
    },
    async onMessage(message) {
      const context = { event: 'message', messageId: message.id, channelId: message.channelId };
      await gate.serve({ event: 'message', userId: message.author.id }, () =>
        guard(
          logger,
          context,
          () => messageHandler(message, deps),
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
      const context = {
        event: 'interaction',
        interactionId: interaction.id,
        channelId: interaction.channelId,
      };
      await gate.serve({ event, userId: interaction.user.id }, () =>
        guard(
          logger,
          context,
          () => route(interaction),
          async () => {
            if (interaction.isRepliable()) await replyPrivately(interaction, FRIENDLY_ERROR);
          },
        ),
      );
    },
  };
}

/**
 * The one catch at the event boundary: log the failure with its context, tell the user briefly,
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
