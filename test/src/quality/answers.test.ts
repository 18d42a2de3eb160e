import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { SHOW_EVERY_PICK } from '../show-every-pick.js';

// Declines are the shipped model's; spans are what the pipeline picks, shown however unsure.
let declines: Answerer;
let qa: Answerer;

beforeAll(async () => {
  const corpus = await loadCorpus('test/fixtures/quality-corpus');
  declines = createAnswerer(corpus);
  qa = createAnswerer(corpus, { model: SHOW_EVERY_PICK });
});

function first(answer: Answer) {
  const excerpt = answer.excerpts[0];
  if (!excerpt) throw new Error(`no excerpt for ${answer.question}`);
  return excerpt;
}

describe('short answers', () => {
  it.each([
    ['When did the port council vote?', 'harbour-vote', 1, 'Thursday'],
    ['How many jobs will the project create?', 'harbour-vote', 2, 'about 600'],
    ['Who led the opponents of the expansion?', 'harbour-vote', 3, 'Tomas Varga'],
    ['Where did the central library reopen?', 'library-reopens', 1, 'Eastwick'],
    ['How many visitors came on the first day?', 'library-reopens', 2, '3,000'],
  ])('answers %j from %s ¶%i with %j', (question, documentId, paragraph, span) => {
    const answer = qa.answerQuestion(question);
    expect(answer.answered).toBe(true);
    expect(first(answer)).toMatchObject({ documentId, paragraph });
    expect(answer.answer).toBe(span);
    expect(first(answer).text).toContain(answer.answer);
  });

  it('gives no short answer to a why question but still quotes the paragraph', () => {
    const answer = declines.answerQuestion('Why did two councillors change their minds?');
    expect(answer.answer).toBeNull();
    expect(first(answer).paragraph).toBe(5);
  });
});

describe('matching that survives how people type', () => {
  it('finds a name typed with a typo', () => {
    const answer = qa.answerQuestion('what did tomas vargo say about the council');
    expect(first(answer)).toMatchObject({ documentId: 'harbour-vote', paragraph: 3 });
  });

  it('reads curly and straight apostrophes alike', () => {
    const curly = qa.answerQuestion('Who is the council’s longest-serving member?');
    const straight = qa.answerQuestion("Who is the council's longest-serving member?");
    expect(first(curly).paragraph).toBe(2);
    expect(first(straight).paragraph).toBe(2);
    expect(curly.answer).toBe(straight.answer);
  });

  it('matches a synonym from WordNet (building ~ construction)', () => {
    const answer = qa.answerQuestion('When will the building work start?');
    expect(first(answer)).toMatchObject({ documentId: 'harbour-vote', paragraph: 4 });
    expect(answer.answer).toBe('March');
  });

  it('matches related words through word vectors (fishermen ~ fisherman, harm ~ damage)', () => {
    const answer = qa.answerQuestion('Which fisherman said dredging would damage the herring?');
    expect(first(answer)).toMatchObject({ documentId: 'harbour-vote', paragraph: 3 });
  });
});

describe('excerpts', () => {
  it('quotes the best sentence, verbatim, with the matched words highlighted in order', () => {
    const answer = qa.answerQuestion('Who warned that dredging would harm the herring grounds?');
    const excerpt = first(answer);
    expect(excerpt.paragraph).toBe(3);
    expect(excerpt.text).toContain(excerpt.quote);
    expect(excerpt.quote.length).toBeLessThan(excerpt.text.length);
    expect(excerpt.quote).toContain('dredging would harm the herring grounds');
    const marked = excerpt.highlights.map((h) => excerpt.quote.slice(h.start, h.end));
    expect(marked).toEqual(expect.arrayContaining(['dredging', 'herring', 'grounds']));
    excerpt.highlights.forEach((h, i) => {
      expect(h.end).toBeGreaterThan(h.start);
      if (i > 0) expect(h.start).toBeGreaterThanOrEqual(excerpt.highlights[i - 1]?.end ?? 0);
    });
  });

  it('pages through further excerpts with offset, never repeating one', () => {
    const page1 = qa.answerQuestion('council vote harbour', { top: 2 });
    const page2 = qa.answerQuestion('council vote harbour', { top: 2, offset: 2 });
    expect(page1.hasMore).toBe(true);
    expect(page2.offset).toBe(2);
    const seen = [...page1.excerpts, ...page2.excerpts].map(
      (e) => `${e.documentId}:${e.paragraph}`,
    );
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('abstention', () => {
  it.each(['What is the capital of Norway?', 'How do I bake sourdough bread?'])(
    'declines %j',
    (question) => {
      const answer = declines.answerQuestion(question);
      expect(answer.answered).toBe(false);
      expect(answer.answer).toBeNull();
    },
  );

  it.each([
    'How many fishermen attended the vote?',
    'What was the name of the company that promised to monitor water quality?',
  ])('shows no short answer to %j, which the corpus touches but does not answer', (question) => {
    expect(declines.answerQuestion(question).answer).toBeNull();
  });
});
