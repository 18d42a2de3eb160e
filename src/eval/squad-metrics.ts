// eval/: scoring answers against gold question files: SQuAD metrics, ranks, the baseline.
// May import: answerer.ts, corpus, the answer contract (never index.ts).
/**
 * Short-answer scoring exactly as the official SQuAD v1.1 evaluation script does it
 * (`evaluate-v1.1.py`: `normalize_answer`, `exact_match_score`, `f1_score` and
 * `metric_max_over_ground_truths`), so our figures compare with published ones.
 */

// Python's `string.punctuation`: ASCII only, so curly quotes and dashes survive, as in the script.
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// Python's `\b` is Unicode-aware; JavaScript's is not, so the word boundary is spelled out.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's `str.split()` also splits on the ASCII separators \x1c-\x1f.
const WHITESPACE = /[\s\x1c-\x1f]+/;

/**
 * Normalises an answer the SQuAD way: lower-case, strip ASCII punctuation, drop the articles
 * a/an/the, squeeze whitespace.
 *
 * @example normalizeAnswer('The  "Denver" Broncos!') // → 'denver broncos'
 */
export function normalizeAnswer(text: string): string {
  return tokenize(text).join(' ');
}

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(ASCII_PUNCTUATION, '')
    .replace(ARTICLES, ' ')
    .split(WHITESPACE)
    .filter((token) => token.length > 0);
}

/** 1 when the normalised prediction equals the normalised gold answer, else 0. */
export function exactMatch(prediction: string, gold: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(gold) ? 1 : 0;
}

/** Token-overlap F1 of the normalised prediction against one normalised gold answer. */
export function f1Score(prediction: string, gold: string): number {
  const predicted = tokenize(prediction);
  const expected = tokenize(gold);
  const remaining = new Map<string, number>();
  for (const token of expected) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      remaining.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * The best score of `prediction` over every gold answer, as the official script takes it;
 * 0 when there is no prediction (the bot gave no short answer) or no gold answer.
 */
export function bestOverGold(
  metric: (prediction: string, gold: string) => number,
  prediction: string | null,
  golds: readonly string[],
): number {
  if (prediction === null) return 0;
  let best = 0;
  for (const gold of golds) best = Math.max(best, metric(prediction, gold));
  return best;
}
