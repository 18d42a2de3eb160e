import MiniSearch from 'minisearch';
import type { Prediction } from '../../src/eval/scoring.js';
import type { Corpus } from '../../src/index.js';

/**
 * The reference point of the reports: plain MiniSearch with default options over the same
 * paragraphs. It never declines unless no word matches, and gives no short answer or quote.
 * It lives here, not in src/, so that the core keeps one module that imports minisearch.
 */
export function createMiniSearchPredictor(corpus: Corpus): (question: string) => Prediction {
  const paragraphNumbers = corpus.documents.flatMap((d) => d.paragraphs.map((_, i) => i + 1));
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(corpus.documents.flatMap((d) => d.paragraphs).map((text, id) => ({ id, text })));
  return (question) => {
    const hits = search.search(question);
    return {
      paragraphs: hits.map((hit) => paragraphNumbers[hit.id as number] ?? 0),
      answered: hits.length > 0,
    };
  };
}
