import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLE_PARAGRAPHS,
  ensureGeneratedCorpus,
  generateArticles,
  MANIFEST_FILE,
  renderArticle,
} from '../../bench/corpus-generator.js';
import type { ProseSentence, ProseSource } from '../../bench/prose.js';
import { loadCorpus, parseArticle } from '../../src/index.js';

const SENTENCES: ProseSentence[] = Array.from({ length: 40 }, (_, i) => ({
  text: `Sentence number ${i} tells of the harbour and its ${i % 7} lighthouses.`,
  topic: `Topic ${i % 3}`,
}));
const SOURCE: ProseSource = { origin: 'squad', path: 'fixture', sentences: SENTENCES };
const POOL = new Set(SENTENCES.map((s) => s.text));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateArticles', () => {
  it('generates the same articles for the same seed and others for another seed', () => {
    const a = generateArticles(SENTENCES, 150, 5);
    expect(generateArticles(SENTENCES, 150, 5)).toEqual(a);
    expect(generateArticles(SENTENCES, 150, 6)).not.toEqual(a);
  });

  it('makes exactly the requested paragraphs, in articles of 20 to 60 (the last may be shorter)', () => {
    const articles = generateArticles(SENTENCES, 1234, 1);
    expect(articles.reduce((n, a) => n + a.paragraphs.length, 0)).toBe(1234);
    for (const article of articles.slice(0, -1)) {
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(ARTICLE_PARAGRAPHS.min);
      expect(article.paragraphs.length).toBeLessThanOrEqual(ARTICLE_PARAGRAPHS.max);
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it('joins two or three real sentences per paragraph, never the same one twice', () => {
    for (const article of generateArticles(SENTENCES, 300, 2)) {
      expect(article.title).toMatch(/^Topic \d: report \d+$/);
      for (const paragraph of article.paragraphs) {
        const parts = paragraph.split(/(?<=\.) (?=Sentence)/);
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.length).toBeLessThanOrEqual(3);
        for (const part of parts) expect(POOL).toContain(part);
        expect(new Set(parts).size).toBe(parts.length);
      }
    }
  });

  it('refuses a pool of fewer than three sentences', () => {
    expect(() => generateArticles(SENTENCES.slice(0, 2), 10, 1)).toThrow('at least 3 sentences');
  });
});

describe('renderArticle', () => {
  it('writes Markdown that the corpus loader reads back as the same paragraphs and title', () => {
    const [article] = generateArticles(SENTENCES, 25, 3);
    if (!article) throw new Error('no article');
    const parsed = parseArticle(`${article.id}.md`, renderArticle(article, SOURCE));
    expect(parsed.title).toBe(article.title);
    expect(parsed.paragraphs).toEqual(article.paragraphs);
    expect(parsed.source).toContain('SQuAD v1.1 dev');
  });
});

describe('ensureGeneratedCorpus', () => {
  it('writes the corpus once, reuses it while fresh, and rewrites it when the seed changes', async () => {
    const folder = join(dir, 'small');
    expect(await ensureGeneratedCorpus(folder, 90, 7, SOURCE)).toBe(true);
    const first = await loadCorpus(folder);
    expect(first.documents.reduce((n, d) => n + d.paragraphs.length, 0)).toBe(90);
    expect(await ensureGeneratedCorpus(folder, 90, 7, SOURCE)).toBe(false);

    await writeFile(join(folder, 'article-9.md'), '---\ntitle: stray\n---\n\nLeft over.\n');
    expect(await ensureGeneratedCorpus(folder, 90, 8, SOURCE)).toBe(true);
    const second = await loadCorpus(folder);
    expect(second.documents.map((d) => d.id)).not.toContain('article-9');
    expect(second.documents.flatMap((d) => d.paragraphs)).not.toEqual(
      first.documents.flatMap((d) => d.paragraphs),
    );
  });

  it('rewrites a corpus whose manifest is corrupt, or made from other prose', async () => {
    const folder = join(dir, 'manifest');
    await ensureGeneratedCorpus(folder, 40, 7, SOURCE);
    await writeFile(join(folder, MANIFEST_FILE), '{not json');
    expect(await ensureGeneratedCorpus(folder, 40, 7, SOURCE)).toBe(true);
    const other = { ...SOURCE, sentences: SENTENCES.slice(1) };
    expect(await ensureGeneratedCorpus(folder, 40, 7, other)).toBe(true);
    const manifest = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ paragraphs: 40, seed: 7, origin: 'squad' });
    expect((await readdir(folder)).filter((n) => n.endsWith('.md')).length).toBe(manifest.articles);
  });
});
