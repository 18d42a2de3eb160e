import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isSocketMode, parseSlackConfig } from '../../../adapters/slack/config.js';
import { createRecentEventIds } from '../../../adapters/slack/dedupe.js';
import { readQuestion } from '../../../adapters/slack/question.js';
import { ConfigError } from '../../../src/index.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseSlackConfig', () => {
  it('reads HTTP mode with defaults', () => {
    const config = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(config).toMatchObject({ PORT: 3000, CORPUS_DIR: 'corpus' });
    expect(config.SLACK_API_URL).toBeUndefined();
    expect(isSocketMode(config)).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set, without a signing secret', () => {
    const config = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(isSocketMode(config)).toBe(true);
  });

  it('treats empty optional variables as unset and adds the trailing slash to SLACK_API_URL', () => {
    const config = parseSlackConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: '',
      PORT: '',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(isSocketMode(config)).toBe(false);
    expect(config.PORT).toBe(3000);
    expect(config.SLACK_API_URL).toBe('http://127.0.0.1:9/api/');
  });

  it('names each missing variable with the fix, all at once', () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: is required: .*OAuth & Permissions/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET: is required in HTTP mode .*SLACK_APP_TOKEN/),
    ]);
  });

  it('names each malformed variable with the fix', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'xoxb-wrong',
      PORT: '70000',
      SLACK_API_URL: 'ftp://slack.example',
      CORPUS_DIR: ' ',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN: must start with xoxb-/),
        expect.stringMatching(/^SLACK_APP_TOKEN: must start with xapp-/),
        expect.stringMatching(/^PORT: must be between 0 and 65535/),
        expect.stringMatching(/^SLACK_API_URL: must be an http\(s\) URL/),
        expect.stringMatching(/^CORPUS_DIR: /),
      ]),
    );
  });

  it('never echoes a token in its message', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxp-secret-value' }).join('\n')).not.toContain(
      'secret-value',
    );
  });
});

describe('readQuestion', () => {
  it('removes the bot’s own mention, with or without a name, and nobody else’s', () => {
    expect(readQuestion('<@UBOT> who <@UBOT|qa> met <@U2>?', 'UBOT')).toBe('who met <@U2>?');
  });

  it('undoes Slack’s escapes and collapses whitespace and control characters', () => {
    expect(readQuestion('  a &amp; b\n\t&lt;c&gt;\u0000 ')).toBe('a & b <c>');
  });

  it('keeps a long question whole: the request gate refuses it rather than cutting it', () => {
    const question = readQuestion('word '.repeat(400));
    expect(question).toBe('word '.repeat(400).trim());
  });
});

describe('createRecentEventIds', () => {
  it('claims an id once until it expires', () => {
    let now = 0;
    const ids = createRecentEventIds({ ttlMs: 1000, now: () => now });
    expect(ids.claim('E1')).toBe(true);
    expect(ids.claim('E1')).toBe(false);
    now = 999;
    expect(ids.claim('E1')).toBe(false);
    now = 1000;
    expect(ids.claim('E1')).toBe(true);
  });

  it('stays bounded, forgetting the oldest ids first', () => {
    const ids = createRecentEventIds({ maxEntries: 3, now: () => 0 });
    for (const id of ['E1', 'E2', 'E3', 'E4']) expect(ids.claim(id)).toBe(true);
    expect(ids.claim('E4')).toBe(false);
    expect(ids.claim('E2')).toBe(false);
    expect(ids.claim('E1')).toBe(true);
  });
});

describe('manifest.yaml', () => {
  it('declares /ask, the two bot events, the four scopes, interactivity and Socket Mode', async () => {
    const manifest = parse(await readFile('adapters/slack/manifest.yaml', 'utf8'));
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      '/ask',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'app_mentions:read',
      'chat:write',
      'im:history',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
