import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAskValue, encodeAskValue } from '../../../adapters/slack/action-value.js';
import {
  renderAnswer,
  renderExcerpt,
  renderFailure,
  SLACK_LIMITS,
} from '../../../adapters/slack/render.js';
import {
  readCommandRequest,
  renderArticleList,
  renderHelp,
} from '../../../adapters/slack/render-corpus.js';
import { type Answer, type Excerpt, MAX_QUESTION_CHARS } from '../../../src/index.js';
import { answerFixture, excerptFixture } from '../answer-fixtures.js';
import { blockTexts, buttonOf, buttonsOf, quoteOf } from './harness.js';

function excerpt(overrides: Partial<Excerpt> = {}): Excerpt {
  return excerptFixture({
    documentId: 'story',
    title: 'The story',
    url: 'https://example.com/story',
    paragraph: 4,
    quote: 'The minister arrived in Kyiv on Wednesday.',
    ...overrides,
  });
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return answerFixture({
    question: 'When did the minister arrive?',
    answer: 'on Wednesday',
    excerpts: [excerpt()],
    questionType: 'when',
    confidence: { answered: 0.9, answer: 0.85 },
    ...overrides,
  });
}

/** Every text object in the message, including button labels' neighbours and the fallback. */
const allTexts = (message: { text: string; blocks: unknown }) => [
  message.text,
  ...blockTexts(message.blocks),
];

describe('renderAnswer', () => {
  it('puts the question, then the short answer, then each excerpt as a quote with title · ¶N · link to the quote', () => {
    const message = renderAnswer(answer());
    expect(blockTexts(message.blocks)).toEqual([
      '*Question:* When did the minister arrive?',
      '*on Wednesday*',
      '> The minister arrived in Kyiv on Wednesday.\n— The story · ¶4 · ' +
        '<https://example.com/story#:~:text=The%20minister%20arrived%20in%20Kyiv%20on%20Wednesday|link>',
    ]);
    expect(message.text).toBe(
      'on Wednesday\n“The minister arrived in Kyiv on Wednesday.” — The story, ¶4',
    );
  });

  it('leaves the link out when the article has no url or a non-http one', () => {
    expect(renderExcerpt(excerpt({ url: null })).text?.text).toMatch(/— The story · ¶4$/);
    expect(renderExcerpt(excerpt({ url: 'javascript:alert(1)' })).text?.text).toMatch(
      /— The story · ¶4$/,
    );
  });

  it('says "Here is what the article says" when there is no short answer', () => {
    const message = renderAnswer(answer({ answer: null }), { articleCount: 2 });
    expect(blockTexts(message.blocks)[1]).toBe('Here is what the articles say:');
    expect(message.text).toMatch(/^Here is what the articles say:\n“The minister arrived/);
  });

  it('says "That is not in the article" plainly and marks any excerpts as possibly related', () => {
    const message = renderAnswer(answer({ answered: false, answer: null }));
    const texts = blockTexts(message.blocks);
    expect(texts[1]).toBe('*That is not in the article.*');
    expect(texts[2]).toBe('_Possibly related:_');
    expect(texts[3]).toMatch(/^> /);
    expect(message.text).toMatch(/^That is not in the article\./);
    const several = renderAnswer(answer({ answered: false, answer: null }), { articleCount: 3 });
    expect(several.text).toMatch(/^That is not in the articles\./);

    const empty = renderAnswer(answer({ answered: false, answer: null, excerpts: [] }));
    expect(blockTexts(empty.blocks).join('\n')).not.toContain('Possibly related');
  });

  it('says there are no further excerpts when More runs past the end', () => {
    const message = renderAnswer(answer({ answer: null, excerpts: [], offset: 6 }));
    expect(blockTexts(message.blocks)[1]).toBe('No further excerpts.');
  });

  it('marks every mrkdwn text verbatim so Slack does not parse mentions or URLs in it', () => {
    const json = JSON.stringify(renderAnswer(answer({ hasMore: true }), { share: true }).blocks);
    expect(json.match(/"type":"mrkdwn"/g)?.length).toBe(json.match(/"verbatim":true/g)?.length);
  });

  it('escapes markup in question, answer, quote and title', () => {
    const hostile = '<!channel> <!here> <@U123> <#C1> <https://evil.example|click> & done';
    const message = renderAnswer(
      answer({
        question: hostile,
        answer: hostile,
        excerpts: [excerpt({ quote: hostile, title: hostile })],
      }),
      { sharedBy: 'U0SHARER' },
    );
    const texts = allTexts(message);
    expect(texts[1]).toBe(
      '*<@U0SHARER> asked:* &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1&gt; &lt;https://evil.example|click&gt; &amp; done',
    );
    const markup = texts.join('\n').match(/<[^>]*>/g) ?? [];
    expect(markup[0]).toBe('<@U0SHARER>');
    for (const link of markup.slice(1)) {
      expect(link).toMatch(/^<https:\/\/example\.com\/story#:~:text=[^|<>\s]+\|link>$/);
    }
  });

  it('encodes characters in a url that would end the link early', () => {
    const text = renderExcerpt(excerpt({ url: 'https://example.com/a?b=1&c=2|x>y' })).text?.text;
    expect(text).toContain('<https://example.com/a?b=1&amp;c=2%7Cx%3Ey#:~:text=');
  });

  it('never trusts a sharer id that is not a Slack user id', () => {
    const texts = blockTexts(renderAnswer(answer(), { sharedBy: '<!channel>' }).blocks);
    expect(texts[0]).toBe('*Question:* When did the minister arrive?');
  });
});

describe('renderAnswer limits', () => {
  const sentence = 'The harbour master counted the boats again. ';

  it('cuts a long quote at a sentence boundary with an ellipsis and keeps the attribution', () => {
    const quote = sentence.repeat(200).trim();
    const text = renderExcerpt(excerpt({ quote })).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).toMatch(
      /boats again\. …\n— The story · ¶4 · <https:\/\/example\.com\/story#:~:text=The%20harbour%20master%20counted,counted%20the%20boats%20again\|link>$/,
    );
    expect(quote.startsWith(quoteOf(text))).toBe(true);
  });

  it('cuts a single endless sentence between words, never inside one', () => {
    const quote = `${'word '.repeat(1500)}end`;
    const text = renderExcerpt(excerpt({ quote })).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).toMatch(/ word…\n— The story · ¶4/);
  });

  it('counts escaping: a quote of ampersands still fits once escaped', () => {
    const quote = Array.from({ length: 900 }, () => '& &').join(' ');
    const text = renderExcerpt(excerpt({ quote })).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).not.toMatch(/&(?!amp;)/);
  });

  it('cuts a long title between words and still shows ¶N', () => {
    const title = 'Title words '.repeat(100).trim();
    const text = renderExcerpt(excerpt({ title })).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).toMatch(/Title words…|words Title…/);
    expect(text).toContain('· ¶4 ·');
  });

  it('shows at most 50 blocks, saying how many excerpts were left out', () => {
    const excerpts = Array.from({ length: 80 }, (_, i) => excerpt({ paragraph: i + 1 }));
    const message = renderAnswer(answer({ excerpts, hasMore: true }), { share: true });
    expect(message.blocks.length).toBe(SLACK_LIMITS.blocks);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(blockTexts(message.blocks).join('\n')).toMatch(/_\d+ further excerpts not shown\._/);
  });

  it('keeps every text within its limit and no markup but its own, whatever the article says', () => {
    const nasty = fc.constantFrom('<!channel>', '<@U1>', '&', '<', '>', '. ', '\n', ' ', 'ab');
    const text = fc
      .tuple(
        fc.array(fc.oneof(fc.string(), nasty), { maxLength: 400 }),
        fc.integer({ min: 1, max: 20 }),
      )
      .map(([parts, repeat]) => parts.join('').repeat(repeat).trim() || 'x');
    fc.assert(
      fc.property(text, text, text, (quote, title, question) => {
        const message = renderAnswer(
          answer({ question, answer: quote, excerpts: [excerpt({ quote, title }), excerpt()] }),
          { share: true },
        );
        for (const t of blockTexts(message.blocks)) {
          expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
          for (const markup of t.match(/<[^>]*>/g) ?? []) {
            expect(markup).toMatch(/^<https:\/\/example\.com\/story(#:~:text=[^|<>\s]+)?\|link>$/);
          }
        }
        expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        expect(message.text).not.toMatch(/<|>/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderAnswer buttons', () => {
  it('offers Share with what re-answers the same excerpts, and More with the next offset', () => {
    const message = renderAnswer(answer({ offset: 3, hasMore: true }), { share: true, top: 3 });
    expect(decodeAskValue(buttonOf(message.blocks, 'share_answer').value)).toEqual({
      question: 'When did the minister arrive?',
      offset: 3,
      top: 3,
    });
    expect(decodeAskValue(buttonOf(message.blocks, 'more_excerpts').value)).toEqual({
      question: 'When did the minister arrive?',
      offset: 4,
      top: 3,
    });
  });

  it('shows no Share on public answers and no More at the end', () => {
    expect(buttonsOf(renderAnswer(answer()).blocks).size).toBe(0);
  });
});

describe('encodeAskValue', () => {
  it('fits Slack’s 2,000 characters for the longest question answered, even one that JSON doubles', () => {
    const longest = '"\\'.repeat(MAX_QUESTION_CHARS / 2);
    const value = encodeAskValue({ question: longest, offset: 99, top: 3 });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeAskValue(value).question).toBe(longest);
  });

  it('rejects a value it did not write', () => {
    expect(() => decodeAskValue('{"v":1,"q":"","o":0,"n":3}')).toThrow();
    expect(() => decodeAskValue('not json')).toThrow();
    expect(() => decodeAskValue(undefined)).toThrow();
  });
});

describe('renderHelp, renderArticleList and renderFailure', () => {
  const documents = [
    {
      id: 'budget',
      title: 'Budget <!channel> & more',
      source: null,
      url: null,
      published: null,
      file: 'budget.md',
      paragraphs: ['One.', 'Two.'],
    },
  ];

  it('explains the configured command, private answers, Share, More, articles and source', () => {
    const message = renderHelp(documents, '/harbour');
    const text = blockTexts(message.blocks).join('\n');
    expect(message.text).toContain('/harbour');
    expect(text).toContain('`/harbour Who was there, and when?`');
    expect(text).toContain('only you see it, until you press *Share in channel*');
    expect(text).toContain('*More*');
    expect(text).toContain('`/harbour articles`');
    expect(text).toContain('`/harbour source 3`');
    expect(text).not.toContain('/ask');
    expect(text).toContain('Budget &lt;!channel&gt; &amp; more (2 paragraphs)');
  });

  it('lists the articles with the ids that source takes, escaped', () => {
    const text = blockTexts(renderArticleList(documents, '/ask').blocks).join('\n');
    expect(text).toContain('• `budget` Budget &lt;!channel&gt; &amp; more (2 paragraphs)');
    expect(text).toContain('`/ask source N article-id`');
  });

  it('reads articles and source N [id] from the command text, and anything else as a question', () => {
    expect(readCommandRequest('articles')).toEqual({ kind: 'articles' });
    expect(readCommandRequest(' Source 3 ')).toEqual({ kind: 'source', paragraph: 3 });
    expect(readCommandRequest('source 12 budget')).toEqual({
      kind: 'source',
      paragraph: 12,
      article: 'budget',
    });
    expect(readCommandRequest('source of the money?')).toEqual({
      kind: 'question',
      text: 'source of the money?',
    });
  });

  it('apologises without any detail', () => {
    expect(renderFailure().text).toBe(
      'Sorry, something went wrong while answering. Please try again in a moment.',
    );
  });
});
