import { beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../../adapters/slack/app.js';
import { parseSlackConfig } from '../../../adapters/slack/config.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { BOT_ID, BOT_USER_ID } from './doubles.js';
import { blockTexts, buttonsOf, captureLogger, quoteOf, useSlackDouble } from './harness.js';

const slack = useSlackDouble();
let qa: Answerer;

beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('corpus'));
});

function createSocketBot(): SlackBot {
  const config = parseSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-test-token',
    SLACK_API_URL: slack.double.apiUrl,
  });
  const bot = createSlackBot({
    config,
    qa,
    logger: captureLogger().logger,
    identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
    clientOptions: { retryConfig: { retries: 0 } },
  });
  return slack.stopAfterTest(bot);
}

const slashCommand = (text: string) => ({
  envelope_id: 'env-1',
  type: 'slash_commands',
  accepts_response_payload: true,
  payload: {
    token: 'legacy-verification-token',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/ask',
    text,
    api_app_id: 'A1',
    response_url: slack.double.responseUrl('socket'),
    trigger_id: '1.2.3',
  },
});

describe('Slack Socket Mode', () => {
  it('needs no HTTP listener and opens the socket with the app token', async () => {
    const bot = createSocketBot();
    const connected = slack.double.nextSocket();
    expect(await bot.start()).toEqual({ mode: 'socket' });
    await connected;
    expect(slack.double.callsOf('apps.connections.open')).toHaveLength(1);
  });

  it('answers /ask in the acknowledgement envelope with the ephemeral Block Kit answer', async () => {
    const bot = createSocketBot();
    const connected = slack.double.nextSocket();
    await bot.start();
    const socket = await connected;
    const ack = await slack.double.pushEnvelope(
      socket,
      slashCommand('How many troops has Russia gathered near the border?'),
    );
    expect(ack.envelope_id).toBe('env-1');
    const payload = ack.payload as { response_type: string; text: string; blocks: unknown };
    expect(payload.response_type).toBe('ephemeral');
    const quotes = blockTexts(payload.blocks).filter((t) => t.startsWith('> '));
    expect(quotes.length).toBeGreaterThan(0);
    const paragraphs = qa.documents.flatMap((d) => d.paragraphs);
    for (const section of quotes) {
      expect(section).toMatch(/¶\d+/);
      expect(paragraphs.some((p) => p.includes(quoteOf(section)))).toBe(true);
    }
    expect(buttonsOf(payload.blocks).has('share_answer')).toBe(true);
  });

  it('answers an empty /ask with usage help', async () => {
    const bot = createSocketBot();
    const connected = slack.double.nextSocket();
    await bot.start();
    const ack = await slack.double.pushEnvelope(await connected, slashCommand(''));
    expect((ack.payload as { text: string }).text).toContain('/ask');
  });
});
