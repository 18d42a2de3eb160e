import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../../adapters/slack/app.js';
import { parseSlackConfig } from '../../../adapters/slack/config.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { BOT_ID, BOT_USER_ID, type SlackDouble, startSlackDouble } from './doubles.js';
import { blockTexts, buttonsOf, captureLogger, quoteOf } from './harness.js';

let qa: Answerer;
let double: SlackDouble;
let bot: SlackBot | undefined;

beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('corpus'));
});

beforeEach(async () => {
  double = await startSlackDouble();
});

afterEach(async () => {
  // Stop first and wait for the socket to close, so the client does not try to reconnect.
  await bot?.stop();
  bot = undefined;
  await double.close();
});

function createSocketBot(): SlackBot {
  const config = parseSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-test-token',
    SLACK_API_URL: double.apiUrl,
  });
  return createSlackBot({
    config,
    qa,
    logger: captureLogger().logger,
    identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
    clientOptions: { retryConfig: { retries: 0 } },
  });
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
    response_url: double.responseUrl('socket'),
    trigger_id: '1.2.3',
  },
});

describe('Slack Socket Mode', () => {
  it('needs no HTTP listener and opens the socket with the app token', async () => {
    bot = createSocketBot();
    const connected = double.nextSocket();
    expect(await bot.start()).toEqual({ mode: 'socket' });
    await connected;
    expect(double.callsOf('apps.connections.open')).toHaveLength(1);
  });

  it('answers /ask in the acknowledgement envelope with the ephemeral Block Kit answer', async () => {
    bot = createSocketBot();
    const connected = double.nextSocket();
    await bot.start();
    const socket = await connected;
    const ack = await double.pushEnvelope(
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
    bot = createSocketBot();
    const connected = double.nextSocket();
    await bot.start();
    const ack = await double.pushEnvelope(await connected, slashCommand(''));
    expect((ack.payload as { text: string }).text).toContain('/ask');
  });
});
