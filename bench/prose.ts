import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** One sentence of real English prose and the subject it came from. */
export interface ProseSentence {
  readonly text: string;
  /** The source article's title or package name, used to title generated articles. */
  readonly topic: string;
}

/** Where the generated corpora's sentences come from. */
export interface ProseSource {
  /** `squad` (preferred) or `readme` (fallback: installed packages' README files). */
  readonly origin: 'squad' | 'readme';
  /** File or folder the prose was read from. */
  readonly path: string;
  readonly sentences: readonly ProseSentence[];
}

const SquadLineSchema = z.object({ title: z.string(), paragraphs: z.array(z.string()) });

const MIN_WORDS = 6;
const MAX_WORDS = 40;
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|No|Nos|Gen|Gov|Sen|Rep|Rev|Fr|Mt|Ft|U\.S|e\.g|i\.e|c|ca|approx|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/;

/**
 * Splits prose into sentences at `.`, `!` or `?` (plus closing quotes or brackets) followed by
 * white space and a capital, digit or opening quote, except after common abbreviations and
 * initials ("U.S.", "Dr.", "J. Smith").
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?])["'\u201D\u2019)\]]*\s+(?=["'\u201C\u2018([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    if (match[1] === '.' && ABBREVIATION.test(text.slice(start, match.index + 1))) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences.filter((s) => s.length > 0);
}

/** True for a sentence worth reusing: 6–40 words, starting with a capital and ending a sentence. */
export function isUsableSentence(sentence: string): boolean {
  const words = sentence.split(/\s+/).length;
  return (
    words >= MIN_WORDS &&
    words <= MAX_WORDS &&
    /^["'\u201C(]?[\p{Lu}\p{N}]/u.test(sentence) &&
    /[.!?]["'\u201D\u2019)]*$/u.test(sentence) &&
    !/[`|<>{}\\]|https?:|\]\(/.test(sentence)
  );
}

/** Reads the SQuAD paragraphs of `file` (one JSON article per line) as usable sentences. */
export async function readSquadSentences(file: string): Promise<ProseSentence[]> {
  const sentences: ProseSentence[] = [];
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const article = SquadLineSchema.parse(JSON.parse(line));
    const topic = article.title.replace(/_/g, ' ');
    for (const paragraph of article.paragraphs) {
      for (const text of splitSentences(paragraph)) {
        if (isUsableSentence(text)) sentences.push({ text, topic });
      }
    }
  }
  return sentences;
}

/** Turns a README's Markdown into plain prose paragraphs: no code, tables, lists or headings. */
export function readmeProse(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence || raw.trim() === '' || /^(\s{4,}|\t|\s*[#|>*+-]|\s*\d+\.\s|\s*<)/.test(raw)) {
      flush();
      continue;
    }
    current.push(
      raw
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]/g, '')
        .trim(),
    );
  }
  flush();
  return paragraphs;
}

/** Reads the README files of the packages installed under `nodeModules`, in name order. */
export async function readReadmeSentences(nodeModules: string): Promise<ProseSentence[]> {
  const packages: string[] = [];
  for (const name of (await readdir(nodeModules)).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      const scoped = await readdir(join(nodeModules, name)).catch(() => [] as string[]);
      packages.push(...scoped.sort().map((inner) => `${name}/${inner}`));
    } else {
      packages.push(name);
    }
  }
  const sentences: ProseSentence[] = [];
  for (const name of packages) {
    const markdown = await readFile(join(nodeModules, name, 'README.md'), 'utf8').catch(() => '');
    for (const paragraph of readmeProse(markdown)) {
      for (const text of splitSentences(paragraph)) {
        if (isUsableSentence(text)) sentences.push({ text, topic: name });
      }
    }
  }
  return sentences;
}

/**
 * Loads the prose for generated corpora: the SQuAD v1.1 dev paragraphs at `squadFile`, or, when
 * that file is missing, the README files under `nodeModules`.
 */
export async function loadProseSource(
  squadFile: string,
  nodeModules: string,
): Promise<ProseSource> {
  try {
    return { origin: 'squad', path: squadFile, sentences: await readSquadSentences(squadFile) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return {
      origin: 'readme',
      path: nodeModules,
      sentences: await readReadmeSentences(nodeModules),
    };
  }
}
