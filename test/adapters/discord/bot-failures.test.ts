import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { FRIENDLY_ERROR } from '../../../adapters/discord/boundary.js';
import { COMMANDS } from '../../../adapters/discord/commands.js';
import type { Answerer } from '../../../src/index.js';
import {
  followUpOf,
  OPTION,
  originalOf,
  replyTo,
  sendCommand,
  sendMention,
  useHarness,
} from './harness.js';

/** How many of the next questions throw: an injected fault inside the answerer. */
let failuresLeft = 0;
const failing = (qa: Answerer): Answerer => ({
  documents: qa.documents,
  getParagraph: (id, n) => qa.getParagraph(id, n),
  answerQuestion(question, options) {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('injected failure');
    }
    return qa.answerQuestion(question, options);
  },
});

const h = useHarness({ wrap: failing });

const QUESTION = 'When do the harbour works start?';
const ask = (question: string) =>
  sendCommand(h, COMMANDS.ask.name, [
    { name: COMMANDS.ask.question, type: OPTION.STRING, value: question },
  ]);

describe('a failure while answering', () => {
  it('gives the mention a friendly reply, logs it with context, and answers the next one', async () => {
    failuresLeft = 1;
    const failed = sendMention(h, QUESTION);
    const apology = await h.double.waitForRequest(replyTo(failed.id), 'the friendly reply');
    expect(apology.body.content).toBe(FRIENDLY_ERROR);
    expect(JSON.stringify(apology.body)).not.toMatch(/injected|at .*\.ts/);
    const logged = h.logs.find((l) => l.messageId === failed.id);
    expect(logged).toMatchObject({ level: 50, msg: 'failed to answer', event: 'message' });
    expect((logged?.err as { message?: string } | undefined)?.message).toBe('injected failure');

    const next = sendMention(h, QUESTION);
    const answer = await h.double.waitForRequest(replyTo(next.id), 'the next answer');
    expect(answer.body.embeds.length).toBeGreaterThan(0);
  });

  it('replaces a deferred /ask with a private apology, and answers the next /ask', async () => {
    failuresLeft = 1;
    const failed = ask(QUESTION);
    const webhook = `/webhooks/${h.double.applicationId}/${failed.token}`;
    await h.double.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `${webhook}/messages/%40original`,
      'the pending reply removed',
    );
    const apology = await h.double.waitForRequest(followUpOf(h, failed), 'the private apology');
    expect(apology.body).toMatchObject({ content: FRIENDLY_ERROR, flags: MessageFlags.Ephemeral });
    expect(h.logs.some((l) => l.interactionId === failed.id && l.level === 50)).toBe(true);

    const next = ask(QUESTION);
    const answer = await h.double.waitForRequest(originalOf(h, next), 'the next /ask answer');
    expect(answer.body.embeds.length).toBeGreaterThan(0);
  });
});
