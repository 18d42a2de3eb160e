import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnswerFlowDeps,
  answerFollowUp,
  answerTyped,
  type TypedReplies,
} from '../../../adapters/shared/answer-flow.js';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { decideRequest } from '../../../adapters/shared/request-gate.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';

let qa: Answerer;
beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('test/fixtures/corpus-eval'));
});

/** The real core and gate, with every question the core is asked and every reply recorded. */
function setUp(options: { burst?: number; top?: number } = {}) {
  const asked: { question: string; top?: number; offset?: number }[] = [];
  const sent: string[] = [];
  const limiter = options.burst ? createRateLimiter({ perMinute: 1, burst: options.burst }) : null;
  const deps: AnswerFlowDeps = {
    qa: {
      answerQuestion(question, askOptions) {
        asked.push({ question, ...askOptions });
        return qa.answerQuestion(question, askOptions);
      },
    },
    gate: { decide: (userId, raw) => decideRequest({ platform: 'test', limiter }, userId, raw) },
    top: options.top ?? 2,
  };
  const replies: TypedReplies = {
    answer: async (answer, top) => sent.push(`answer:${answer.excerpts.length}/${top}`),
    notice: async (text) => sent.push(`notice:${text}`),
    usage: async () => sent.push('usage'),
    silent: async () => sent.push('silent'),
    beforeAnswer: async () => sent.push('before'),
  };
  /** Asks `text` as user U1 typed it, logged as `loggedLength` long. */
  const ask = (text: string, loggedLength = text.length) =>
    answerTyped(deps, { userId: 'U1', text, loggedLength }, replies);
  return { deps, replies, asked, sent, ask };
}

describe('answerTyped', () => {
  it('answers the cleaned question, acknowledging first, and logs the length as it arrived', async () => {
    const { ask, asked, sent } = setUp();
    const outcome = await ask('Who repaired\u200B the lighthouse lamp?', 99);
    expect(asked).toEqual([{ question: 'Who repaired the lighthouse lamp?', top: 2, offset: 0 }]);
    expect(outcome).toMatchObject({ outcome: 'answered', answered: true, questionLength: 99 });
    expect(outcome.excerpts).toBeGreaterThan(0);
    expect(sent).toEqual(['before', `answer:${outcome.excerpts}/2`]);
  });

  it('shows the usage help for a question with nothing to ask, without asking the core', async () => {
    const { ask, asked, sent } = setUp();
    const outcome = await ask(' ?! ');
    expect(asked).toEqual([]);
    expect(sent).toEqual(['usage']);
    expect(outcome).toEqual({ outcome: 'usage', questionLength: 4 });
  });

  it('refuses a question over the length cap with the notice, without asking the core', async () => {
    const { ask, asked, sent } = setUp();
    const text = `Who ${'really '.repeat(100)}repaired the lamp?`;
    const outcome = await ask(text);
    expect(asked).toEqual([]);
    expect(sent).toEqual([expect.stringMatching(/^notice:Please ask a shorter question/)]);
    expect(outcome).toEqual({ outcome: 'too-long', questionLength: text.length });
  });

  it('tells a rate-limited user once, then stays silent', async () => {
    const { ask, sent } = setUp({ burst: 1 });
    const question = 'Who repaired the lamp?';
    const outcomes = [await ask(question), await ask(question), await ask(question)];
    expect(outcomes.map((o) => o.outcome)).toEqual(['answered', 'rate-limited', 'silent']);
    expect(sent.slice(2)).toEqual([
      expect.stringMatching(/^notice:You are asking faster/),
      'silent',
    ]);
  });

  it('lets a failure of the core reach the caller, whose boundary apologises', async () => {
    const { deps, ask } = setUp();
    deps.qa = {
      answerQuestion() {
        throw new Error('injected');
      },
    };
    await expect(ask('Who?')).rejects.toThrow('injected');
  });
});

describe('answerFollowUp', () => {
  it('answers the carried question from its offset with its own top, without a question length', async () => {
    const { deps, replies, asked, sent } = setUp();
    const outcome = await answerFollowUp(
      deps,
      'U1',
      () => ({ question: 'harbour lighthouse boats', offset: 1, top: 1 }),
      replies,
    );
    expect(asked).toEqual([{ question: 'harbour lighthouse boats', top: 1, offset: 1 }]);
    expect(sent).toEqual(['before', 'answer:1/1']);
    expect(outcome).toMatchObject({ outcome: 'answered', excerpts: 1 });
    expect(outcome).not.toHaveProperty('questionLength');
  });

  it('reads the button only once the click is let through', async () => {
    const { deps, replies, sent } = setUp({ burst: 1 });
    let reads = 0;
    const read = () => {
      reads += 1;
      return { question: 'Who repaired the lamp?', offset: 0 };
    };
    await answerFollowUp(deps, 'U1', read, replies);
    const refused = await answerFollowUp(deps, 'U1', read, replies);
    expect(reads).toBe(1);
    expect(refused).toEqual({ outcome: 'rate-limited' });
    expect(sent.at(-1)).toMatch(/^notice:You are asking faster/);
  });

  it('tells the user when the carried question is gone, without asking the core', async () => {
    const { deps, asked } = setUp();
    const sent: string[] = [];
    const outcome = await answerFollowUp(deps, 'U1', () => null, {
      answer: async () => sent.push('answer'),
      notice: async () => sent.push('notice'),
      expired: async () => sent.push('expired'),
    });
    expect(asked).toEqual([]);
    expect(sent).toEqual(['expired']);
    expect(outcome).toEqual({ outcome: 'other' });
  });
});
