import { existsSync } from 'node:fs';
import { buildWordVectorsCache, wordVectorsCachePath } from '../../src/language/word-vectors.js';

// Runs at `npm ci` (the prepare script) so the first question never waits for the conversion.
const target = wordVectorsCachePath();
if (!existsSync(target)) {
  const started = performance.now();
  buildWordVectorsCache(target);
  process.stderr.write(
    `article-qa: word vectors cached in ${target} (${Math.round(performance.now() - started)} ms)\n`,
  );
}
