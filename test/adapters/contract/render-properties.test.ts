import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, renderAnswer as renderDiscord } from '../../../adapters/discord/render.js';
import { renderAnswer as renderSlack, SLACK_LIMITS } from '../../../adapters/slack/render.js';
import { type Answer, boundQuestion, type Excerpt } from '../../../src/index.js';
import { blockTexts } from '../slack/harness.js';

/** Text that tries hard to ping: mention syntax, markup, invisible and broken characters. */
const hostileText = (maxLength: number) =>
  fc.string({
    maxLength,
    size: 'max',
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '. ', '\n\n') },
      fc.constantFrom(
        '@everyone',
        '@here',
        '@\u200Beveryone',
        '<@123456789012345678>',
        '<@!1>',
        '<@&2>',
        '<#3>',
        '</ask:4>',
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<!subteam^S1>',
        '<@U0123|bob>',
        '<#C1|general>',
        '<https://evil.example|click>',
        '\\',
        '\\<',
        '&lt;!channel&gt;',
        '&amp;',
        '*',
        '_',
        '`',
        '~',
        '|',
        '>',
        '#',
        '- ',
        '1. ',
        '[a](https://e.x)',
        '\uD800',
        '\u202E',
      ),
    ),
  });

/** Paragraphs up to the corpus limit of 20,000 characters. */
const paragraph = fc
  .tuple(hostileText(2_000), fc.integer({ min: 1, max: 12 }))
  .map(([text, times]) => `x${text}`.repeat(times).slice(0, 20_000));

const excerpt: fc.Arbitrary<Excerpt> = fc
  .record({
    text: paragraph,
    title: hostileText(400).map((title) => `t${title}`),
    source: fc.option(hostileText(100)),
    url: fc.option(
      fc.oneof(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        // Front matter only checks that the URL parses; these do.
        hostileText(60).map((path) => `https://example.com/${path.replace(/\s/g, '')}`),
      ),
    ),
    paragraph: fc.integer({ min: 1, max: 10_000 }),
    cut: fc.nat(),
  })
  .map(({ text, cut, ...rest }) => {
    const start = cut % text.length;
    return {
      ...rest,
      documentId: 'doc',
      text,
      quote: text.slice(start) || text,
      score: 1,
      highlights: [],
    };
  });

const answer: fc.Arbitrary<Answer> = fc
  .record({
    raw: hostileText(1_000),
    answered: fc.boolean(),
    short: fc.option(hostileText(3_000)),
    excerpts: fc.array(excerpt, { maxLength: 5 }),
    offset: fc.nat(50),
    hasMore: fc.boolean(),
    confidence: fc.record({
      answered: fc.double({ min: 0, max: 1, noNaN: true }),
      answer: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  })
  .map(({ raw, short, ...rest }) => {
    const bounded = boundQuestion(raw);
    return {
      ...rest,
      // The adapters render what the request gate let through.
      question: bounded.kind === 'question' ? bounded.question : 'What happened?',
      answer: short,
      questionType: 'other' as const,
    };
  });

/**
 * Mentions Discord would act on: `@everyone`/`@here`, or `<@…>`, `<@&…>`, `<#…>`, `</…>` not
 * escaped by a backslash (an escaped backslash before them does not count).
 */
function liveDiscordMentions(text: string): string[] {
  const live: string[] = [];
  for (const match of text.matchAll(/<[@#/!]|@everyone|@here/g)) {
    let backslashes = 0;
    for (let i = match.index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
    if (backslashes % 2 === 0) live.push(match[0]);
  }
  return live;
}

describe('Discord renderer on arbitrary article text', () => {
  it('stays within Discord limits and never writes a live mention', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (a, echoQuestion) => {
        const message = renderDiscord(a, { echoQuestion, moreId: 'more:1' });
        expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(message.embeds.length).toBeLessThanOrEqual(10);
        let total = 0;
        for (const embed of message.embeds) {
          expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(
            DISCORD_LIMITS.embedDescription,
          );
          total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
        }
        expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
        const texts = [message.content ?? '', ...message.embeds.map((e) => e.description ?? '')];
        expect(texts.flatMap(liveDiscordMentions)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Slack renderer on arbitrary article text', () => {
  it('stays within Slack limits and never writes a live mention, only its own links', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (a, share) => {
        const message = renderSlack(a, { share });
        expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        const texts = blockTexts(message.blocks);
        for (const text of texts) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        for (const text of [message.text, ...texts]) {
          for (const markup of text.match(/<[^>]*>?/g) ?? []) {
            expect(markup).toMatch(/^<https?:\/\/[^|<>\s]*\|link>$/);
          }
          expect(text).not.toMatch(/<[!@#]/);
        }
        for (const block of message.blocks) {
          if (block.type !== 'actions') continue;
          for (const element of block.elements) {
            if (element.type === 'button') {
              expect(element.value?.length ?? 0).toBeLessThanOrEqual(2_000);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
