import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { REPL_USAGE_TEXT } from '../../../adapters/repl/options.js';
import { createReplSession, replHelp } from '../../../adapters/repl/session.js';
import { bannerLine, createInterruptPolicy } from '../../../adapters/repl/terminal-ui.js';
import { startLiveCorpus } from '../../../adapters/shared/live-corpus.js';
import { createLogger } from '../../../adapters/shared/logger.js';
import { createReloadReports } from '../../../adapters/shared/reload.js';
import { ANSI } from '../../../adapters/terminal/style.js';
import {
  type Answerer,
  type ArticleDocument,
  createAnswerer,
  loadCorpus,
} from '../../../src/index.js';
import { runNode } from '../run-node.js';

/** Runs the REPL as a real process with piped (non-TTY) stdin and stdout. */
function repl(input: string, env: Record<string, string> = {}) {
  return runNode(['--import', 'tsx', 'adapters/repl/main.ts'], { input, env });
}

/** Asserts that `parts` occur in `text` in this order. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `${JSON.stringify(part)} after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

const TITLE = 'Blinken to visit Kyiv as Russia masses troops near Ukraine border';

describe.concurrent('the REPL with piped stdin', () => {
  it('answers, pages, quotes, lists, helps and quits, without colours', async () => {
    const corpus = await loadCorpus('corpus');
    const paragraph3 = corpus.documents[0]?.paragraphs[2];
    const input = [
      'How many troops has Russia gathered near the border?',
      ':more',
      ':source 3',
      ':docs',
      ':help',
      ':bogus',
      ':source 99',
      ':quit',
      ':docs',
    ];
    const { code, stdout, stderr } = await repl(`${input.join('\n')}\n`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).not.toContain('Type :help for commands.');
    expectInOrder(stdout, [
      '1. “',
      `— ${TITLE}, ¶`,
      '4. “',
      `${paragraph3}\n— ${TITLE}, ¶3 · Seed article`,
      `blinken-kyiv-visit: ${TITLE} (19 paragraphs)`,
      replHelp(1),
      'Unknown command ":bogus". Type help for the commands.',
      `"${TITLE}" has paragraphs 1 to 19; there is no ¶99.`,
    ]);
    expect(stdout.split('(19 paragraphs)')).toHaveLength(2);
  });

  it('reads CORPUS_DIR and stops at the end of input without :quit', async () => {
    const input = ':more\nWho repaired the lighthouse lamp?\n:source 2';
    const { code, stdout, stderr } = await repl(input, { CORPUS_DIR: 'test/fixtures/corpus-eval' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expectInOrder(stdout, [
      'Ask a question first; :more shows its next excerpts.',
      '1. “The lighthouse keeper Marta Olsen repaired the lamp on Tuesday.”',
      '— Harbour town news, ¶1 · Fixture Gazette · https://example.com/harbour',
      'The fishing fleet of twelve boats returned to port after the storm.\n— Harbour town news, ¶2',
    ]);
  });

  it('exits 1 with the corpus problem and no stack trace', async () => {
    const { code, stdout, stderr } = await repl(':quit\n', {
      CORPUS_DIR: 'test/fixtures/corpus-empty',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'test/fixtures/corpus-empty: no article files found. Add at least one .md (with a title in ' +
        'its front matter) or .txt file.\n',
    );
  });
});

describe('createReplSession', () => {
  let qa: Answerer;
  beforeAll(async () => {
    qa = createAnswerer(await loadCorpus('test/fixtures/corpus-basic'));
  });

  it('shows a paragraph of the article named by id', async () => {
    const session = createReplSession(qa);
    expect((await session.handleLine(':source 2 harbour_notes')).output).toBe(
      'Boats leave before noon.\n— Harbour notes, ¶2',
    );
    expect((await session.handleLine(':source 1 nope')).output).toBe(
      'No article "nope". Type :docs for the list of article ids.',
    );
  });

  it.each([':source', ':source x', ':source 0', ':source -1'])(
    'explains the usage of %j',
    async (line) => {
      expect((await createReplSession(qa).handleLine(line)).output).toBe(
        'Usage: :source N [article-id], where N is a paragraph number such as 3.',
      );
    },
  );

  it('ignores blank lines and accepts command aliases', async () => {
    const session = createReplSession(qa);
    expect(await session.handleLine('   ')).toEqual({ output: '', quit: false });
    expect((await session.handleLine(':h')).output).toBe(replHelp(2));
    expect(await session.handleLine(':Q')).toEqual({ output: '', quit: true });
  });

  it('styles only with the ANSI style it is given', async () => {
    const question = 'When does the harbour open?';
    expect((await createReplSession(qa).handleLine(question)).output).not.toContain('\u001b[');
    expect((await createReplSession(qa, { style: ANSI }).handleLine(question)).output).toContain(
      '\u001b[',
    );
  });
});

describe('the REPL command line', () => {
  it('takes --help: usage on stdout, exit 0, no corpus loaded', async () => {
    const { code, stdout, stderr } = await runNode(
      ['--import', 'tsx', 'adapters/repl/main.ts', '--help'],
      { env: { CORPUS_DIR: 'test/fixtures/corpus-empty' } },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${REPL_USAGE_TEXT}\n`);
  });

  it('honours --corpus over CORPUS_DIR, and --top', async () => {
    const { code, stdout } = await runNode(
      ['--import', 'tsx', 'adapters/repl/main.ts', '--corpus', 'test/fixtures/corpus-eval'],
      { input: 'Who repaired the lighthouse lamp?\n', env: { CORPUS_DIR: 'corpus' } },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('— Harbour town news, ¶1');
    const one = await runNode(['--import', 'tsx', 'adapters/repl/main.ts', '--top', '1'], {
      input: 'Russia Ukraine\n',
    });
    expect(one.stdout).toContain('1. “');
    expect(one.stdout).not.toContain('2. “');
  });

  it('rejects an unknown flag with one clean line', async () => {
    const { code, stdout, stderr } = await runNode([
      '--import',
      'tsx',
      'adapters/repl/main.ts',
      '--bogus',
    ]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe('Unknown option --bogus: run "npm start -- --help" for the options.\n');
  });
});

describe('help and :reload in a session', () => {
  it('answers "help" typed as a question with the help, not with an excerpt', async () => {
    const qa = createAnswerer(await loadCorpus('test/fixtures/corpus-basic'));
    for (const line of ['help', 'Help?', ':help', '?']) {
      expect((await createReplSession(qa).handleLine(line)).output).toBe(replHelp(2));
    }
    expect(replHelp(2)).toContain('about the articles');
    for (const line of replHelp(2).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(replHelp(1)).toContain('about the article ');
  });

  it('re-reads the corpus folder and says what was added, changed and removed', async () => {
    const { corpus, live, told, reports } = await followedCorpus({
      'a.md': article('Ferry news', 'The ferry sails at noon.'),
      'b.md': article('Bridge news', 'The bridge opens in May.'),
    });
    const session = createReplSession(live.answerer, { reload: reports.reload });
    expect((await session.handleLine(':reload')).output).toBe(
      'Reloaded: nothing changed (2 articles loaded).',
    );
    await writeFile(join(corpus, 'a.md'), article('Ferry news', 'The ferry sails at one.'));
    await rm(join(corpus, 'b.md'));
    await writeFile(join(corpus, 'c.md'), article('Market news', 'The market opens on Friday.'));
    expect((await session.handleLine(':reload')).output).toBe(
      'Reloaded: Added “Market news”; changed “Ferry news”; removed “Bridge news” (2 articles loaded).',
    );
    expect((await session.handleLine('When does the market open?')).output).toContain(
      'Market news, ¶1',
    );
    await rm(corpus, { recursive: true });
    const failed = (await session.handleLine(':reload')).output;
    expect(failed).toContain('corpus folder not found');
    expect(failed).toMatch(/Kept the articles loaded before\.$/);
    expect(live.answerer.documents).toHaveLength(2);
    expect(told).toEqual([]);
  });
});

describe('reloads the watch starts, in the REPL', () => {
  it('tells the ones that changed something or failed, once each, and not the quiet ones', async () => {
    const { corpus, live, told, reports } = await followedCorpus({
      'a.md': article('Ferry news', 'The ferry sails at noon.'),
    });
    reports.watched(await live.reload());
    expect(told).toEqual([]);
    await writeFile(join(corpus, 'b.md'), article('Bridge news', 'The bridge opens in May.'));
    reports.watched(await live.reload());
    await writeFile(join(corpus, 'c.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    reports.watched(await live.reload());
    expect(told).toHaveLength(2);
    expect(told[0]).toBe('Reloaded: Added “Bridge news” (2 articles loaded).');
    expect(told[1]).toContain('c.md');
    expect(told[1]).toMatch(/Kept the articles loaded before\.$/);
  });
});

const article = (title: string, text: string) => `---\ntitle: ${title}\n---\n\n${text}\n`;

/**
 * A corpus folder of `files` in a fresh temporary folder, its live corpus (reloaded only when
 * the test says) and the REPL's reports on it, all gone when the test ends.
 */
async function followedCorpus(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'article-qa-reload-'));
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const [name, text] of Object.entries(files)) await writeFile(join(corpus, name), text);
  const live = await startLiveCorpus({
    dir: corpus,
    logger: createLogger({ level: 'silent' }),
    watch: false,
    cacheDir: join(dir, 'cache'),
  });
  onTestFinished(async () => {
    await live.close();
    await rm(dir, { recursive: true, force: true });
  });
  const told: string[] = [];
  const reports = createReloadReports(live, (text) => told.push(text));
  return { corpus, live, told, reports };
}

describe('the terminal details of the REPL', () => {
  const document = (title: string, paragraphs = 3) =>
    ({ id: 'x', title, paragraphs: Array(paragraphs).fill('p') }) as unknown as ArticleDocument;

  it('keeps the banner to one line, however many articles and however long the title', () => {
    const many = Array.from({ length: 40 }, (_, i) => document(`Article number ${i}`));
    expect(bannerLine(many, 80)).toBe(
      'article-qa: ask about 40 articles (:docs lists them). Type help for commands.',
    );
    const long = bannerLine([document('A very long headline '.repeat(10))], 80);
    expect(long).not.toContain('\n');
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^article-qa: ask about “A very long [^”]*…”\. Type help for commands\.$/);
  });

  it('clears on the first Ctrl-C and leaves on a second one straight after it', () => {
    const policy = createInterruptPolicy();
    expect(policy.interrupt()).toBe('clear');
    expect(policy.interrupt()).toBe('exit');
    const again = createInterruptPolicy();
    expect(again.interrupt()).toBe('clear');
    again.reset();
    expect(again.interrupt()).toBe('clear');
  });
});
