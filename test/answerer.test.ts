import { describe, expect, it } from 'vitest';
import { AnswerSchema, createAnswerer, loadCorpus } from '../src/index.js';

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
});
