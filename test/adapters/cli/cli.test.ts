import { describe, expect, it } from 'vitest';
import { ASK_USAGE, parseAskFlags } from '../../../adapters/cli/ask-options.js';
import { type Answer, AnswerSchema, UsageError } from '../../../src/index.js';
import { runNode } from '../run-node.js';

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
    expect(lines.slice(1)).toEqual(['Not in the article', 'Not in the article', '']);
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
    [['--bogus'], "Unknown option '--bogus'"],
    [['--top'], "Option '--top <value>' argument missing"],
  ])('rejects %j with the fix and the usage', (argv, message) => {
    expect(() => parseAskFlags(argv)).toThrow(UsageError);
    expect(() => parseAskFlags(argv)).toThrow(message);
    expect(() => parseAskFlags(argv)).toThrow(ASK_USAGE);
  });
});
