import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundQuestion, MAX_QUESTION_CHARS } from '../../src/index.js';

describe('boundQuestion', () => {
  it('removes zero-width and bidi characters so the words they split read whole', () => {
    expect(boundQuestion('Who\u200B le\u200Dads \u202ERussia\u202C?\u2066\u2069')).toEqual({
      kind: 'question',
      question: 'Who leads Russia?',
      length: 17,
    });
  });

  it('turns control characters into spaces and drops lone surrogates', () => {
    const bounded = boundQuestion('Who\u0000leads\u0007\nRussia\uD800?\uDC00');
    expect(bounded).toMatchObject({ kind: 'question', question: 'Who leads Russia?' });
  });

  it('strips Discord and Slack mention syntax, @everyone and emoji', () => {
    const bounded = boundQuestion('<@123456> @everyone <!channel> <@U1|bob> 🚀 Who leads Russia?');
    expect(bounded).toMatchObject({ kind: 'question', question: 'Who leads Russia?' });
  });

  it('reports empty when nothing but mentions, emoji, punctuation or invisible characters is left', () => {
    for (const raw of [
      '',
      '   ',
      '<@123456>',
      '@here 🎉',
      '???',
      '\u200B\u202E\u0000',
      '<!channel>',
    ]) {
      expect(boundQuestion(raw)).toEqual({ kind: 'empty' });
    }
  });

  it('accepts exactly 500 characters after cleaning and refuses 501', () => {
    expect(boundQuestion('a'.repeat(MAX_QUESTION_CHARS))).toMatchObject({
      kind: 'question',
      length: 500,
    });
    expect(boundQuestion('a'.repeat(MAX_QUESTION_CHARS + 1))).toEqual({
      kind: 'too-long',
      length: 501,
      limit: 500,
    });
  });

  it('measures after cleaning: invisible padding does not make a short question too long', () => {
    const padded = `Who leads Russia?${'\u200B'.repeat(2_000)}`;
    expect(boundQuestion(padded)).toMatchObject({ kind: 'question', length: 17 });
  });

  it('counts characters as code points, so emoji-free non-BMP letters count once', () => {
    const bounded = boundQuestion('𝒜'.repeat(10));
    expect(bounded.kind).toBe('question');
  });

  it('refuses a 100,000-character message without cleaning it', () => {
    expect(boundQuestion('x'.repeat(100_000))).toEqual({
      kind: 'too-long',
      length: 100_000,
      limit: 500,
    });
  });

  it('takes another cap from its options', () => {
    expect(boundQuestion('abcdef', { maxChars: 5 })).toMatchObject({ kind: 'too-long', limit: 5 });
  });

  it('never returns a question that is longer than the cap, empty, or carries invisible or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1_000 }), (raw) => {
        const bounded = boundQuestion(raw);
        if (bounded.kind !== 'question') return;
        expect([...bounded.question].length).toBe(bounded.length);
        expect(bounded.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(bounded.question).toMatch(/[\p{L}\p{N}]/u);
        expect(bounded.question).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(bounded.question).not.toMatch(/<[@#!]|@everyone|@here/);
      }),
      { numRuns: 500 },
    );
  });
});
