import { describe, expect, it } from 'vitest';
import { buildRetrieverParts } from '../../../src/answerer.js';

const corpus = {
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
  const { relations } = buildRetrieverParts(corpus);
  const terms = (token: { term: string; lemma: string; text: string; pos: string }) =>
    relations.expand(token).map((m) => m.term);

  it('lets a verb reach a corpus verb through WordNet (rise ~ rebel)', () => {
    expect(terms({ term: 'rise', lemma: 'rise', text: 'rise', pos: 'VERB' })).toContain('rebel');
  });

  it('keeps an adjective from reaching it through the verb senses ("rising" tensions)', () => {
    expect(terms({ term: 'rise', lemma: 'rise', text: 'rising', pos: 'ADJ' })).not.toContain(
      'rebel',
    );
  });

  it('matches a corpus name from the adjective derived from it (Ukrainian ~ Ukraine)', () => {
    expect(
      terms({ term: 'ukrainian', lemma: 'ukrainian', text: 'Ukrainian', pos: 'PROPN' }),
    ).toContain('ukrain');
  });
});
