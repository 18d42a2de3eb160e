import { beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { renderFailure } from '../../../adapters/slack/render.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { BOT_USER_ID } from './doubles.js';
import { eventBody, FORM, JSON_TYPE, slashCommandBody, useSlackDouble } from './harness.js';

const slack = useSlackDouble();
let qa: Answerer;

beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('test/fixtures/slack-hostile'));
});

const QUESTION = 'What budget did the council approve?';

const mention = (user: string, eventId: string, channel = 'C1') =>
  eventBody(
    {
      type: 'app_mention',
      user,
      text: `<@${BOT_USER_ID}> ${QUESTION}`,
      ts: '1700000000.000100',
      channel,
      event_ts: '1700000000.000100',
    },
    eventId,
  );

describe('Slack bot under a flood', () => {
  it('limits a flooding user across channels, tells them once, and still answers another user', async () => {
    const started = await slack.startHttpBot({
      qa,
      limiter: createRateLimiter({ perMinute: 10, burst: 3 }),
    });
    const ask = (user: string, channel: string) =>
      started.postSigned(
        slashCommandBody(QUESTION, slack.double.responseUrl(`${user}-${channel}`), {
          user_id: user,
          channel_id: channel,
        }),
        FORM,
      );
    const flood = await Promise.all(
      Array.from({ length: 6 }, (_, i) => ask('U1', i % 2 === 0 ? 'C1' : 'C2')),
    );
    const calm = await ask('U2', 'C1');

    const bodies = await Promise.all(flood.map((response) => response.text()));
    expect(flood.every((response) => response.status === 200)).toBe(true);
    const parsed = bodies.filter((body) => body !== '').map((body) => JSON.parse(body));
    const answers = parsed.filter((message) => message.blocks.length > 1);
    const notices = parsed.filter((message) => /^You are asking faster/.test(message.text));
    expect(answers).toHaveLength(3);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ response_type: 'ephemeral' });
    // The rest were acknowledged with nothing: told once is enough.
    expect(bodies.filter((body) => body === '')).toHaveLength(2);

    const calmAnswer = (await calm.json()) as { blocks: unknown[] };
    expect(calmAnswer.blocks.length).toBeGreaterThan(1);
  });

  it('sends a too-long question a polite ephemeral refusal instead of a truncated answer', async () => {
    const bot = await slack.startHttpBot({ qa });
    const question = `${QUESTION} ${'really '.repeat(80)}`.trim();
    const response = await bot.postSigned(
      slashCommandBody(question, slack.double.responseUrl('long')),
      FORM,
    );
    expect(await response.json()).toMatchObject({
      response_type: 'ephemeral',
      text: `Please ask a shorter question: I answer questions of up to 500 characters, and yours has ${question.length}.`,
    });
  });
});

describe('Slack bot when Slack fails', () => {
  it('survives a 500 from chat.postMessage: apologises to the asker, logs it, and answers the next mention', async () => {
    const bot = await slack.startHttpBot({ qa });
    slack.double.failNextHttp('chat.postMessage', 500);
    const first = await bot.postSigned(mention('U1', 'Ev1'), JSON_TYPE);
    expect(first.status).toBe(200);
    const apology = await slack.double.waitForCall('chat.postEphemeral');
    expect(apology.args).toMatchObject({ channel: 'C1', user: 'U1', text: renderFailure().text });
    const failure = bot.logs.find(
      (l) => l.msg === 'Slack listener failed; told the user and carried on',
    );
    expect(failure).toMatchObject({ level: 50, eventId: 'Ev1', user: 'U1' });

    await bot.postSigned(mention('U1', 'Ev2'), JSON_TYPE);
    const answer = await slack.double.waitForCall(
      'chat.postMessage',
      (call) => String(call.args.text).length > 0,
    );
    expect(answer.args).toMatchObject({ channel: 'C1' });
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('logs each request with platform, user, question length and latency, never the text', async () => {
    const bot = await slack.startHttpBot({ qa });
    const response = await bot.postSigned(
      slashCommandBody(`${QUESTION} zanzibar-quokka`, slack.double.responseUrl('a')),
      FORM,
    );
    expect(response.status).toBe(200);
    const line = bot.logs.find((l) => l.msg === 'request served');
    expect(line).toMatchObject({
      level: 30,
      platform: 'slack',
      event: 'ask',
      userId: 'U1',
      outcome: 'answered',
      questionLength: `${QUESTION} zanzibar-quokka`.length,
    });
    expect(typeof line?.latencyMs).toBe('number');
    expect(JSON.stringify(bot.logs)).not.toContain('zanzibar');
    expect(JSON.stringify(bot.logs)).not.toContain('xoxb-test-token');
  });
});
