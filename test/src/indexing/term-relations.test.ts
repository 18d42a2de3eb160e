import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/corpus/load-corpus.js';
import { createAnswerer } from '../../../src/index.js';
import { buildCorpusIndex } from '../../../src/indexing/corpus-index.js';
import { createTermRelationsFrom } from '../../../src/indexing/term-relations.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';
import { reachedWords } from '../retrieval/matched-terms.js';

const corpus: Corpus = {
  dir: '.',
  documents: [
    {
      id: 'village',
      title: 'Village tax',
      source: null,
      url: null,
      published: null,
      file: 'village.md',
      paragraphs: ['The villagers rebel against the new tax.', 'Prices in Ukraine went up.'],
    },
  ],
};

describe('term relations', () => {
  it('lets a verb reach a corpus verb through WordNet (rise ~ rebel)', () => {
    expect(reachedWords(corpus, 'Did the villagers rise against the tax?')).toContain('rebel');
  });

  it('matches a corpus name from the adjective derived from it (Ukrainian ~ Ukraine)', () => {
    expect(reachedWords(corpus, 'Did Ukrainian prices go up?')).toContain('Ukraine');
  });

  it("leaves the related words unmarked in the quote: highlights are the question's words", () => {
    const [first] = createAnswerer(corpus).answerQuestion(
      'Did the villagers rise against the tax?',
    ).excerpts;
    const marked = first?.highlights.map((h) => first.quote.slice(h.start, h.end));
    expect(marked).toEqual(['villagers', 'tax']);
  });

  it('keeps an adjective from reaching it through the verb senses ("rising" tensions)', () => {
    const built = buildCorpusIndex(corpus, DEFAULT_TUNING);
    const relations = createTermRelationsFrom(
      built.reverseRelations,
      built.index,
      openWordNet(DEFAULT_TUNING.language.wordnet),
      DEFAULT_TUNING.indexing,
    );
    const terms = (pos: string, text: string) =>
      relations.expand({ term: 'rise', lemma: 'rise', text, pos }).map((m) => m.term);
    expect(terms('VERB', 'rise')).toContain('rebel');
    expect(terms('ADJ', 'rising')).not.toContain('rebel');
  });
});
