import { splitSentences } from './prose.js';
import { createRandom, type Random } from './random.js';

/** A paragraph the benchmark asks about, named the way excerpts name it. */
export interface QueryTarget {
  readonly documentId: string;
  /** 1-based, as in `Excerpt.paragraph`. */
  readonly paragraph: number;
}

/** How a query was dressed up, so hit rates can be split by style. */
export type QueryStyle = 'typo' | 'lower' | 'prefix';

/** One benchmark question; `target` is null for a question the corpus cannot answer. */
export interface BenchQuery {
  readonly text: string;
  readonly target: QueryTarget | null;
  readonly styles: readonly QueryStyle[];
}

/** What the query generator needs of a document (an `ArticleDocument` fits). */
export interface QueryDocument {
  readonly id: string;
  readonly paragraphs: readonly string[];
}

/** Options for {@link generateQueries}. */
export interface QueryOptions {
  /** Number of questions. @default 300 */
  count?: number;
  /** Seed of the pseudo-random choices. @default 7 */
  seed?: number;
  /** Share of questions made only of words absent from the corpus. @default 0.1 */
  unanswerableShare?: number;
}

const STYLE_CHANCE = { typo: 0.3, lower: 0.3, prefix: 0.2 } as const;
const TEMPLATES = [
  '{q}',
  '{q}?',
  'what about {q}?',
  'tell me about {q}',
  'anything on {q}?',
  'what does it say about {q}?',
];
const PREFIXES = ['@bot ', '<@123456789012345678> ', 'hey @bot, '];
const STOP_WORDS = new Set(
  `a about above after again against all also am among an and any are as at be because been before
  being below between both but by can could did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how however i if in into is it its
  itself just many may me might more most much must my myself no nor not now of off on once one only
  or other our ours ourselves out over own same she should so some such than that the their theirs
  them themselves then there these they this those through to too under until up upon very was we
  were what when where which while who whom why will with within would you your yours also since
  still though thus well yet`.split(/\s+/),
);
/**
 * Real words for unanswerable questions; those that occur in the corpus are dropped, so whatever
 * is left is absent from it.
 */
export const ABSENT_WORD_CANDIDATES =
  `marzipan kazoo flamingo trombone origami wasabi yodel hammock piñata xylophone armadillo
  kumquat sauerkraut trampoline zucchini tambourine meringue platypus lasagna ukulele jellybean
  snorkel macaroon pretzel walrus gazebo hula banjo noodle pelican dandelion waffle ocelot
  kaleidoscope mongoose escargot sombrero tofu bagpipe popsicle narwhal accordion croissant
  gnocchi quokka harmonica lollipop axolotl tiramisu yeti kombucha didgeridoo capybara`.split(
    /\s+/,
  );

const WORD = /[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;

/** The distinct content words of each sentence of `paragraph`, in text order. */
export function contentWordsBySentence(paragraph: string): string[][] {
  const seen = new Set<string>();
  return splitSentences(paragraph).map((sentence) => {
    const words: string[] = [];
    for (const [word] of sentence.matchAll(WORD)) {
      const key = word.toLowerCase();
      if (word.length < 3 || STOP_WORDS.has(key) || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
    return words;
  });
}

/**
 * Introduces one typing mistake into `word` (swap, drop, double or replace a letter, never the
 * first one, so the word stays recognisable).
 */
export function misspell(word: string, random: Random): string {
  if (word.length < 4) return word;
  const at = random.int(1, word.length - 2);
  const dropped = word.slice(0, at) + word.slice(at + 1);
  let typed: string;
  switch (random.int(0, 3)) {
    case 0:
      typed = word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
      break;
    case 1:
      typed = dropped;
      break;
    case 2:
      typed = word.slice(0, at + 1) + word.slice(at);
      break;
    default:
      typed = word.slice(0, at) + 'etaoinshrdlu'.charAt(random.int(0, 11)) + word.slice(at + 1);
  }
  // Swapping two equal letters or replacing one with itself would leave the word intact.
  return typed === word ? dropped : typed;
}

/**
 * Generates a fixed, seeded set of chat-style questions over `documents`: most pick 3–6 content
 * words of one paragraph, spread over its sentences and kept in text order (some with one typo,
 * some lower-cased, some behind a chat prefix such as `@bot`), wrapped in a short template; about
 * one in ten is made of words absent from the corpus and has no target. Pure: the same documents,
 * count and seed always give the same questions.
 */
export function generateQueries(
  documents: readonly QueryDocument[],
  options: QueryOptions = {},
): BenchQuery[] {
  const count = options.count ?? 300;
  const random = createRandom(options.seed ?? 7);
  const slots: QueryTarget[] = documents.flatMap((d) =>
    d.paragraphs.map((_, i) => ({ documentId: d.id, paragraph: i + 1 })),
  );
  const textOf = new Map(documents.map((d) => [d.id, d.paragraphs]));
  const absent = absentWords(documents);
  const unanswerable =
    absent.length >= 3 ? Math.round(count * (options.unanswerableShare ?? 0.1)) : 0;
  const queries: BenchQuery[] = [];

  for (
    let attempts = 0;
    queries.length < count - unanswerable && attempts < count * 20;
    attempts += 1
  ) {
    const target = random.pick(slots);
    const text = textOf.get(target.documentId)?.[target.paragraph - 1] ?? '';
    const words = pickSpread(contentWordsBySentence(text), random.int(3, 6), random);
    if (words.length < 3) continue;
    queries.push(dressUp(words, target, random));
  }
  for (let i = 0; i < unanswerable; i += 1) {
    const words = random.shuffle(absent).slice(0, random.int(3, 5));
    queries.push(dressUp(words, null, random, false));
  }
  return random.shuffle(queries);
}

function pickSpread(sentences: string[][], wanted: number, random: Random): string[] {
  const pools = sentences.map((words) => random.shuffle(words.map((w, i) => ({ w, i }))));
  const order = sentences.flatMap((words, s) => words.map((w) => `${s}:${w}`));
  const chosen: string[] = [];
  let s = random.int(0, Math.max(0, pools.length - 1));
  for (
    let misses = 0;
    chosen.length < wanted && misses < pools.length;
    s = (s + 1) % pools.length
  ) {
    const next = pools[s]?.pop();
    if (next) {
      chosen.push(`${s}:${next.w}`);
      misses = 0;
    } else {
      misses += 1;
    }
  }
  return chosen
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((k) => k.slice(k.indexOf(':') + 1));
}

function dressUp(
  words: string[],
  target: QueryTarget | null,
  random: Random,
  allowTypo = true,
): BenchQuery {
  const styles: QueryStyle[] = [];
  let parts = [...words];
  const long = parts.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5);
  if (allowTypo && long.length > 0 && random.chance(STYLE_CHANCE.typo)) {
    const { w, i } = random.pick(long);
    parts[i] = misspell(w, random);
    styles.push('typo');
  }
  if (random.chance(STYLE_CHANCE.lower)) {
    parts = parts.map((w) => w.toLowerCase());
    styles.push('lower');
  }
  let text = random.pick(TEMPLATES).replace('{q}', parts.join(' '));
  if (random.chance(STYLE_CHANCE.prefix)) {
    text = random.pick(PREFIXES) + text;
    styles.push('prefix');
  }
  return { text, target, styles };
}

function absentWords(documents: readonly QueryDocument[]): string[] {
  const present = new Set<string>();
  for (const d of documents) {
    for (const paragraph of d.paragraphs) {
      for (const [word] of paragraph.toLowerCase().matchAll(WORD)) present.add(word);
    }
  }
  return ABSENT_WORD_CANDIDATES.filter(
    (w) => !present.has(w) && !present.has(`${w}s`) && !present.has(`${w}es`),
  );
}
