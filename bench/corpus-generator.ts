import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProseSentence, ProseSource } from './prose.js';
import { createRandom, deriveSeed } from './random.js';

/**
 * Bump whenever generated text would change (sampling, layout, front matter): corpora written by
 * another version are regenerated.
 */
export const GENERATOR_VERSION = 1;

/** Paragraphs per generated article. */
export const ARTICLE_PARAGRAPHS = { min: 20, max: 60 } as const;

/** One generated article, before it is written as Markdown. */
export interface GeneratedArticle {
  /** File name without `.md`. */
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * Generates `paragraphCount` paragraphs of real prose, deterministically from `seed`: every
 * paragraph joins two (three, one time in four) real sentences drawn without replacement from a
 * seeded shuffle of `sentences` (reshuffled when exhausted), so text stays real English while
 * 100k paragraphs can come from ~9k sentences and no two paragraphs are alike. Paragraphs are
 * grouped into articles of 20–60 (the last one takes what is left); an article is titled after
 * the topic of its first sentence.
 *
 * @throws {RangeError} when there are fewer than 3 sentences to draw from.
 */
export function generateArticles(
  sentences: readonly ProseSentence[],
  paragraphCount: number,
  seed: number,
): GeneratedArticle[] {
  if (sentences.length < 3) throw new RangeError('generateArticles: need at least 3 sentences');
  const random = createRandom(seed);
  let order: number[] = [];
  let cursor = 0;
  const draw = (): ProseSentence => {
    if (cursor >= order.length) {
      order = random.shuffle(sentences.map((_, i) => i));
      cursor = 0;
    }
    return sentences[order[cursor++] as number] as ProseSentence;
  };

  const articles: GeneratedArticle[] = [];
  const digits = String(Math.ceil(paragraphCount / ARTICLE_PARAGRAPHS.min)).length;
  let remaining = paragraphCount;
  while (remaining > 0) {
    const size = Math.min(remaining, random.int(ARTICLE_PARAGRAPHS.min, ARTICLE_PARAGRAPHS.max));
    const paragraphs: string[] = [];
    let topic = '';
    for (let p = 0; p < size; p += 1) {
      const parts = [draw(), draw()];
      if (random.chance(0.25)) parts.push(draw());
      topic ||= parts[0]?.topic ?? '';
      paragraphs.push(parts.map((s) => s.text).join(' '));
    }
    const number = articles.length + 1;
    articles.push({
      id: `article-${String(number).padStart(digits, '0')}`,
      title: `${topic}: report ${number}`,
      paragraphs,
    });
    remaining -= size;
  }
  return articles;
}

/** Writes one article as Markdown with front matter, the way `loadCorpus` reads it. */
export function renderArticle(article: GeneratedArticle, source: ProseSource): string {
  const origin =
    source.origin === 'squad'
      ? 'sentences from SQuAD v1.1 dev (Wikipedia, CC BY-SA 4.0)'
      : 'sentences from installed packages’ README files';
  const frontMatter = [
    '---',
    `title: ${JSON.stringify(article.title)}`,
    `source: ${JSON.stringify(`article-qa bench corpus, ${origin}`)}`,
    '---',
  ].join('\n');
  return `${frontMatter}\n\n${article.paragraphs.join('\n\n')}\n`;
}

const ManifestSchema = z.object({
  generatorVersion: z.number(),
  seed: z.number(),
  paragraphs: z.number(),
  origin: z.string(),
  sourceHash: z.string(),
  articles: z.number(),
});

/** What a generated corpus folder holds, stored next to it so a stale one is rebuilt. */
export type CorpusManifest = z.infer<typeof ManifestSchema>;

/** File that records how a generated corpus folder was made (a dot file: `loadCorpus` skips it). */
export const MANIFEST_FILE = '.bench-corpus.json';

/** A short fingerprint of the prose, so a changed source file regenerates the corpora. */
export function hashProse(source: ProseSource): string {
  const hash = createHash('sha256');
  for (const sentence of source.sentences) hash.update(`${sentence.topic}\t${sentence.text}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes sure `dir` holds the generated corpus of `paragraphs` paragraphs for `seed`: regenerates
 * it (removing old `.md` files) when the manifest is missing or differs. Returns true when it
 * wrote the corpus, false when the existing one was fresh.
 */
export async function ensureGeneratedCorpus(
  dir: string,
  paragraphs: number,
  seed: number,
  source: ProseSource,
): Promise<boolean> {
  const wanted = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    paragraphs,
    origin: source.origin,
    sourceHash: hashProse(source),
  };
  const existing = await readManifest(dir);
  if (
    existing &&
    (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => existing[k] === wanted[k])
  ) {
    return false;
  }
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name.endsWith('.md') || name === MANIFEST_FILE) await rm(join(dir, name));
  }
  const articles = generateArticles(
    source.sentences,
    paragraphs,
    deriveSeed(seed, `corpus:${paragraphs}`),
  );
  for (const article of articles) {
    await writeFile(join(dir, `${article.id}.md`), renderArticle(article, source));
  }
  const manifest: CorpusManifest = { ...wanted, articles: articles.length };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}

async function readManifest(dir: string): Promise<CorpusManifest | null> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // A manifest that is not valid JSON is treated like a missing one: the corpus is rebuilt.
  const parsed = ManifestSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
