import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError, type ErrorCode, loadCorpus, parseArticle } from '../../../src/index.js';

const FIX =
  ' Fix the field between the --- lines (title is required; source, url and published are optional).';

describe('loadCorpus', () => {
  it('reads .md and .txt articles in file-name order, skipping other and hidden files', async () => {
    const corpus = await loadCorpus('test/fixtures/corpus-basic');
    expect(corpus.documents.map((d) => d.id)).toEqual(['alpha-story', 'harbour_notes']);
    expect(corpus.dir).toBe(join(process.cwd(), 'test/fixtures/corpus-basic'));
  });

  it('numbers body paragraphs in file order and leaves Markdown headings out', async () => {
    const [alpha] = (await loadCorpus('test/fixtures/corpus-basic')).documents;
    expect(alpha).toMatchObject({
      title: 'Alpha story',
      source: 'Fixture Wire',
      url: 'https://example.com/alpha',
      published: '2022-01-18',
      file: 'test/fixtures/corpus-basic/alpha-story.md',
    });
    expect(alpha?.paragraphs).toEqual([
      'First paragraph of the alpha story.',
      'Second paragraph, which\nspans two lines.',
      'Third paragraph follows its heading without a blank line.',
      '#hashtag lines are text, not headings.',
    ]);
  });

  it('takes a .txt title from the file name and treats runs of blank lines as one break', async () => {
    const [, notes] = (await loadCorpus('test/fixtures/corpus-basic')).documents;
    expect(notes).toMatchObject({
      title: 'Harbour notes',
      source: null,
      url: null,
      published: null,
    });
    expect(notes?.paragraphs).toEqual(['The harbour opens at dawn.', 'Boats leave before noon.']);
  });

  it('fails on a missing folder, naming it and the fix', async () => {
    await expect(loadCorpus('test/fixtures/no-such-corpus')).rejects.toThrow(
      new CorpusError(
        'CORPUS_NOT_FOUND',
        'test/fixtures/no-such-corpus: corpus folder not found or not readable. Create it and put ' +
          '.md or .txt articles in it, or point --corpus (or CORPUS_DIR) at an existing folder.',
      ),
    );
  });

  it('fails on a file given as the folder', async () => {
    await expect(loadCorpus('package.json')).rejects.toThrow(
      'package.json: not a folder. Point --corpus (or CORPUS_DIR) at a folder of .md or .txt articles.',
    );
  });

  it('fails on a folder with no article files', async () => {
    await expect(loadCorpus('test/fixtures/corpus-empty')).rejects.toMatchObject({
      code: 'CORPUS_EMPTY',
      message:
        'test/fixtures/corpus-empty: no article files found. Add at least one .md (with a title ' +
        'in its front matter) or .txt file.',
    });
  });

  it('names the file whose front matter is invalid', async () => {
    await expect(loadCorpus('test/fixtures/corpus-bad-front-matter')).rejects.toThrow(
      `test/fixtures/corpus-bad-front-matter/story.md: invalid front matter: title is required and must be text.${FIX}`,
    );
  });

  it('fails when there are more articles than the limit', async () => {
    await expect(loadCorpus('test/fixtures/corpus-basic', { maxDocuments: 1 })).rejects.toThrow(
      'test/fixtures/corpus-basic: 2 article files is more than the limit of 1. Split the corpus into several folders.',
    );
  });

  describe('with unreadable files', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'article-qa-corpus-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('fails on a file it cannot read, with the reason', async () => {
      const folder = join(dir, 'unreadable');
      await mkdir(join(folder, 'broken.md'), { recursive: true });
      const shown = relative(process.cwd(), join(folder, 'broken.md'));
      await expect(loadCorpus(folder)).rejects.toMatchObject({
        code: 'CORPUS_UNREADABLE',
        message: `${shown}: cannot read the file (EISDIR). Check that it exists and that its permissions allow reading.`,
      });
    });

    it('fails on a file that is not UTF-8', async () => {
      const folder = join(dir, 'latin1');
      await mkdir(folder);
      await writeFile(join(folder, 'cafe.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      const shown = relative(process.cwd(), join(folder, 'cafe.txt'));
      await expect(loadCorpus(folder)).rejects.toThrow(
        `${shown}: not valid UTF-8 text. Save the file as UTF-8.`,
      );
    });
  });
});

describe('parseArticle', () => {
  it('accepts CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFF---\r\ntitle: T\r\n---\r\n\r\nOne\r\nstill one\r\n\r\n## H\r\n\r\nTwo\r\n';
    const article = parseArticle('news/crlf.md', text);
    expect(article).toMatchObject({ id: 'crlf', title: 'T' });
    expect(article.paragraphs).toEqual(['One\nstill one', 'Two']);
  });

  it('keeps a .txt file whole, front-matter-like lines included', () => {
    expect(parseArticle('x/some-notes.txt', '---\ntitle: no\n---\n\nText.').paragraphs).toEqual([
      '---\ntitle: no\n---',
      'Text.',
    ]);
  });

  it('turns a YAML date into YYYY-MM-DD and keeps a quoted date as written', () => {
    expect(parseArticle('a.md', '---\ntitle: T\npublished: 2022-01-18\n---\n\nX').published).toBe(
      '2022-01-18',
    );
    expect(parseArticle('a.md', '---\ntitle: T\npublished: "18 Jan"\n---\n\nX').published).toBe(
      '18 Jan',
    );
  });

  it.each<[string, string, string, ErrorCode?]>([
    [
      'missing front matter',
      'Just text\n',
      "news/story.md: front matter missing. Start the file with a block such as:\n---\ntitle: The article's headline\n---",
    ],
    [
      'invalid YAML',
      '---\ntitle: A: b: c\n---\n\nBody.\n',
      'news/story.md: front matter is not valid YAML: Nested mappings are not allowed in compact mappings. ' +
        'Write one "key: value" per line, and quote values that contain a colon.',
    ],
    [
      'a missing title',
      '---\nsource: X\n---\n\nBody.\n',
      `news/story.md: invalid front matter: title is required and must be text.${FIX}`,
    ],
    [
      'an empty title',
      '---\ntitle: "   "\n---\n\nBody.\n',
      `news/story.md: invalid front matter: title must not be empty.${FIX}`,
    ],
    [
      'a bad url',
      '---\ntitle: T\nurl: not a url\n---\n\nBody.\n',
      `news/story.md: invalid front matter: url must be a full URL such as https://example.com/story.${FIX}`,
    ],
    [
      'a bad date',
      '---\ntitle: T\npublished: [1]\n---\n\nBody.\n',
      `news/story.md: invalid front matter: published must be a date such as 2022-01-18.${FIX}`,
    ],
    [
      'an empty body',
      '---\ntitle: T\n---\n\n   \n\n',
      'news/story.md: the article has no paragraphs. Add its text, with a blank line between paragraphs.',
      'CORPUS_EMPTY_BODY',
    ],
  ])(
    'rejects %s with a message naming the file, the field and the fix',
    (_, text, message, code) => {
      expect(() => parseArticle('news/story.md', text)).toThrow(
        new CorpusError(code ?? 'CORPUS_FRONT_MATTER', message),
      );
    },
  );

  it('rejects a paragraph over the length limit', () => {
    expect(() => parseArticle('long.txt', 'x'.repeat(11), { maxParagraphChars: 10 })).toThrow(
      'long.txt: ¶1 is 11 characters, over the limit of 10. Separate its paragraphs with blank lines.',
    );
  });
});

describe('the bundled corpus', () => {
  it('holds the seed article verbatim: 19 paragraphs, typos included', async () => {
    const corpus = await loadCorpus('corpus');
    expect(corpus.documents).toHaveLength(1);
    const paragraphs = corpus.documents[0]?.paragraphs;
    expect(paragraphs).toHaveLength(19);
    expect(paragraphs).toEqual(blocksOf(seedText()));
  });
});

/** The seed article beside the clone when CI has it, else the bundled file's own body. */
function seedText(): string {
  const seed = '../shared/seed/article.txt';
  if (existsSync(seed)) return readFileSync(seed, 'utf8');
  const [file = ''] = readdirSync('corpus').filter((name) => name.endsWith('.md'));
  return readFileSync(join('corpus', file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}

function blocksOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}
