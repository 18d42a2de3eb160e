import { beforeAll, describe, expect, it } from 'vitest';
import { createReplSession, REPL_USAGE } from '../../../adapters/repl/session.js';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';

let qa: Answerer;
beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('test/fixtures/corpus-basic'));
});

const QUESTION = 'When does the harbour open?';

describe('REPL input bounds and rate limit', () => {
  it('asks for a shorter question past 500 characters instead of answering part of it', async () => {
    const session = createReplSession(qa);
    const long = `${QUESTION} ${'x'.repeat(600)}`;
    expect((await session.handleLine(long)).output).toBe(
      'Please ask a shorter question: I answer questions of up to 500 characters, and yours has 628.',
    );
    expect((await session.handleLine(':more')).output).toBe(
      'Ask a question first; :more shows its next excerpts.',
    );
  });

  it('shows usage for a line with nothing to ask once cleaned', async () => {
    const session = createReplSession(qa);
    expect((await session.handleLine('🎉 \u200B\u202E ??')).output).toBe(REPL_USAGE);
  });

  it('answers the cleaned question: invisible and bidi characters do not change the answer', async () => {
    const plain = (await createReplSession(qa).handleLine(QUESTION)).output;
    const noisy = (
      await createReplSession(qa).handleLine(`When\u200B does the\u202E harbour\u2066 open?\u0007`)
    ).output;
    expect(noisy).toBe(plain);
  });

  it('limits questions with the shared rate limiter when given one, telling the user once', async () => {
    const session = createReplSession(qa, {
      limiter: createRateLimiter({ perMinute: 1, burst: 2 }),
    });
    expect((await session.handleLine(QUESTION)).output).toContain('Harbour');
    expect((await session.handleLine(QUESTION)).output).toContain('Harbour');
    expect((await session.handleLine(QUESTION)).output).toBe(
      'You are asking faster than I can answer. Please wait 2 minutes and ask again.',
    );
    expect((await session.handleLine(QUESTION)).output).toBe('');
    expect((await session.handleLine(':docs')).output).toContain('harbour_notes');
  });
});
