import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/index.js';
import { findAliases } from '../../../src/indexing/aliases.js';
import { analyzeText } from '../../../src/language/text-analysis.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';
import { reachedWords } from '../retrieval/matched-terms.js';

describe('findAliases', () => {
  const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);
  const aliasesOf = (text: string) =>
    findAliases(analyzeText(text).tokens, wordnet, DEFAULT_TUNING.indexing.aliases);

  it('learns a role from an apposition after a name', () => {
    expect(aliasesOf('Dmitri Orlov, the Estonian Foreign Minister, arrived.')).toEqual([
      { nameTerms: ['dmitri', 'orlov'], roleTerms: ['minist'] },
    ]);
  });

  it('learns a role from a title before a name', () => {
    expect(aliasesOf('Local fisherman Tomas Varga objected.')).toEqual([
      { nameTerms: ['toma', 'varga'], roleTerms: ['fisherman'] },
    ]);
  });

  it('learns a role in parentheses and skips nationalities', () => {
    expect(aliasesOf('said Maria Kell (a Vermont senator).')).toEqual([
      { nameTerms: ['maria', 'kell'], roleTerms: ['senat'] },
    ]);
    expect(aliasesOf('his British, French, and German counterparts')).toEqual([]);
  });
});

describe('answers with learned aliases', () => {
  it('lets a question that names the role reach the person', async () => {
    const corpus = await loadCorpus('test/fixtures/quality-corpus');
    // "Varga" is reached only because the corpus calls him a fisherman.
    expect(reachedWords(corpus, 'What did the fisherman warn about?')).toEqual(
      expect.arrayContaining(['fisherman', 'Varga']),
    );
  });
});
