import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockQuote,
  ELLIPSIS,
  escapeMarkdown,
  truncateText,
} from '../../../adapters/discord/markdown.js';
import { unescapeMarkdown } from './harness.js';

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, spoilers, quotes and links', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| > f [g](h)')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\> f \\[g\\](h)',
    );
  });

  it('shows mentions as text: @everyone, @here, users, roles and channels', () => {
    expect(escapeMarkdown('@everyone @here <@123> <@&9> <#7>')).toBe(
      '\\@everyone \\@here \\<@123\\> \\<@&9\\> \\<#7\\>',
    );
  });

  it('escapes headings, list markers and numbered lists only at the start of a line', () => {
    expect(escapeMarkdown('# Title\n- item\n1. first\nA 1. B - C # D')).toBe(
      '\\# Title\n\\- item\n1\\. first\nA 1. B - C # D',
    );
  });

  it('round-trips: removing the escapes gives back the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => {
        expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
      }),
    );
  });
});

describe('blockQuote', () => {
  it('marks every line as quoted', () => {
    expect(blockQuote('one\ntwo')).toBe('> one\n> two');
  });
});

describe('truncateText', () => {
  it('leaves text that fits alone', () => {
    expect(truncateText('Short enough.', 13)).toBe('Short enough.');
  });

  it('cuts at the last sentence end that keeps at least half the room', () => {
    const text = 'The first sentence is here. The second one follows it. And a third runs long.';
    expect(truncateText(text, 60)).toBe(
      `The first sentence is here. The second one follows it. ${ELLIPSIS}`,
    );
  });

  it('falls back to a word boundary when the only sentence end is too early', () => {
    const text = 'Yes. Then a very long sentence without any full stop goes on and on and on';
    const cut = truncateText(text, 40);
    expect(cut).toBe(`Yes. Then a very long sentence without${ELLIPSIS}`);
  });

  it('drops a dangling comma or dash before the ellipsis', () => {
    expect(truncateText('alpha beta, gamma delta', 14)).toBe(`alpha beta${ELLIPSIS}`);
  });

  it('never splits a surrogate pair when one word is longer than the limit', () => {
    const cut = truncateText('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('stays within the limit, keeps a prefix and never cuts inside a word', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}[.,!?]?$/);
    const text = fc.array(word, { minLength: 1, maxLength: 80 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 300 }), (source, max) => {
        const cut = truncateText(source, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (cut === source) return;
        expect(cut.endsWith(ELLIPSIS)).toBe(true);
        const kept = cut.slice(0, -ELLIPSIS.length).trimEnd();
        expect(source.startsWith(kept)).toBe(true);
        const longestWord = Math.max(...source.split(' ').map((w) => w.length));
        if (longestWord < max - 2 && kept.length > 0) {
          expect(source[kept.length] ?? ' ').toMatch(/[\s,.!?]/);
        }
      }),
    );
  });
});
