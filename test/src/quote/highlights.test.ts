import { beforeAll, describe, expect, it } from 'vitest';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';

let qa: Answerer;
beforeAll(async () => {
  qa = createAnswerer(await loadCorpus('corpus'));
});

/** The highlighted words of every excerpt of an answer, lower-cased. */
function highlighted(question: string): string[] {
  return qa
    .answerQuestion(question, { top: 5 })
    .excerpts.flatMap((e) => e.highlights.map((h) => e.quote.slice(h.start, h.end).toLowerCase()));
}

describe('highlights', () => {
  it('mark only the words the question used, not the related words that matched', () => {
    const words = highlighted('How many troops has Russia gathered near the border?');
    expect(words).toEqual(expect.arrayContaining(['troops', 'russia', 'gathered', 'border']));
    for (const related of ['tanks', 'weapons', 'rebels', 'people', 'killed', 'soldiers']) {
      expect(words).not.toContain(related);
    }
    const stems = ['troop', 'russia', 'gather', 'near', 'border'];
    for (const word of words)
      expect(
        stems.some((s) => word.startsWith(s)),
        word,
      ).toBe(true);
  });

  it("mark the question's words in their other forms (meet ~ meeting)", () => {
    const words = highlighted('Who will Blinken meet in Berlin?');
    expect(words).toEqual(expect.arrayContaining(['blinken', 'meet', 'berlin']));
  });
});
