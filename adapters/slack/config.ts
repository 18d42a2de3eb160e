import { z } from 'zod';
import { ConfigError, CoreConfigSchema, parseConfig } from '../../src/index.js';
import { OperationsConfigShape } from '../shared/operations-config.js';

/** `.env` files often carry `NAME=` for an unused optional variable; treat that as unset. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const BOT_TOKEN_FIX =
  'set it to the Bot User OAuth Token (xoxb-…) from your Slack app page → OAuth & Permissions';
const APP_TOKEN_FIX =
  'set it to an App-Level Token (xapp-…) with the connections:write scope from Basic Information → App-Level Tokens, or leave it unset for HTTP mode';
const SIGNING_SECRET_FIX =
  'is required in HTTP mode (SLACK_APP_TOKEN is not set): copy the Signing Secret from Basic Information → App Credentials, or set SLACK_APP_TOKEN to use Socket Mode';

/** `SLACK_COMMAND`, the slash command's name: also all that `--manifest` reads. */
export const SlackCommandSchema = z.object({
  /** As in the app's manifest; `/ask` may clash with other apps in a workspace. @default "/ask" */
  SLACK_COMMAND: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .trim()
      .regex(
        /^\/[a-z0-9][a-z0-9_-]{0,31}$/,
        'must be a slash command such as /ask or /article: a slash, then up to 32 lower-case letters, digits, - or _',
      )
      .default('/ask'),
  ),
});

/** The environment keys of the Slack adapter, on top of the core's. */
export const SlackConfigSchema = CoreConfigSchema.extend({
  ...OperationsConfigShape,
  ...SlackCommandSchema.shape,
  /** Bot User OAuth Token; required in both modes. */
  SLACK_BOT_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string({
        error: (issue) =>
          issue.input === undefined ? `is required: ${BOT_TOKEN_FIX}` : 'must be text',
      })
      .trim()
      .startsWith('xoxb-', `must start with xoxb-: ${BOT_TOKEN_FIX}`),
  ),
  /** App-Level Token; when set the app connects over Socket Mode and needs no public URL. */
  SLACK_APP_TOKEN: optional(
    z.string().trim().startsWith('xapp-', `must start with xapp-: ${APP_TOKEN_FIX}`),
  ),
  /** Signing Secret that proves HTTP requests come from Slack; required in HTTP mode. */
  SLACK_SIGNING_SECRET: optional(z.string().trim().min(1, SIGNING_SECRET_FIX)),
  /** HTTP mode port. @default 3000 */
  PORT: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a port number such as 3000' })
      .int('must be a whole port number such as 3000')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
  ),
  /** HTTP mode interface to listen on. @default all interfaces */
  HOST: optional(z.string().trim().min(1)),
  /** How long start-up may wait for Slack before giving up, in milliseconds. @default 30000 */
  SLACK_START_TIMEOUT_MS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a number of milliseconds such as 30000' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be at least 100')
      .max(600_000, 'must be at most 600000 (10 minutes)')
      .default(30_000),
  ),
  /** Web API base URL (GovSlack, a proxy, a local double). @default https://slack.com/api/ */
  SLACK_API_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as https://slack.com/api/ — or leave it unset',
      })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
}).refine((config) => Boolean(config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET), {
  path: ['SLACK_SIGNING_SECRET'],
  message: SIGNING_SECRET_FIX,
  // Also when other keys are wrong, so one run lists every problem.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});

export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/**
 * Validates the Slack adapter's environment.
 *
 * @throws {ConfigError} listing each problem by variable name, with the fix.
 */
export function parseSlackConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<SlackConfig> {
  return parseConfig(SlackConfigSchema, env, 'Slack configuration');
}

/** True when the app connects over Socket Mode instead of receiving HTTP requests. */
export function isSocketMode(
  config: Pick<SlackConfig, 'SLACK_APP_TOKEN'>,
): config is Pick<SlackConfig, 'SLACK_APP_TOKEN'> & { SLACK_APP_TOKEN: string } {
  return config.SLACK_APP_TOKEN !== undefined;
}

/**
 * The one line a person sees when Slack accepted the connection but did not answer a start-up
 * step within `SLACK_START_TIMEOUT_MS`.
 */
export function slackSilent(apiUrl: string | undefined, step: string, ms: number): ConfigError {
  return new ConfigError(
    `Slack did not answer ${step} at ${apiUrl ?? 'https://slack.com/api/'} within ${ms / 1000} s. ` +
      'Check the network and SLACK_API_URL, or raise SLACK_START_TIMEOUT_MS.',
  );
}
