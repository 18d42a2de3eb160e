import { describe, expect, it } from 'vitest';
import { renderAnswer, renderAnswerLine } from '../../../adapters/terminal/render.js';
import { ANSI, chooseStyle, PLAIN, wantsColour } from '../../../adapters/terminal/style.js';
import { visibleWidth, wrapText } from '../../../adapters/terminal/wrap.js';
import type { Answer, Excerpt } from '../../../src/index.js';
import { answerFixture, excerptFixture } from '../answer-fixtures.js';

const excerpt = (quote: string, url: string | null = null): Excerpt =>
  excerptFixture({ quote, url });

const answer = (fields: Partial<Answer>): Answer =>
  answerFixture({ excerpts: [excerpt('The ferry sails at noon.')], hasMore: true, ...fields });

describe('wrapText', () => {
  it('breaks at word boundaries within the width, continuation lines indented', () => {
    const text = '1. The lighthouse keeper repaired the lamp on Tuesday after the storm.';
    const wrapped = wrapText(text, 30, 3);
    expect(wrapped).toBe(
      '1. The lighthouse keeper\n   repaired the lamp on\n   Tuesday after the storm.',
    );
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('measures without ANSI styling and never cuts a word longer than the line', () => {
    const styled = `${ANSI.highlight('harbour')} ${'x'.repeat(40)} end`;
    expect(visibleWidth(ANSI.bold('abc'))).toBe(3);
    expect(wrapText(styled, 25).split('\n')).toEqual([
      ANSI.highlight('harbour'),
      'x'.repeat(40),
      'end',
    ]);
  });

  it('leaves text alone when there is no terminal width', () => {
    const long = 'word '.repeat(50).trim();
    expect(wrapText(long, undefined)).toBe(long);
  });
});

describe('colour choice', () => {
  it('follows FORCE_COLOR, then NO_COLOR, then whether output is a terminal', () => {
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(chooseStyle({ NO_COLOR: 'yes' }, true)).toBe(PLAIN);
  });
});

describe('renderAnswer for a terminal', () => {
  it('says "here is what the article says" when there is no short answer', () => {
    expect(renderAnswer(answer({}), { articleCount: 1 }).split('\n')[0]).toBe(
      'Here is what the article says:',
    );
  });

  it('says the articles are silent, and marks the excerpts as possibly related', () => {
    const text = renderAnswer(answer({ answered: false }), { articleCount: 3 });
    expect(text.split('\n').slice(0, 2)).toEqual([
      'That is not in the articles.',
      'Possibly related:',
    ]);
  });

  it('adds the :more hint only when asked to (the REPL), and links to the quote', () => {
    const linked = answer({ excerpts: [excerpt('The ferry sails.', 'https://example.com/a')] });
    expect(renderAnswer(linked)).not.toContain(':more');
    expect(renderAnswer(linked, { moreHint: true })).toContain('(:more for further excerpts)');
    expect(renderAnswer(linked)).toContain('https://example.com/a#:~:text=The%20ferry%20sails');
  });

  it('highlights inside the trimmed quote marks only', () => {
    const quote = '“Ferry sails.”';
    const highlighted = { ...excerpt(quote), highlights: [{ start: 0, end: 6 }] };
    expect(renderAnswer(answer({ excerpts: [highlighted] }), { style: ANSI })).toContain(
      `“${ANSI.highlight('Ferry')} sails.”`,
    );
  });
});

describe('renderAnswerLine', () => {
  it('says each outcome in the same words as the other front ends', () => {
    expect(renderAnswerLine(answer({ answered: false, excerpts: [] }), 2)).toBe(
      'That is not in the articles.',
    );
    expect(renderAnswerLine(answer({}))).toBe(
      'Here is what the article says: | Harbour news ¶2: “The ferry sails at noon.”',
    );
    expect(renderAnswerLine(answer({ answer: 'noon' }))).toBe(
      'noon | Harbour news ¶2: “The ferry sails at noon.”',
    );
  });
});
