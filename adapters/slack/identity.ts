import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { ConfigError } from '../../src/index.js';
import type { Logger } from '../shared/logger.js';
import type { BotIdentity } from './app.js';
import { createBoltLogger } from './bolt-logger.js';

const AuthTestSchema = z.object({
  user_id: z.string().min(1),
  bot_id: z.string().min(1),
  team: z.string().optional(),
  user: z.string().optional(),
});

/** Who the token belongs to, as `auth.test` reports it. */
export interface VerifiedBot extends BotIdentity {
  team?: string;
  user?: string;
}

/**
 * Checks `SLACK_BOT_TOKEN` with `auth.test` before serving, so a wrong token or an unreachable
 * Slack stops startup with one readable line instead of failing on the first question.
 *
 * @throws {ConfigError} naming the variable, Slack's answer and the fix.
 */
export async function verifyBotToken(
  token: string,
  clientOptions: webApi.WebClientOptions,
  logger: Logger,
): Promise<VerifiedBot> {
  const client = new webApi.WebClient(token, {
    logger: createBoltLogger(logger),
    retryConfig: { retries: 2, factor: 1.5 },
    ...clientOptions,
  });
  const where = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
  const result = await client.auth.test().then(
    (response) => AuthTestSchema.safeParse(response),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `SLACK_BOT_TOKEN could not be verified with auth.test at ${where}: ${reason}. ` +
          'Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions again, reinstall the app ' +
          'if it was revoked, and check SLACK_API_URL and the network.',
        [],
        { cause: error },
      );
    },
  );
  if (!result.success) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN: auth.test at ${where} did not return a bot user and bot id. ` +
        'Use the Bot User OAuth Token (xoxb-…), not a user or app token.',
    );
  }
  const { user_id, bot_id, team, user } = result.data;
  return { botUserId: user_id, botId: bot_id, team, user };
}
