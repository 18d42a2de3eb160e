/**
 * Postings of a full-text index in typed arrays, scored the way MiniSearch 7 scores an OR query
 * over one field (BM25+ with k = 1.2, b = 0.7, d = 0.5, each paragraph's score multiplied by the
 * number of query terms it holds), but keeping only the best `limit` paragraphs instead of
 * building, scoring and sorting a result object for every match.
 */
export interface Postings {
  readonly paragraphCount: number;
  /** Paragraphs holding term `id`. */
  documentFrequency(id: number): number;
  /**
   * The best `limit` paragraphs for the terms (ids with their boosts), best first; ties keep the
   * order in which the paragraphs were first matched, as MiniSearch's stable sort does.
   */
  search(terms: readonly { id: number; boost: number }[], limit: number): PostingHit[];
  readonly columns: PostingColumns;
}

/** One paragraph found, with its score. */
export interface PostingHit {
  readonly id: number;
  readonly score: number;
}

/** The raw arrays of {@link Postings}, for the snapshot file. */
export interface PostingColumns {
  /** Term `t`'s postings are `paragraphs[starts[t]]` … `paragraphs[starts[t + 1] - 1]`. */
  readonly starts: Uint32Array;
  /** Paragraph ids, ascending within each term. */
  readonly paragraphs: Uint32Array;
  /** How often the term occurs in the paragraph, aligned with `paragraphs`. */
  readonly counts: Uint32Array;
  /** Per paragraph: its number of distinct terms (MiniSearch's field length; 1 when empty). */
  readonly lengths: Uint32Array;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Gathers postings one paragraph at a time; term ids are given by the caller. */
export interface PostingsBuilder {
  /** Adds the next paragraph: its term ids in text order. */
  add(termIds: readonly number[]): void;
  finish(termCount: number): Postings;
}

/** Starts an empty {@link PostingsBuilder}. */
export function createPostingsBuilder(): PostingsBuilder {
  const lengths: number[] = [];
  let triples = new Uint32Array(3 * 4096);
  let used = 0;
  return {
    add(termIds) {
      const paragraph = lengths.length;
      const counts = new Map<number, number>();
      for (const id of termIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      lengths.push(counts.size || 1);
      if (used + 3 * counts.size > triples.length) {
        const next = new Uint32Array(Math.max(triples.length * 2, used + 3 * counts.size));
        next.set(triples);
        triples = next;
      }
      for (const [id, count] of counts) {
        triples[used++] = id;
        triples[used++] = paragraph;
        triples[used++] = count;
      }
    },
    finish(termCount) {
      // A counting sort by term keeps each term's paragraphs in ascending order.
      const starts = new Uint32Array(termCount + 1);
      for (let i = 0; i < used; i += 3) {
        const term = triples[i] ?? 0;
        starts[term + 1] = (starts[term + 1] ?? 0) + 1;
      }
      for (let t = 0; t < termCount; t += 1)
        starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
      const size = used / 3;
      const paragraphs = new Uint32Array(size);
      const counts = new Uint32Array(size);
      const next = starts.slice(0, termCount);
      for (let i = 0; i < used; i += 3) {
        const term = triples[i] ?? 0;
        const at = next[term] ?? 0;
        paragraphs[at] = triples[i + 1] ?? 0;
        counts[at] = triples[i + 2] ?? 0;
        next[term] = at + 1;
      }
      return restorePostings({ starts, paragraphs, counts, lengths: Uint32Array.from(lengths) });
    },
  };
}

/**
 * Wraps postings read back from a snapshot.
 *
 * @throws {Error} when the arrays do not fit together.
 */
export function restorePostings(columns: PostingColumns): Postings {
  const { starts, paragraphs, counts, lengths } = columns;
  const paragraphCount = lengths.length;
  const termCount = starts.length - 1;
  if (
    termCount < 0 ||
    starts[termCount] !== paragraphs.length ||
    counts.length !== paragraphs.length ||
    paragraphs.some((p) => p >= paragraphCount)
  ) {
    throw new Error('compact postings: the arrays do not fit together');
  }
  // MiniSearch's running average, in the same order, so scores agree to the last bit.
  let averageLength = 0;
  lengths.forEach((length, i) => {
    averageLength = (averageLength * i + length) / (i + 1);
  });
  const scores = new Float64Array(paragraphCount);
  const matchedTerms = new Uint32Array(paragraphCount);
  const touched = new Uint32Array(paragraphCount);

  return {
    paragraphCount,
    columns,
    documentFrequency: (id) => (starts[id + 1] ?? 0) - (starts[id] ?? 0),
    search(terms, limit) {
      let touchedCount = 0;
      for (const { id, boost } of terms) {
        const from = starts[id] ?? 0;
        const to = starts[id + 1] ?? from;
        const frequency = to - from;
        if (frequency === 0) continue;
        const idf = Math.log(1 + (paragraphCount - frequency + 0.5) / (frequency + 0.5));
        for (let i = from; i < to; i += 1) {
          const paragraph = paragraphs[i] ?? 0;
          const tf = counts[i] ?? 0;
          const length = lengths[paragraph] ?? 1;
          const raw =
            idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / averageLength)));
          if (matchedTerms[paragraph] === 0) touched[touchedCount++] = paragraph;
          scores[paragraph] = (scores[paragraph] ?? 0) + boost * raw;
          matchedTerms[paragraph] = (matchedTerms[paragraph] ?? 0) + 1;
        }
      }
      const hits = selectBest(touchedCount, limit, (slot) => {
        const paragraph = touched[slot] ?? 0;
        return (scores[paragraph] ?? 0) * (matchedTerms[paragraph] ?? 1);
      }).map((slot) => {
        const id = touched[slot] ?? 0;
        return { id, score: (scores[id] ?? 0) * (matchedTerms[id] ?? 1) };
      });
      for (let slot = 0; slot < touchedCount; slot += 1) {
        const paragraph = touched[slot] ?? 0;
        scores[paragraph] = 0;
        matchedTerms[paragraph] = 0;
      }
      return hits;
    },
  };
}

/**
 * The `limit` slots of `0 … count - 1` with the highest scores, best first, lower slots first
 * among equal scores: a bounded heap, so a query matching half the corpus costs no full sort.
 */
function selectBest(count: number, limit: number, scoreOf: (slot: number) => number): number[] {
  const size = Math.max(0, Math.min(limit, count));
  // A min-heap of the best so far; its root is the weakest kept (lowest score, then latest slot).
  const heap: { slot: number; score: number }[] = [];
  const weaker = (a: { slot: number; score: number }, b: { slot: number; score: number }) =>
    a.score < b.score || (a.score === b.score && a.slot > b.slot);
  for (let slot = 0; slot < count && size > 0; slot += 1) {
    const score = scoreOf(slot);
    const root = heap[0];
    // Later slots lose ties, so only a strictly higher score displaces the weakest kept.
    if (heap.length === size && root && score <= root.score) continue;
    const item = { slot, score };
    if (heap.length < size) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!weaker(heap[i] as typeof item, heap[parent] as typeof item)) break;
        [heap[i], heap[parent]] = [heap[parent] as typeof item, heap[i] as typeof item];
        i = parent;
      }
    } else {
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let weakest = i;
        if (left < size && weaker(heap[left] as typeof item, heap[weakest] as typeof item))
          weakest = left;
        if (right < size && weaker(heap[right] as typeof item, heap[weakest] as typeof item))
          weakest = right;
        if (weakest === i) break;
        [heap[i], heap[weakest]] = [heap[weakest] as typeof item, heap[i] as typeof item];
        i = weakest;
      }
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.slot - b.slot).map((item) => item.slot);
}
