import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DISCORD_LIMITS,
  renderAnswer,
  renderAttribution,
  renderParagraph,
} from '../../../adapters/discord/render.js';
import { type Answer, AnswerSchema, type Excerpt } from '../../../src/index.js';
import { answerFixture, excerptFixture } from '../answer-fixtures.js';
import { quotedText, unescapeMarkdown } from './harness.js';

const LONG_PARAGRAPH = (() => {
  const file = readFileSync('test/fixtures/discord-corpus/lighthouse.md', 'utf8');
  return file.split('\n\n')[1] ?? '';
})();

function excerpt(overrides: Partial<Excerpt> = {}): Excerpt {
  const quote = overrides.quote ?? 'The council approved the budget on Tuesday.';
  return excerptFixture({
    documentId: 'council',
    title: 'Council backs pier',
    source: 'Gazette',
    url: 'https://example.com/council',
    paragraph: 3,
    quote,
    ...overrides,
  });
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return AnswerSchema.parse(
    answerFixture({
      question: 'When was the budget approved?',
      answer: 'on Tuesday',
      excerpts: [excerpt()],
      questionType: 'when',
      confidence: { answered: 0.9, answer: 0.85 },
      ...overrides,
    }),
  );
}

function embedsTotal(message: ReturnType<typeof renderAnswer>): number {
  return message.embeds.reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0),
    0,
  );
}

describe('renderAnswer', () => {
  it('puts the short answer in bold and each excerpt in a quote with title · ¶N · a link to the quote', () => {
    const message = renderAnswer(answer());
    expect(message.content).toBe('**on Tuesday**');
    expect(message.embeds[0]?.description).toBe(
      '> The council approved the budget on Tuesday.\n— *Council backs pier* · ¶3 · ' +
        '[link](https://example.com/council#:~:text=The%20council%20approved%20the%20budget%20on%20Tuesday)',
    );
    expect(message.components).toEqual([]);
  });

  it('says "here is what the article says" when there is no short answer', () => {
    expect(renderAnswer(answer({ answer: null })).content).toBe('Here is what the article says:');
    expect(renderAnswer(answer({ answer: null }), { articleCount: 4 }).content).toBe(
      'Here is what the articles say:',
    );
  });

  it('leaves the link out when the article has no url', () => {
    expect(renderAttribution(excerpt({ url: null }))).toBe('— *Council backs pier* · ¶3');
  });

  it('says plainly that the article does not answer, and marks excerpts as possibly related', () => {
    const message = renderAnswer(answer({ answered: false, answer: null }));
    expect(message.content).toBe('That is not in the article.');
    expect(message.embeds[0]?.title).toBe('Possibly related');
    const several = renderAnswer(answer({ answered: false, answer: null }), { articleCount: 2 });
    expect(several.content).toBe('That is not in the articles.');
    const none = renderAnswer(answer({ answered: false, answer: null, excerpts: [] }));
    expect(none.content).toBe('That is not in the article.');
    expect(none.embeds).toEqual([]);
  });

  it('echoes the question escaped, so @everyone and Markdown show as typed', () => {
    const message = renderAnswer(answer({ question: '@everyone is *this* <@1> true?' }), {
      echoQuestion: true,
    });
    expect(message.content?.split('\n')[0]).toBe('> \\@everyone is \\*this\\* \\<@1\\> true?');
  });

  it('escapes Markdown and mentions in quotes, titles and short answers', () => {
    const quote = 'Ruiz said @everyone <@123> <!channel> & < > must read the **fine** print.';
    const message = renderAnswer(
      answer({
        answer: '**fine** @here',
        excerpts: [excerpt({ quote, title: 'Pier_plan *new*' })],
      }),
    );
    expect(message.content).toBe('**\\*\\*fine\\*\\* \\@here**');
    const description = message.embeds[0]?.description ?? '';
    expect(quotedText(description)).toBe(quote);
    expect(description).not.toMatch(/(?<!\\)@everyone|(?<!\\)<@/);
    expect(description).toContain('— *Pier\\_plan \\*new\\** · ¶3');
  });

  it('adds a More button only when there are more excerpts and an id for it', () => {
    expect(renderAnswer(answer({ hasMore: true })).components).toEqual([]);
    const message = renderAnswer(answer({ hasMore: true }), { moreId: 'more:3:q:budget' });
    expect(message.components[0]?.components[0]).toMatchObject({
      label: 'More',
      custom_id: 'more:3:q:budget',
    });
  });

  it('labels a later page as more excerpts and shows their range', () => {
    const message = renderAnswer(answer({ offset: 3, answer: null }));
    expect(message.content).toBe('More from the article (excerpts 4–4):');
  });

  it('stays within every limit with very long quotes, cutting at sentences and keeping attributions', () => {
    const long = excerpt({ quote: LONG_PARAGRAPH, title: 'T'.repeat(300), paragraph: 12 });
    const message = renderAnswer(
      answer({
        question: `Why ${'really '.repeat(500)}?`,
        answer: LONG_PARAGRAPH,
        excerpts: [long, long, long],
      }),
      { echoQuestion: true },
    );
    expect(LONG_PARAGRAPH.length).toBeGreaterThan(DISCORD_LIMITS.embedsTotal);
    expect(message.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(embedsTotal(message)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    for (const embed of message.embeds) {
      const description = embed.description ?? '';
      expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(description).toMatch(
        /[.!?] …\n— \*T+…\* · ¶12 · \[link\]\(https:\/\/example\.com\/council#:~:text=[^)\s]+\)$/,
      );
      expect(LONG_PARAGRAPH.startsWith(quotedText(description))).toBe(true);
    }
  });
});

describe('renderParagraph', () => {
  it('quotes the whole paragraph when it fits', () => {
    const text = 'First sentence. Second sentence with `code`.';
    const description = renderParagraph(excerpt({ text, quote: text })).embeds[0]?.description;
    expect(unescapeMarkdown(description ?? '')).toContain(`> ${text}\n— `);
  });

  it('cuts a very long paragraph to one embed description, attribution intact', () => {
    const message = renderParagraph(excerpt({ text: LONG_PARAGRAPH, quote: LONG_PARAGRAPH }));
    const description = message.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(description.length).toBeGreaterThan(DISCORD_LIMITS.embedDescription / 2);
    expect(description).toMatch(
      /— \*Council backs pier\* · ¶3 · \[link\]\(https:\/\/example\.com\/council#:~:text=[^)\s]+\)$/,
    );
  });
});
