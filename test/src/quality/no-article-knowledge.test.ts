import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { analyzeText } from '../../../src/language/text-analysis.js';
import { openWordNet } from '../../../src/language/wordnet.js';
import { DEFAULT_TUNING } from '../../../src/tuning.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CODE_FOLDERS = ['src', 'adapters'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(folder, entry.name))
      : /\.(?:ts|mts|js|mjs|json|ya?ml|md)$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

/**
 * The shipped corpus's own names: proper nouns WordNet does not know ("Blinken"), or knows only
 * as places. Ordinary words written with a capital ("Minister", "Monday") are not counted.
 */
async function corpusNames(): Promise<Set<string>> {
  const wordnet = openWordNet(DEFAULT_TUNING.language.wordnet);
  const corpus = await loadCorpus(join(ROOT, 'corpus'));
  const names = new Set<string>();
  for (const document of corpus.documents) {
    for (const token of analyzeText(document.paragraphs.join('\n\n')).tokens) {
      if (token.pos !== 'PROPN' || !/^\p{Lu}[\p{L}-]{2,}$/u.test(token.text)) continue;
      const lower = token.text.toLowerCase();
      // A plural ("Partners") is known by its singular.
      const known = wordnet.knows(lower) || wordnet.knows(lower.replace(/s$/, ''));
      const onlyPlace =
        wordnet.partsOfSpeech(lower).join() === 'noun' &&
        wordnet.nounKinds(lower).every((kind) => kind === 'noun.location');
      if (!known || onlyPlace) names.add(token.text);
    }
  }
  return names;
}

describe('no article-specific knowledge in the core or the adapters', () => {
  it('never names a person or place of the shipped corpus, not even in a comment', async () => {
    const names = await corpusNames();
    // The guard would pass vacuously on a corpus it found no names in.
    expect(names.size).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of CODE_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)))) {
      const text = readFileSync(file, 'utf8');
      for (const name of names) {
        if (new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(text)) {
          found.push(`${file.slice(ROOT.length + 1)}: ${name}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
