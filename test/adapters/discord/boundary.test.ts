import { Writable } from 'node:stream';
import { type Interaction, type Message, MessageFlags } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createDiscordRouter, FRIENDLY_ERROR } from '../../../adapters/discord/boundary.js';
import { resolveHandlerDeps } from '../../../adapters/discord/handlers/deps.js';

/** A router over plain fakes: no core (no handler here asks it) and a captured log. */
function setUp() {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const qa = { documents: [], answerQuestion: () => unreachable(), getParagraph: () => null };
  const router = createDiscordRouter(resolveHandlerDeps({ qa, logger: pino({}, sink) }));
  return { router, logs };
}

function unreachable(): never {
  throw new Error('the core is not asked in these tests');
}

/** An interaction with just what the router reads; `sent` records what the bot replies. */
function fakeInteraction(kind: { command?: string; customId?: string }, sent: unknown[] = []) {
  return {
    id: 'interaction-1',
    channelId: 'channel-1',
    user: { id: 'user-1' },
    commandName: kind.command,
    customId: kind.customId,
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isChatInputCommand: () => kind.command !== undefined,
    isButton: () => kind.customId !== undefined,
    isRepliable: () => true,
    reply: async (message: unknown) => {
      sent.push(message);
    },
  } as unknown as Interaction;
}

const served = (logs: Record<string, unknown>[]) =>
  logs.filter((line) => line.msg === 'request served');

describe('createDiscordRouter', () => {
  it('sends a command to the handler registered under its name, and ignores any other', async () => {
    const { router, logs } = setUp();
    const handled: string[] = [];
    router.command('ask', async () => {
      handled.push('ask');
      return { outcome: 'answered' };
    });
    router.command('source', async () => {
      handled.push('source');
      return { outcome: 'other' };
    });
    await router.onInteraction(fakeInteraction({ command: 'source' }));
    await router.onInteraction(fakeInteraction({ command: 'unknown' }));
    expect(handled).toEqual(['source']);
    expect(served(logs)).toEqual([
      expect.objectContaining({ event: 'source', userId: 'user-1', outcome: 'other' }),
    ]);
  });

  it('sends a button to the first handler whose custom id matches', async () => {
    const { router } = setUp();
    const handled: string[] = [];
    router.button(
      (id) => id.startsWith('more:'),
      async () => {
        handled.push('more');
        return { outcome: 'answered' };
      },
    );
    router.button(
      () => true,
      async () => {
        handled.push('any');
        return { outcome: 'other' };
      },
    );
    await router.onInteraction(fakeInteraction({ customId: 'more:3:q:harbour' }));
    await router.onInteraction(fakeInteraction({ customId: 'share:1' }));
    expect(handled).toEqual(['more', 'any']);
  });

  it('logs a failing handler with its context, apologises privately, and serves the next event', async () => {
    const { router, logs } = setUp();
    let calls = 0;
    router.command('ask', async () => {
      calls += 1;
      if (calls === 1) throw new Error('injected');
      return { outcome: 'answered' };
    });
    const sent: unknown[] = [];
    await router.onInteraction(fakeInteraction({ command: 'ask' }, sent));
    expect(sent).toEqual([
      expect.objectContaining({ content: FRIENDLY_ERROR, flags: MessageFlags.Ephemeral }),
    ]);
    expect(logs.find((line) => line.msg === 'failed to answer')).toMatchObject({
      level: 50,
      event: 'interaction',
      interactionId: 'interaction-1',
      channelId: 'channel-1',
      err: { message: 'injected' },
    });
    await router.onInteraction(fakeInteraction({ command: 'ask' }));
    expect(served(logs).map((line) => line.outcome)).toEqual(['failed', 'answered']);
  });

  it('logs an apology that cannot be sent, and never rejects', async () => {
    const { router, logs } = setUp();
    router.message(async () => {
      throw new Error('injected');
    });
    const message = {
      id: 'message-1',
      channelId: 'channel-1',
      author: { id: 'user-1' },
      reply: async () => {
        throw new Error('Discord is down');
      },
    } as unknown as Message;
    await expect(router.onMessage(message)).resolves.toBeUndefined();
    expect(logs.find((line) => line.msg === 'could not send the error reply')).toMatchObject({
      level: 40,
      event: 'message',
      messageId: 'message-1',
      err: { message: 'Discord is down' },
    });
  });
});
