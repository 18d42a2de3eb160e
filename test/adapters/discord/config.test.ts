import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DiscordConfigSchema,
  DiscordDeployConfigSchema,
} from '../../../adapters/discord/config.js';
import { ConfigError, parseConfig } from '../../../src/index.js';

const TOKEN = 'MTIz.abc.def';
const ID = '123456789012345678';

function problems(schema: z.ZodType, env: Record<string, string>): string[] {
  try {
    parseConfig(schema, env, 'Discord configuration');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('DiscordConfigSchema', () => {
  it('needs only the token and fills in the defaults', () => {
    const config = parseConfig(DiscordConfigSchema, { DISCORD_TOKEN: TOKEN });
    expect(config).toEqual({
      CORPUS_DIR: 'corpus',
      CORPUS_WATCH: true,
      CORPUS_DEBOUNCE_MS: 500,
      DISCORD_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      RATE_LIMIT_PER_MINUTE: 10,
      RATE_LIMIT_BURST: 3,
      SHUTDOWN_GRACE_MS: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the corpus watch, shared state and metrics settings', () => {
    const config = parseConfig(DiscordConfigSchema, {
      DISCORD_TOKEN: TOKEN,
      CORPUS_WATCH: 'false',
      CORPUS_DEBOUNCE_MS: '250',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      METRICS_PORT: '9464',
      METRICS_HOST: '127.0.0.1',
    });
    expect(config).toMatchObject({
      CORPUS_WATCH: false,
      CORPUS_DEBOUNCE_MS: 250,
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      METRICS_PORT: 9464,
      METRICS_HOST: '127.0.0.1',
    });
    expect(
      problems(DiscordConfigSchema, {
        DISCORD_TOKEN: TOKEN,
        CORPUS_WATCH: 'maybe',
        REDIS_URL: 'http://cache:6379',
        METRICS_PORT: '70000',
      }),
    ).toEqual([
      'CORPUS_WATCH: must be true or false',
      'REDIS_URL: must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (or unset)',
      'METRICS_PORT: must be between 0 and 65535',
    ]);
  });

  it('names every bad variable with its fix, one line each', () => {
    const found = problems(DiscordConfigSchema, {
      DISCORD_TOKEN: 'Bot abc',
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'ftp://example.com',
      DISCORD_LOG_LEVEL: 'loud',
    });
    expect(found).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN: must be the bare token/),
      expect.stringMatching(/^DISCORD_GUILD_ID: must be a numeric Discord ID .*Copy Server ID/),
      expect.stringMatching(/^DISCORD_API_URL: must be an http\(s\) URL/),
      expect.stringMatching(/^DISCORD_LOG_LEVEL: must be one of fatal, error/),
    ]);
  });

  it('says where to find a missing token', () => {
    expect(problems(DiscordConfigSchema, {})).toEqual([
      expect.stringMatching(
        /^DISCORD_TOKEN: is required: copy the bot token from https:\/\/discord\.com\/developers/,
      ),
    ]);
  });

  it('treats empty values from .env as unset and trims a trailing slash off the API URL', () => {
    const config = parseConfig(DiscordConfigSchema, {
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.DISCORD_API_URL).toBe('http://127.0.0.1:9999/api');
  });
});

describe('DiscordDeployConfigSchema', () => {
  it('also requires the application id', () => {
    expect(problems(DiscordDeployConfigSchema, { DISCORD_TOKEN: TOKEN })).toEqual([
      expect.stringMatching(/^DISCORD_CLIENT_ID: is required to deploy commands: .*Application ID/),
    ]);
    expect(
      parseConfig(DiscordDeployConfigSchema, { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: ID })
        .DISCORD_CLIENT_ID,
    ).toBe(ID);
  });
});
