import { afterEach, describe, expect, it } from 'vitest';
import { FRIENDLY_ERROR } from '../../../adapters/discord/boundary.js';
import { COMMANDS } from '../../../adapters/discord/commands.js';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import type { RecordedRequest } from './double/discord-double.js';
import { userPayload } from './double/payloads.js';
import {
  type BotHarness,
  OPTION,
  replyTo,
  sendCommand,
  sendDirectMessage,
  sendMention,
  startHarness,
} from './harness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const QUESTION = 'When do the harbour works start?';

describe('Discord bot under a flood', () => {
  it('limits a flooding user across channels, tells them once, and still answers another user', async () => {
    h = await startHarness({
      limiter: createRateLimiter({ perMinute: 10, burst: 3 }),
      logLevel: 'debug',
    });
    const harness = h;
    const flooder = userPayload('flooder');
    const other = userPayload('other');
    // Alternating a channel and DMs does not dodge the limit: it is per user.
    const flood = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? sendMention(harness, QUESTION, flooder)
        : sendDirectMessage(harness, QUESTION, flooder),
    );
    const calm = sendMention(harness, QUESTION, other);

    const calmReply = await harness.double.waitForRequest(replyTo(calm.id), 'the other user');
    expect(calmReply.body.embeds.length).toBeGreaterThan(0);
    const replies = await Promise.all(
      flood.slice(0, 4).map((m) => harness.double.waitForRequest(replyTo(m.id), 'a flood reply')),
    );
    expect(replies.slice(0, 3).every((r) => r.body.embeds.length > 0)).toBe(true);
    expect(replies[3]?.body.content).toMatch(
      /^You are asking faster than I can answer\. Please wait \d+ seconds? and ask again\.$/,
    );
    // Every decision was taken, in order, before the other user's; the rest got no reply at all.
    for (const message of flood.slice(4)) {
      expect(harness.double.requests.some(replyTo(message.id))).toBe(false);
    }
    const servedToFlooder = () =>
      harness.logs.filter((l) => l.msg === 'request served' && l.userId === flooder.id);
    await harness.waitForLog(() => servedToFlooder().length === 8);
    const outcomes = servedToFlooder().map((l) => l.outcome);
    expect(outcomes.sort()).toEqual([
      'answered',
      'answered',
      'answered',
      'rate-limited',
      'silent',
      'silent',
      'silent',
      'silent',
    ]);
  });
});

describe('Discord bot when Discord fails', () => {
  it('survives a 500 on every try of a reply: apologises, logs it, and answers the next question', async () => {
    h = await startHarness();
    const reader = userPayload('reader');
    const first = sendMention(h, QUESTION, reader);
    // discord.js retries a 5xx three times; fail all four tries.
    h.double.failNext(replyTo(first.id), 500, 4);
    const apology = await h.double.waitForRequest(
      (r) => replyTo(first.id)(r) && r.body?.content === FRIENDLY_ERROR,
      'the apology after the outage',
    );
    expect(apology.body.embeds).toEqual([]);
    const logged = h.logs.find((l) => l.msg === 'failed to answer' && l.messageId === first.id);
    expect(logged).toMatchObject({ level: 50, event: 'message' });
    expect((logged?.err as { status?: number } | undefined)?.status).toBe(500);

    const next = sendMention(h, QUESTION, reader);
    const answer = await h.double.waitForRequest(replyTo(next.id), 'the next answer');
    expect(answer.body.embeds.length).toBeGreaterThan(0);
  });

  it('rides out a single 500 on /ask: the retried edit carries the answer', async () => {
    h = await startHarness();
    const interaction = sendCommand(h, COMMANDS.ask.name, [
      { name: COMMANDS.ask.question, type: OPTION.STRING, value: QUESTION },
    ]);
    const edit = (r: RecordedRequest) =>
      r.method === 'PATCH' && r.path.includes(`/${interaction.token}/messages/%40original`);
    h.double.failNext(edit, 500, 1);
    await h.double.waitForRequest(edit, 'the first edit');
    const edits = () => h?.double.requests.filter(edit) ?? [];
    await h.double.waitForRequest((r) => edit(r) && edits().length === 2, 'the retried edit');
    expect(edits()[1]?.body.embeds.length).toBeGreaterThan(0);
  });
});

describe('Discord request logs', () => {
  it('log platform, user id, question length and latency, and never the question text', async () => {
    h = await startHarness();
    const reader = userPayload('reader');
    const secretQuestion = 'When do the harbour works start, asks zanzibar-quokka?';
    const sent = sendMention(h, secretQuestion, reader);
    await h.double.waitForRequest(replyTo(sent.id), 'the answer');
    const line = await h.waitForLog((l) => l.msg === 'request served' && l.userId === reader.id);
    expect(line).toMatchObject({
      level: 30,
      platform: 'discord',
      event: 'message',
      userId: reader.id,
      outcome: 'answered',
      questionLength: secretQuestion.length,
    });
    expect(typeof line?.latencyMs).toBe('number');
    expect(JSON.stringify(h.logs)).not.toContain('zanzibar');
    expect(JSON.stringify(h.logs)).not.toContain('test-token');
  });
});
