import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_USAGE, parseAskFlags } from '../../../adapters/cli/ask-options.js';
import { type Answer, AnswerSchema, UsageError } from '../../../src/index.js';
import { ROOT, runNode, tsxScript } from '../run-node.js';

/** Runs `ask` as a real process with `input` on stdin, CORPUS_DIR unset unless given. */
function ask(args: readonly string[], input = '', env: Record<string, string> = {}) {
  return runNode(['--import', 'tsx', 'adapters/cli/ask.ts', ...args], { input, env });
}

function parseLines(stdout: string): Answer[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => AnswerSchema.parse(JSON.parse(line)));
}

const STACK = /\n\s+at /;
const QUOTES = 'test/fixtures/corpus-quotes';
const LIGHTHOUSE = 'Who repaired the lighthouse lamp?';
const TITLE = 'Blinken to visit Kyiv as Russia masses troops near Ukraine border';

describe.concurrent('ask', () => {
  it('prints a readable answer to one question from the --corpus folder, with title and ¶N', async () => {
    const question = 'Who repaired the lighthouse lamp?';
    const { code, stdout, stderr } = await ask(['--corpus', 'test/fixtures/corpus-eval', question]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      '1. “The lighthouse keeper Marta Olsen repaired the lamp on Tuesday.”\n' +
        '   — Harbour town news, ¶1 · Fixture Gazette · https://example.com/harbour',
    );
  });

  it('prints exactly one JSON line with --json, with --top excerpts', async () => {
    const { code, stdout } = await ask([
      '--json',
      '--top',
      '1',
      'Who',
      'is',
      'Blinken',
      'meeting?',
    ]);
    expect(code).toBe(0);
    const [answer, ...rest] = parseLines(stdout);
    expect(rest).toEqual([]);
    expect(answer?.question).toBe('Who is Blinken meeting?');
    expect(answer?.excerpts.length).toBeLessThanOrEqual(1);
  });

  it('answers stdin line by line in order, a blank line included, stdout only JSON', async () => {
    const questions = ['Russia Ukraine', '', 'how do I make borscht', 'Where is Blinken going?'];
    const { code, stdout, stderr } = await ask(
      ['--json', '--top', '5'],
      `${questions.join('\r\n')}\n`,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const answers = parseLines(stdout);
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers[0]?.excerpts).toHaveLength(5);
    expect(answers[1]).toMatchObject({ answered: false, excerpts: [] });
    expect(answers[2]).toMatchObject({ answered: false, answer: null });
  });

  it('writes one readable line per stdin line, even without a final newline', async () => {
    const { code, stdout } = await ask([], 'Who is Lavrov?\n\nhow do I make borscht');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(`${TITLE} ¶`);
    expect(lines.slice(1)).toEqual([
      'That is not in the article.',
      'That is not in the article.',
      '',
    ]);
  });

  it('shows --help on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await ask(['--help']);
    expect({ code, stderr, stdout }).toEqual({ code: 0, stderr: '', stdout: `${ASK_USAGE}\n` });
  });

  it('npm run index takes --help and rejects an unknown flag in one line too', async () => {
    const help = await runNode(['--import', 'tsx', 'adapters/cli/index-corpus.ts', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: npm run index -- [options]');
    const bogus = await runNode(['--import', 'tsx', 'adapters/cli/index-corpus.ts', '--bogus']);
    expect(bogus).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Unknown option --bogus: run "npm run index -- --help" for the options.\n',
    });
  });

  it('rejects an unknown flag with one clean line on stderr', async () => {
    const { code, stdout, stderr } = await ask(['--bogus', 'Who?']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe('Unknown option --bogus: run "npm run ask -- --help" for the options.\n');
  });

  it("quotes without doubling the article's own quote marks, and links to the quote", async () => {
    const { code, stdout } = await ask(['--corpus', QUOTES, 'How much did the bridge cost?']);
    expect(code).toBe(0);
    expect(stdout).toContain('added: “Every crown of it was well spent.”\n');
    expect(stdout).not.toContain('”””');
    expect(stdout).not.toMatch(/[“”]{2}/);
    expect(stdout).toContain(
      'https://example.com/news/bridge-opening#:~:text=The%20council%20said%20the,it%20was%20well%20spent',
    );
    const batch = await ask(['--corpus', QUOTES], 'What did the mayor say?\n');
    expect(batch.stdout).toContain(': “Our bridge will carry');
    expect(batch.stdout).not.toMatch(/[“”]{2}/);
  });

  it("ends a one-shot answer without the REPL's :more hint", async () => {
    const { code, stdout } = await ask(['--top', '1', 'Russia Ukraine']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/¶\d+/);
    expect(stdout).not.toContain(':more');
  });

  it('colours piped output only under FORCE_COLOR, and never under FORCE_COLOR=0', async () => {
    const forced = await ask(['--corpus', QUOTES, 'How much did the bridge cost?'], '', {
      FORCE_COLOR: '1',
    });
    expect(forced.stdout).toContain('\u001b[1m4.2 million\u001b[22m');
    const off = await ask(['--corpus', QUOTES, 'How much did the bridge cost?'], '', {
      FORCE_COLOR: '0',
    });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('reads CORPUS_DIR from .env; the environment beats .env, and --corpus beats both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'article-qa-env-'));
    try {
      await writeFile(join(dir, '.env'), `CORPUS_DIR=${join(ROOT, 'test/fixtures/corpus-eval')}\n`);
      const run = (args: string[], env: Record<string, string> = {}) =>
        runNode([...tsxScript('adapters/cli/ask.ts'), '--json', ...args, LIGHTHOUSE], {
          cwd: dir,
          env,
        }).then(({ stdout }) => JSON.parse(stdout) as Answer);
      const fromDotEnv = await run([]);
      expect(fromDotEnv.excerpts[0]?.title).toBe('Harbour town news');
      const fromEnv = await run([], { CORPUS_DIR: join(ROOT, QUOTES) });
      expect(fromEnv.excerpts[0]?.title ?? null).not.toBe('Harbour town news');
      const fromFlag = await run(['--corpus', join(ROOT, 'corpus')], {
        CORPUS_DIR: join(ROOT, QUOTES),
      });
      expect(fromFlag.excerpts.every((e) => e.documentId === 'blinken-kyiv-visit')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each<[string[], Record<string, string>, string]>([
    [['--top', '0', 'q'], {}, '--top must be a whole number from 1 to 20'],
    [
      ['q'],
      { CORPUS_DIR: 'test/fixtures/corpus-bad-front-matter' },
      'test/fixtures/corpus-bad-front-matter/story.md: invalid front matter: title is required and must be text.',
    ],
  ])('exits 1 on %j %j with a clear message and no stack trace', async (args, env, message) => {
    const { code, stdout, stderr } = await ask(args, '', env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(STACK);
  });
});

describe('parseAskFlags', () => {
  it('reads the flags and joins the words of the question', () => {
    expect(parseAskFlags(['--json', '--top', '7', '--corpus', 'c', 'Who', 'is', 'it?'])).toEqual({
      json: true,
      top: 7,
      corpus: 'c',
      help: false,
      question: 'Who is it?',
    });
    expect(parseAskFlags([])).toEqual({ json: false, top: 3, help: false });
  });

  it.each([
    [['--top', '0'], '--top must be a whole number from 1 to 20'],
    [['--top', '21'], '--top must be a whole number from 1 to 20'],
    [['--top', '2.5'], '--top must be a whole number from 1 to 20'],
    [['--top', 'many'], '--top must be a whole number from 1 to 20'],
    [['--corpus', ' '], '--corpus needs a folder path'],
    [['--bogus'], 'Unknown option --bogus'],
    [['-x'], 'Unknown option -x'],
    [['--top'], '--top needs a value'],
    [['--corpus', '--json'], '--corpus needs a value'],
    [['--json=yes'], '--json takes no value'],
  ])('rejects %j in one line that names the problem and where the options are', (argv, problem) => {
    expect(() => parseAskFlags(argv)).toThrow(UsageError);
    expect(() => parseAskFlags(argv)).toThrow(
      new UsageError(`${problem}: run "npm run ask -- --help" for the options.`),
    );
  });
});
