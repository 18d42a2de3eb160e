import { describe, expect, it } from 'vitest';
import { AnswerSchema, createAnswerer, loadCorpus, parseArticle } from '../../src/index.js';
import { analyzeText } from '../../src/language/text-analysis.js';
import { SHOW_EVERY_PICK } from './show-every-pick.js';

describe('answerQuestion', () => {
  it('returns schema-valid answers whose quotes are verbatim substrings of their paragraphs', async () => {
    const qa = createAnswerer(await loadCorpus('corpus'));
    const answer = qa.answerQuestion('How many troops has Russia gathered near the border?');
    expect(AnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.answered).toBe(true);
    expect(answer.excerpts.length).toBeGreaterThan(0);
    for (const excerpt of answer.excerpts) expect(excerpt.text).toContain(excerpt.quote);
  });

  it('declines a question that is one enormous unknown word, without looking for its typos', async () => {
    const qa = createAnswerer(await loadCorpus('corpus'));
    const answer = qa.answerQuestion('a'.repeat(100_000));
    expect(answer.answered).toBe(false);
    expect(qa.answerQuestion(`Blinken ${'b'.repeat(40)}`).excerpts.length).toBeGreaterThan(0);
  });

  it('reads a run of letters too long for a word as several tokens, at their true offsets', () => {
    const text = `${'x'.repeat(450)} harbour`;
    const { tokens } = analyzeText(text);
    for (const token of tokens) {
      expect(token.end - token.start).toBeLessThanOrEqual(200);
      expect(text.slice(token.start, token.end)).toBe(token.text);
    }
    expect(tokens.at(-1)).toMatchObject({ text: 'harbour', start: 451 });
  });

  it('reads a contraction that wink-nlp leaves without a lemma, in a question and in the corpus', async () => {
    // wink-nlp splits "cannot" after most words, but not after an unknown name.
    expect(analyzeText('Skylab Rou cannot?').tokens.map((t) => t.lemma)).toEqual([
      'skylab',
      'rou',
      'cannot',
      '?',
    ]);
    const qa = createAnswerer(await loadCorpus('corpus'));
    expect(AnswerSchema.safeParse(qa.answerQuestion('Blinken Rou cannot?')).success).toBe(true);
    const article = parseArticle(
      'rou.md',
      '---\ntitle: Rou\n---\nMinister Rou cannot attend the summit in Oslo.\n',
    );
    const story = createAnswerer({ dir: 'memory', documents: [article] });
    expect(story.answerQuestion('Who cannot attend the summit?').excerpts[0]?.paragraph).toBe(1);
  });

  it('matches a name typed without its accents, and quotes it with them', () => {
    const article = parseArticle(
      'singer.md',
      '---\ntitle: Halftime\n---\nThe halftime show was headlined by Beyoncé in Łódź.\n',
    );
    const qa = createAnswerer({ dir: 'memory', documents: [article] }, { model: SHOW_EVERY_PICK });
    const answer = qa.answerQuestion('Where did Beyonce headline the show?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe('Łódź');
    expect(answer.excerpts[0]?.quote).toContain('Beyoncé');
  });
});
