import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../../src/index.js';
import { BOT_USER_ID } from './doubles.js';
import {
  blockTexts,
  buttonsOf,
  eventBody,
  type HttpBot,
  JSON_TYPE,
  quoteOf,
  useAnswerers,
  useSlackDouble,
} from './harness.js';

const slack = useSlackDouble();
const qa = useAnswerers({ bundled: 'corpus', hostile: 'test/fixtures/slack-hostile' });
let bot!: HttpBot;

async function begin(answerer: Answerer): Promise<void> {
  bot = await slack.startHttpBot({ qa: answerer });
}

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U1',
  text,
  ts: '1700000000.000100',
  channel: 'C1',
  event_ts: '1700000000.000100',
  ...extra,
});

const directMessage = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel_type: 'im',
  channel: 'D1',
  user: 'U1',
  text,
  ts: '1700000000.000300',
  event_ts: '1700000000.000300',
  ...extra,
});

async function deliver(
  event: Record<string, unknown>,
  eventId: string,
  headers: Record<string, string> = {},
) {
  const response = await bot.postSigned(eventBody(event, eventId), JSON_TYPE, headers);
  expect(response.status).toBe(200);
}

describe('Slack app_mention', () => {
  it('answers with chat.postMessage in the thread of a top-level mention, without the bot mention', async () => {
    await begin(qa.bundled);
    await deliver(mention(`<@${BOT_USER_ID}> How many troops has Russia gathered?`), 'Ev1');
    const [post] = slack.double.callsOf('chat.postMessage');
    expect(post?.args).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000100',
      unfurl_links: 'false',
    });
    const texts = blockTexts(post?.args.blocks);
    expect(texts[0]).toBe('*Question:* How many troops has Russia gathered?');
    const quotes = texts.filter((t) => t.startsWith('> ')).map(quoteOf);
    expect(quotes.length).toBeGreaterThan(0);
    const paragraphs = qa.bundled.documents.flatMap((d) => d.paragraphs);
    for (const quote of quotes) expect(paragraphs.some((p) => p.includes(quote))).toBe(true);
    expect(typeof post?.args.text).toBe('string');
    expect(buttonsOf(post?.args.blocks).has('share_answer')).toBe(false);
  });

  it('answers a mention inside a thread in that thread', async () => {
    await begin(qa.bundled);
    await deliver(
      mention(`<@${BOT_USER_ID}> Who is Blinken meeting?`, { thread_ts: '1699999999.000001' }),
      'Ev2',
    );
    expect(slack.double.callsOf('chat.postMessage')[0]?.args.thread_ts).toBe('1699999999.000001');
  });

  it('answers a retried delivery of the same event once', async () => {
    await begin(qa.bundled);
    const event = mention(`<@${BOT_USER_ID}> Who is Blinken meeting?`);
    await deliver(event, 'EvRetry');
    await deliver(event, 'EvRetry', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    await deliver(event, 'EvRetry', {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_error',
    });
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(1);
    expect(
      bot.logs.filter((l) => l.msg === 'Skipped a repeated delivery of a Slack event'),
    ).toEqual([
      expect.objectContaining({ eventId: 'EvRetry', retryNum: 1, retryReason: 'http_timeout' }),
      expect.objectContaining({ eventId: 'EvRetry', retryNum: 2 }),
    ]);
    await deliver(event, 'EvOther');
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('strips mentions from the echoed question and escapes &<> there and in the article text', async () => {
    await begin(qa.hostile);
    await deliver(
      mention(
        `<@${BOT_USER_ID}> What budget did the council approve? <!channel> <@U0999> &amp; &lt;b&gt;`,
      ),
      'Ev3',
    );
    const args = slack.double.callsOf('chat.postMessage')[0]?.args ?? {};
    const texts = [String(args.text), ...blockTexts(args.blocks)];
    expect(texts[1]).toBe('*Question:* What budget did the council approve? &amp; &lt;b&gt;');
    const all = texts.join('\n');
    expect(all).toContain('&lt;!here&gt;');
    expect(all).not.toMatch(/<!|<@|<#/);
    for (const markup of all.match(/<[^>]*>/g) ?? [])
      expect(markup).toMatch(/^<https:[^|]*\|link>$/);
  });

  it('posts a friendly ephemeral message when Slack rejects the answer, and answers the next mention', async () => {
    await begin(qa.bundled);
    slack.double.failNext('chat.postMessage', 'channel_not_found');
    await deliver(mention(`<@${BOT_USER_ID}> Who is Blinken meeting?`), 'Ev4');
    const [notice] = slack.double.callsOf('chat.postEphemeral');
    expect(notice?.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(notice?.args.text)).toMatch(/^Sorry, something went wrong/);
    expect(bot.logs.find((l) => l.level === 50)).toMatchObject({
      listener: 'event',
      eventType: 'app_mention',
      eventId: 'Ev4',
      channel: 'C1',
    });
    await deliver(mention(`<@${BOT_USER_ID}> Who is Blinken meeting?`), 'Ev5');
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(2);
  });
});

describe('Slack direct messages', () => {
  it('answers a DM in the conversation', async () => {
    await begin(qa.bundled);
    await deliver(directMessage('How many troops has Russia gathered?'), 'EvDm1');
    const [post] = slack.double.callsOf('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'D1' });
    expect(post?.args.thread_ts).toBeUndefined();
    expect(blockTexts(post?.args.blocks).some((t) => t.startsWith('> '))).toBe(true);
  });

  it.each([
    ['a bot message', { bot_id: 'B999' }],
    ['an edited message', { subtype: 'message_changed' }],
    ['a bot_message subtype', { subtype: 'bot_message', bot_id: 'B999' }],
    ['a channel message', { channel_type: 'channel', channel: 'C1' }],
  ])('ignores %s', async (_kind, extra) => {
    await begin(qa.bundled);
    await deliver(directMessage('Who is Blinken meeting?', extra), 'EvDm2');
    expect(slack.double.calls).toEqual([]);
  });
});
