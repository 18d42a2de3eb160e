import { REST, Routes, ShardingManager } from 'discord.js';
import { z } from 'zod';
import { ConfigError, UsageError } from '../../src/index.js';
import { type CommandSpec, HELP_FLAG, readCommandLine } from '../shared/command-line.js';
import type { Logger } from '../shared/logger.js';
import { networkFailureCode } from '../shared/network-errors.js';
import { discordUnreachable } from './config.js';

/** Usage of `npm run discord`. */
export const DISCORD_USAGE = `Usage: npm run discord -- [--shards auto|N] [--total-shards auto|N] [--shard-list 0,1,4-7]

Runs the Discord bot; its settings come from the environment or .env (see .env.example).

Options:
  --shards N|auto      run N shards (auto: as many as Discord recommends) under a ShardingManager
  --total-shards N     shards across all machines (same number on every machine)
  --shard-list IDS     the shard ids this machine runs, e.g. 0-3 on one machine and 4-7 on another
  -h, --help           show this help`;

/** The flags of `npm run discord`. */
export const DISCORD_COMMAND: CommandSpec = {
  command: 'npm run discord',
  flags: {
    shards: { type: 'string' },
    'total-shards': { type: 'string' },
    'shard-list': { type: 'string' },
    ...HELP_FLAG,
  },
};

/** Discord lets a bot identify once per 5 seconds per rate-limit bucket; keep a margin. */
const IDENTIFY_SPACING_MS = 5_500;

/** How many shards in total, and which of them run here (all when unset). */
export interface ShardPlan {
  totalShards: number | 'auto';
  shardList?: number[];
}

/**
 * Reads the sharding flags; null when there are none (run one client in this process), `'help'`
 * for `--help`.
 *
 * @throws {UsageError} for unknown flags or inconsistent values, one line each.
 */
export function parseShardFlags(argv: readonly string[]): ShardPlan | 'help' | null {
  const values = readCommandLine(DISCORD_COMMAND, argv).values as {
    shards?: string;
    'total-shards'?: string;
    'shard-list'?: string;
    help?: boolean;
  };
  if (values.help) return 'help';
  const shards = values.shards === undefined ? undefined : parseCount('--shards', values.shards);
  const total =
    values['total-shards'] === undefined
      ? undefined
      : parseCount('--total-shards', values['total-shards']);
  if (shards !== undefined && total !== undefined && shards !== total) {
    throw new UsageError(`--shards ${shards} and --total-shards ${total} disagree; give one.`);
  }
  const totalShards = total ?? shards;
  const listText = values['shard-list'];
  if (listText === undefined) return totalShards === undefined ? null : { totalShards };
  if (typeof totalShards !== 'number') {
    throw new UsageError(
      '--shard-list needs --total-shards N: the same number on every machine, so each knows its share.',
    );
  }
  const shardList = parseShardList(listText);
  const outside = shardList.filter((id) => id >= totalShards);
  if (outside.length > 0) {
    throw new UsageError(
      `--shard-list ${listText}: shard ids run from 0 to ${totalShards - 1} with --total-shards ${totalShards}.`,
    );
  }
  return { totalShards, shardList };
}

function parseCount(flag: string, text: string): number | 'auto' {
  if (text === 'auto') return 'auto';
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${flag} ${text}: expected "auto" or a whole number of at least 1.`);
  }
  return Number(text);
}

function parseShardList(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    const from = Number(match?.[1]);
    const to = Number(match?.[2] ?? match?.[1]);
    if (!match || to < from) {
      throw new UsageError(
        `--shard-list ${text}: expected shard ids like 0,1,2 or ranges like 0-3,8-11.`,
      );
    }
    for (let id = from; id <= to; id += 1) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The part of `GET /gateway/bot` that sharding needs. */
export const GatewayBotSchema = z.object({
  shards: z.number().int().positive(),
  session_start_limit: z.object({ max_concurrency: z.number().int().positive() }),
});

/** Options for {@link startShardManager}. */
export interface ShardManagerOptions {
  /** The bot's entry script; each shard process runs it. */
  file: string;
  token: string;
  /** REST base URL (without `/v10`). @default Discord's own */
  apiUrl?: string | undefined;
  plan: ShardPlan;
  logger: Logger;
  /** Node flags for shard processes (a `.ts` entry needs `--import tsx`). @default [] */
  execArgv?: string[];
  /** Extra environment for shard processes. @default {} */
  env?: Record<string, string>;
  /** How long one shard may take to become ready. @default 30 s */
  readyTimeoutMs?: number;
  /** Stops every shard when aborted, also while they are still being spawned. */
  signal?: AbortSignal;
  /** Receives the manager before its shards spawn, with how many it will run (health, metrics). */
  onManager?: (manager: ShardingManager, shards: number) => void;
}

/**
 * Spawns the planned shards under discord.js's {@link ShardingManager}, one process each. The
 * shard count for `auto` comes from `GET /gateway/bot` on the configured API, and shards are
 * spaced 5.5 s apart unless Discord's `max_concurrency` lets them identify together.
 * (discord.js's own `auto` asks discord.com directly, ignoring `DISCORD_API_URL`, so the count
 * is resolved here and handed over as a number.)
 */
export async function startShardManager(options: ShardManagerOptions): Promise<ShardingManager> {
  const { logger, plan } = options;
  const gateway = await fetchGatewayBot(options.token, options.apiUrl);
  const totalShards = plan.totalShards === 'auto' ? gateway.shards : plan.totalShards;
  const shardList = plan.shardList ?? Array.from({ length: totalShards }, (_, id) => id);
  const concurrency = gateway.session_start_limit.max_concurrency;
  const sharedBucket = new Set(shardList.map((id) => id % concurrency)).size < shardList.length;

  const manager = new ShardingManager(options.file, {
    totalShards,
    shardList,
    token: options.token,
    mode: 'process',
    execArgv: options.execArgv ?? [],
  });
  options.onManager?.(manager, shardList.length);
  manager.on('shardCreate', (shard) => {
    // Shard.env is what the process is forked with; discord.js types it as unknown.
    Object.assign(shard.env as Record<string, unknown>, options.env ?? {});
    shard.on('ready', () => logger.info({ shardId: shard.id }, 'shard ready'));
    shard.on('death', () => {
      const level = manager.respawn ? 'warn' : 'info';
      logger[level]({ shardId: shard.id, respawn: manager.respawn }, 'shard process exited');
    });
  });
  const { signal } = options;
  signal?.addEventListener('abort', () => stopShardManager(manager), { once: true });
  logger.info({ totalShards, shardList }, 'spawning shards');
  try {
    await manager.spawn({
      amount: totalShards,
      delay: sharedBucket ? IDENTIFY_SPACING_MS : 0,
      timeout: options.readyTimeoutMs ?? 30_000,
    });
  } catch (error) {
    stopShardManager(manager);
    if (!signal?.aborted) throw error;
  }
  // The manager may have spawned more shards after an abort arrived mid-spawn.
  if (signal?.aborted) stopShardManager(manager);
  return manager;
}

/**
 * Stops every shard process for good (no respawn). Closing each IPC channel as well lets a shard
 * that already handled its SIGTERM exit, and lets this process exit once the shards are gone.
 */
export function stopShardManager(manager: ShardingManager): void {
  manager.respawn = false;
  for (const shard of manager.shards.values()) {
    const child = shard.process;
    // Shard.kill() throws on a shard whose process is already gone.
    if (!child) continue;
    shard.kill();
    if (child.connected) child.disconnect();
  }
}

async function fetchGatewayBot(token: string, apiUrl: string | undefined) {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  let body: unknown;
  try {
    body = await rest.get(Routes.gatewayBot());
  } catch (error) {
    const network = networkFailureCode(error);
    if (network) {
      throw discordUnreachable(apiUrl, network, error);
    }
    if ((error as { status?: unknown }).status === 401) {
      throw new ConfigError('DISCORD_TOKEN was rejected by Discord (401 on /gateway/bot).', [], {
        cause: error,
      });
    }
    throw error;
  }
  return GatewayBotSchema.parse(body);
}
