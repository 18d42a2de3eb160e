import { once } from 'node:events';
import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Partials } from 'discord.js';
import { ConfigError } from '../../src/index.js';
import type { Health } from '../shared/health.js';
import type { Logger } from '../shared/logger.js';
import { networkFailureCode } from '../shared/network-errors.js';
import { createDiscordRouter } from './boundary.js';
import { COMMANDS } from './commands.js';
import { discordUnreachable } from './config.js';
import { handleAsk } from './handlers/ask.js';
import { handleAutocomplete } from './handlers/autocomplete.js';
import { type HandlerOptions, resolveHandlerDeps } from './handlers/deps.js';
import { handleHelp } from './handlers/help.js';
import { handleMessage } from './handlers/message.js';
import { handleMore } from './handlers/more.js';
import { handleSource } from './handlers/source.js';
import { isMoreId } from './more-button.js';

/**
 * Intents that need no approval. Discord still sends the text of messages that mention the bot
 * (and of DMs) without the privileged MessageContent intent, and asking for an unapproved
 * privileged intent makes the gateway close with 4014.
 */
export const GATEWAY_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

/** Options for {@link createDiscordClient}. */
export interface DiscordClientOptions {
  /** REST base URL (without `/v10`). @default Discord's own */
  apiUrl?: string | undefined;
}

/** A discord.js client with the bot's intents, DM support and mentions switched off. */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [...GATEWAY_INTENTS],
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    // The bot quotes other people's words: it must never ping anyone, the asker included.
    allowedMentions: { parse: [], repliedUser: false },
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  });
}

/** Options for {@link startBot}. */
export interface StartBotOptions extends HandlerOptions, DiscordClientOptions {
  token: string;
  /** Marked connected while every shard's gateway connection is up. */
  health?: Health | undefined;
}

/**
 * Connects a client, wires the handlers and resolves once the client is ready. On failure the
 * client is destroyed (so the process can exit) and a rejected token becomes a {@link ConfigError}.
 */
export async function startBot(options: StartBotOptions): Promise<Client> {
  const { logger } = options;
  const client = createDiscordClient(options);
  registerHandlers(client, options);
  watchClient(client, logger, options.health);

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw explainLoginFailure(error, options.apiUrl);
  }
  options.health?.set({ platform: 'connected' });
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      shards: client.ws.shards.map((s) => s.id),
    },
    'Discord bot ready',
  );
  return client;
}

/** Wires each kind of message and interaction to its handler, behind the one event boundary. */
export function registerHandlers(client: Client, options: HandlerOptions): void {
  const router = createDiscordRouter(resolveHandlerDeps(options));
  router.message(handleMessage);
  router.command(COMMANDS.ask.name, handleAsk);
  router.command(COMMANDS.source.name, handleSource);
  router.command(COMMANDS.help.name, handleHelp);
  router.autocomplete(handleAutocomplete);
  router.button(isMoreId, handleMore);
  client.on(Events.MessageCreate, (message) => void router.onMessage(message));
  client.on(Events.InteractionCreate, (interaction) => void router.onInteraction(interaction));
}

function watchClient(client: Client, logger: Logger, health: Health | undefined): void {
  // Shards whose gateway connection is down; the bot is connected when there are none.
  const down = new Set<number>();
  const mark = (shardId: number, up: boolean) => {
    if (up) down.delete(shardId);
    else down.add(shardId);
    if (client.isReady()) health?.set({ platform: down.size === 0 ? 'connected' : 'disconnected' });
  };
  client.on(Events.ShardReady, (shardId) => mark(shardId, true));
  client.on(Events.ShardResume, (shardId) => mark(shardId, true));
  // Without an `error` listener an EventEmitter error would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ err: error, shardId }, 'Discord shard error'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    mark(shardId, false);
    logger.warn({ code: event.code, shardId }, 'Discord shard disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    mark(shardId, false);
    logger.info({ shardId }, 'Discord shard reconnecting');
  });
}

function explainLoginFailure(error: unknown, apiUrl: string | undefined): unknown {
  const network = networkFailureCode(error);
  if (network) {
    return discordUnreachable(apiUrl, network, error);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) {
    return new ConfigError(
      'DISCORD_TOKEN was rejected by Discord. Reset it at https://discord.com/developers/applications → your application → Bot, and update .env.',
      ['DISCORD_TOKEN: rejected by Discord'],
      { cause: error },
    );
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents) {
    return new ConfigError(
      'Discord refused the gateway intents (close code 4014). This bot asks only for Guilds, GuildMessages and DirectMessages; check the application is a bot application.',
      [],
      { cause: error },
    );
  }
  return error;
}
