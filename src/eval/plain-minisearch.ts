// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
import MiniSearch from 'minisearch';
import type { Corpus } from '../corpus/load-corpus.js';
import { type Prediction, RANK_CUTOFF } from './scoring.js';

/** Where a paragraph is: its article's id and its 1-based number there. */
export interface ParagraphPlace {
  readonly documentId: string;
  readonly paragraph: number;
}

/**
 * The yardstick that `npm run eval -- --baseline` and `npm run bench` report beside the bot:
 * plain MiniSearch with default options over the same paragraphs, one document per paragraph.
 */
export interface PlainMiniSearch {
  /**
   * The first `limit` paragraphs MiniSearch finds for `question`, best first (its own ranking),
   * and how many it found in all.
   */
  search(question: string, limit: number): { places: ParagraphPlace[]; found: number };
  /** The index as MiniSearch serialises it (`JSON.stringify`), read back by {@link loadPlainMiniSearch}. */
  toJSON(): string;
}

/** MiniSearch's defaults, but for the one field: no fuzzy, no prefix search, its own tokenizer. */
const OPTIONS = { fields: ['text'] };

/** Indexes every paragraph of `corpus` with plain MiniSearch. */
export function createPlainMiniSearch(corpus: Corpus): PlainMiniSearch {
  const places: ParagraphPlace[] = corpus.documents.flatMap((d) =>
    d.paragraphs.map((_, i) => ({ documentId: d.id, paragraph: i + 1 })),
  );
  const search = new MiniSearch<{ id: number; text: string }>(OPTIONS);
  search.addAll(corpus.documents.flatMap((d) => d.paragraphs).map((text, id) => ({ id, text })));
  return {
    search(question, limit) {
      const hits = search.search(question);
      return {
        places: hits.slice(0, limit).map((hit) => places[hit.id as number] as ParagraphPlace),
        found: hits.length,
      };
    },
    toJSON: () => JSON.stringify(search),
  };
}

/** Reads back an index saved with {@link PlainMiniSearch.toJSON}. */
export function loadPlainMiniSearch(json: string): unknown {
  return MiniSearch.loadJSON(json, OPTIONS);
}

/**
 * The baseline as an evaluation predictor. It never declines unless no word matches, and gives
 * no short answer or quote.
 */
export function createMiniSearchPredictor(corpus: Corpus): (question: string) => Prediction {
  const baseline = createPlainMiniSearch(corpus);
  return (question) => {
    const { places, found } = baseline.search(question, RANK_CUTOFF);
    return { paragraphs: places.map((place) => place.paragraph), answered: found > 0 };
  };
}
