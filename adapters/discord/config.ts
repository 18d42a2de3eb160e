import { z } from 'zod';
import { type ConfigError, CoreConfigSchema } from '../../src/index.js';
import { blankAsMissing } from '../shared/environment.js';
import { unreachable } from '../shared/network-errors.js';
import { LOG_LEVELS, OperationsConfigShape } from '../shared/operations-config.js';

const PORTAL = 'https://discord.com/developers/applications';

const snowflake = (where: string, whenMissing = 'is required') =>
  z
    .string({ error: whenMissing })
    .trim()
    .regex(/^\d{17,20}$/, `must be a numeric Discord ID such as 123456789012345678 (${where})`);

/** `https://host/api///` → `https://host/api`, in one pass (`/\/+$/` is quadratic on slashes). */
function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

const CLIENT_ID_HINT = `${PORTAL} → your application → General Information → Application ID`;

/** Everything the Discord bot reads from the environment; each key documented in `.env.example`. */
export const DiscordConfigSchema = CoreConfigSchema.extend({
  ...OperationsConfigShape,
  DISCORD_TOKEN: z.preprocess(
    blankAsMissing,
    z
      .string({ error: `is required: copy the bot token from ${PORTAL} → your application → Bot` })
      .trim()
      .regex(/^\S+$/, 'must be the bare token, without spaces or a "Bot " prefix'),
  ),
  DISCORD_CLIENT_ID: z.preprocess(blankAsMissing, snowflake(CLIENT_ID_HINT).optional()),
  DISCORD_GUILD_ID: z.preprocess(
    blankAsMissing,
    snowflake('enable Developer Mode, right-click the server → Copy Server ID').optional(),
  ),
  DISCORD_API_URL: z.preprocess(
    blankAsMissing,
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as https://discord.com/api (leave unset for Discord)',
      })
      .transform(trimTrailingSlashes)
      .optional(),
  ),
  /** Overrides LOG_LEVEL for the Discord bot (kept from before LOG_LEVEL existed). */
  DISCORD_LOG_LEVEL: z.preprocess(
    blankAsMissing,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
});

/** The deploy script also needs the application id to address the commands endpoint. */
export const DiscordDeployConfigSchema = DiscordConfigSchema.extend({
  DISCORD_CLIENT_ID: z.preprocess(
    blankAsMissing,
    snowflake(CLIENT_ID_HINT, `is required to deploy commands: copy it from ${CLIENT_ID_HINT}`),
  ),
});

export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;
export type DiscordDeployConfig = z.infer<typeof DiscordDeployConfigSchema>;

/**
 * The one line a person sees when Discord's API cannot be reached at start (no network, a wrong
 * `DISCORD_API_URL`): where, why, and what to check.
 */
export function discordUnreachable(
  apiUrl: string | undefined,
  reason: string,
  cause?: unknown,
): ConfigError {
  return unreachable(
    'Discord',
    apiUrl ?? 'https://discord.com/api',
    reason,
    'Check the network connection, and DISCORD_API_URL if it is set.',
    cause,
  );
}
