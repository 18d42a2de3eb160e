// The training questions: the SQuAD articles of the train split, each its own corpus, with its
// answerable questions, its SQuAD 2.0 unanswerable ones, and questions of other train articles
// asked of it (off-topic: the corpus does not answer them); and each article's first half as a
// corpus of its own, asked questions whose paragraph is in the other half (on the topic, but
// not answered: what a reader asks of a news story that leaves it out).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { z } from 'zod';
import { readSquadArticles } from '../adapters/cli/eval-files.js';
import { createSquadCorpus } from '../src/eval/predictors.js';
import { type Corpus, UsageError } from '../src/index.js';

/** What a training question is to the corpus it is asked of. */
export type QuestionKind = 'answerable' | 'unanswerable' | 'off-topic' | 'removed';

/**
 * How an off-topic question was chosen: at random from any other article, among the first
 * questions of the next article (as `eval --cross` and trust.mjs choose them), or from the
 * article whose vocabulary is nearest (the hard case: a question on a related topic).
 */
export type OffTopicSource = 'random' | 'next' | 'similar';

/** One question asked of one training article. */
export interface TrainingQuestion {
  readonly question: string;
  readonly kind: QuestionKind;
  /** 0-based gold paragraph for an answerable question, else -1. */
  readonly paragraph: number;
  readonly answers: readonly string[];
  /** For an off-topic question, how it was chosen. */
  readonly source?: OffTopicSource;
}

/** A training article: its corpus, its fold and every question asked of it. */
export interface TrainingArticle {
  readonly title: string;
  readonly corpus: Corpus;
  /** Cross-validation fold (articles, never questions, are split). */
  readonly fold: number;
  readonly questions: readonly TrainingQuestion[];
}

/** Where the training data comes from and how it is sampled. */
export interface DatasetOptions {
  /** SQuAD v1.1 in the project's line layout. */
  readonly squad: string;
  /** The SQuAD 2.0 subset (for unanswerable questions). */
  readonly squad2: string;
  /** split.json: which articles are for training. */
  readonly split: string;
  /** Off-topic questions asked of each article, at random from the other articles. */
  readonly offTopic: number;
  /** And the first questions of the next article (in title order), as `eval --cross` asks. */
  readonly nextArticle: number;
  /** And questions of the article nearest in vocabulary, spread over it. */
  readonly similarArticle: number;
  /** Questions asked of each article's first half whose paragraph is in the second (0: none). */
  readonly removed: number;
  readonly folds: number;
  readonly seed: number;
}

const SplitSchema = z.object({ train: z.array(z.string()), heldout: z.array(z.string()) });

/** Reads the train split's articles and questions; held-out articles are never opened. */
export async function loadTrainingSet(options: DatasetOptions): Promise<TrainingArticle[]> {
  const split = SplitSchema.safeParse(JSON.parse(await readText(options.split)));
  if (!split.success) {
    throw new UsageError(
      `${options.split}: not a split file ({ "train": [...], "heldout": [...] }).`,
    );
  }
  const train = new Set(split.data.train);
  const articles = (await readSquadArticles(options.squad)).filter((a) => train.has(a.title));
  const extra = (await readSquadArticles(options.squad2)).filter((a) => train.has(a.title));
  const titles = articles.map((a) => a.title).sort();
  const nearest = nearestArticles(articles);
  const random = xoroshiro128plus(options.seed);
  return titles.flatMap((title, at) => {
    const article = articles.find((a) => a.title === title);
    if (!article) throw new Error(`no article ${title}`);
    const own: TrainingQuestion[] = article.questions.map((q) => ({
      question: q.question,
      kind: 'answerable',
      paragraph: q.paragraph - 1,
      answers: q.answers,
    }));
    const unanswerable: TrainingQuestion[] = (extra.find((a) => a.title === title)?.questions ?? [])
      .filter((q) => q.unanswerable)
      .map((q) => ({ question: q.question, kind: 'unanswerable', paragraph: -1, answers: [] }));
    const others = articles.filter((a) => a.title !== title);
    const offTopic: TrainingQuestion[] = [];
    for (let i = 0; i < options.offTopic; i += 1) {
      const from = others[uniformInt(random, 0, others.length - 1)];
      const pool = from?.questions ?? [];
      const q = pool[uniformInt(random, 0, pool.length - 1)];
      if (q)
        offTopic.push({
          question: q.question,
          kind: 'off-topic',
          paragraph: -1,
          answers: [],
          source: 'random',
        });
    }
    const next = articles.find((a) => a.title === titles[(at + 1) % titles.length]);
    for (const q of (next?.questions ?? [])
      .filter((q) => !q.unanswerable)
      .slice(0, options.nextArticle)) {
      offTopic.push({
        question: q.question,
        kind: 'off-topic',
        paragraph: -1,
        answers: [],
        source: 'next',
      });
    }
    const similar = nearest.get(title);
    const pool = (similar?.questions ?? []).filter((q) => !q.unanswerable);
    const stride = Math.max(1, pool.length / Math.max(1, options.similarArticle));
    for (let i = 0, n = 0; i < pool.length && n < options.similarArticle; i += stride, n += 1) {
      const q = pool[Math.floor(i)] as (typeof pool)[number];
      offTopic.push({
        question: q.question,
        kind: 'off-topic',
        paragraph: -1,
        answers: [],
        source: 'similar',
      });
    }
    const whole: TrainingArticle = {
      title,
      corpus: createSquadCorpus(article),
      fold: at % options.folds,
      questions: [...own, ...unanswerable, ...offTopic],
    };
    if (options.removed === 0) return [whole];
    const half = Math.ceil(article.paragraphs.length / 2);
    const cut = own.filter((q) => q.paragraph >= half);
    // Evenly spread over the second half, so no one paragraph's questions dominate.
    const step = Math.max(1, cut.length / options.removed);
    const removed: TrainingQuestion[] = [];
    for (let i = 0; i < cut.length && removed.length < options.removed; i += step) {
      const q = cut[Math.floor(i)] as TrainingQuestion;
      removed.push({ ...q, kind: 'removed', paragraph: -1 });
    }
    const firstHalf: TrainingArticle = {
      title: `${title} (first half)`,
      corpus: createSquadCorpus({ ...article, paragraphs: article.paragraphs.slice(0, half) }),
      fold: whole.fold,
      questions: removed,
    };
    return [whole, firstHalf];
  });
}

/**
 * For each article, the other one whose words are most alike: cosine similarity of their
 * tf-idf vectors over words of four letters or more.
 */
function nearestArticles<T extends { title: string; paragraphs: readonly string[] }>(
  articles: readonly T[],
): Map<string, T> {
  const counts = articles.map((a) => {
    const count = new Map<string, number>();
    for (const word of a.paragraphs
      .join(' ')
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? []) {
      count.set(word, (count.get(word) ?? 0) + 1);
    }
    return count;
  });
  const documents = new Map<string, number>();
  for (const count of counts)
    for (const word of count.keys()) documents.set(word, (documents.get(word) ?? 0) + 1);
  const vectors = counts.map((count) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, n] of count) {
      const weight = (1 + Math.log(n)) * Math.log(articles.length / (documents.get(word) ?? 1));
      vector.set(word, weight);
      norm += weight * weight;
    }
    return { vector, norm: Math.sqrt(norm) || 1 };
  });
  const nearest = new Map<string, T>();
  articles.forEach((article, i) => {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    const a = vectors[i] as (typeof vectors)[number];
    vectors.forEach((b, j) => {
      if (j === i) return;
      let dot = 0;
      for (const [word, weight] of a.vector) dot += weight * (b.vector.get(word) ?? 0);
      const score = dot / (a.norm * b.norm);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    if (best >= 0) nearest.set(article.title, articles[best] as T);
  });
  return nearest;
}

/** SHA-256 of each data file, so the model file says exactly what it was trained on. */
export async function fingerprintData(files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    out[file.split('/').pop() ?? file] = createHash('sha256')
      .update(await readText(file))
      .digest('hex');
  }
  return out;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: cannot read the training data${code ? ` (${code})` : ''}. Check the path, or pass --squad, --squad2 and --split.`,
    );
  }
}
