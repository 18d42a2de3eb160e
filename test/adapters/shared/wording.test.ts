import { describe, expect, it } from 'vitest';
import {
  answerOutcome,
  headlineOf,
  isHelpRequest,
  quoteBounds,
  quoteInline,
  wordingFor,
} from '../../../adapters/shared/wording.js';
import type { Answer } from '../../../src/index.js';
import { answerFixture } from '../answer-fixtures.js';

const answer = (fields: Partial<Answer>): Answer => answerFixture(fields);

describe('the wording of the three outcomes', () => {
  it('tells the outcomes apart', () => {
    expect(answerOutcome({ answered: true, answer: '42' })).toBe('short-answer');
    expect(answerOutcome({ answered: true, answer: null })).toBe('excerpts');
    expect(answerOutcome({ answered: false, answer: null })).toBe('not-found');
  });

  it('says "the article" for one article and "the articles" for several', () => {
    expect(wordingFor(1).notFound).toBe('That is not in the article.');
    expect(wordingFor(5).notFound).toBe('That is not in the articles.');
    expect(wordingFor(1).excerpts).toBe('Here is what the article says:');
    expect(wordingFor(2).excerpts).toBe('Here is what the articles say:');
  });

  it('heads a later page with the excerpts it holds', () => {
    const excerpt = {} as Answer['excerpts'][number];
    expect(headlineOf(answer({ offset: 3, excerpts: [excerpt, excerpt] }), 1)).toBe(
      'More from the article (excerpts 4–5):',
    );
    expect(headlineOf(answer({ offset: 3, answered: false, excerpts: [excerpt] }), 2)).toBe(
      'More possibly related excerpts (4–4):',
    );
    expect(headlineOf(answer({ offset: 3 }), 2)).toBe('No further excerpts.');
    expect(headlineOf(answer({ answer: '42', excerpts: [excerpt] }), 2)).toBeNull();
  });
});

describe('quoteInline', () => {
  it("does not double the article's own quote marks at either edge", () => {
    expect(quoteInline('“Yes,” he said.')).toBe('“Yes,” he said.”');
    expect(quoteInline('respect for territorial integrity.”')).toBe(
      '“respect for territorial integrity.”',
    );
    expect(quoteInline('"Plain marks too."')).toBe('“Plain marks too.”');
  });

  it('keeps an apostrophe at the end unless a single mark also opens the quote', () => {
    expect(quoteInline('the players’')).toBe('“the players’”');
    expect(quoteInline('‘Go,’ she said, ‘now’')).toBe('“Go,’ she said, ‘now”');
  });

  it('collapses whitespace and gives the bounds it quotes', () => {
    expect(quoteInline('  two\n lines ')).toBe('“two lines”');
    expect(quoteBounds(' “a” ')).toEqual({ start: 2, end: 3 });
  });
});

describe('isHelpRequest', () => {
  it.each(['help', 'Help?', ' HELP! ', '/help', '?'])('reads %j as asking for help', (text) => {
    expect(isHelpRequest(text)).toBe(true);
  });

  it.each(['help me find the mayor', 'Who helped?', ''])('reads %j as a question', (text) => {
    expect(isHelpRequest(text)).toBe(false);
  });
});
