import { describe, expect, it } from 'vitest';
import { readArticleQuestions, readSquadArticles } from '../../../adapters/cli/eval-files.js';
import { parseEvalFlags } from '../../../adapters/cli/eval-options.js';
import { loadCorpus, UsageError } from '../../../src/index.js';
import { runNode } from '../run-node.js';

describe('parseEvalFlags', () => {
  it('takes a question file or --squad, with the other flags', () => {
    expect(parseEvalFlags(['q.jsonl', '--corpus', 'c', '--verbose'])).toMatchObject({
      file: 'q.jsonl',
      corpus: 'c',
      verbose: true,
      json: false,
      baseline: false,
    });
    expect(parseEvalFlags(['--squad', 's.jsonl', '--limit', '2', '--baseline'])).toMatchObject({
      squad: 's.jsonl',
      limit: 2,
      baseline: true,
    });
  });

  it.each([
    [[], 'Give a question file (FILE.jsonl) or --squad FILE'],
    [['a.jsonl', 'b.jsonl'], 'Give one question file'],
    [['a.jsonl', '--squad', 'b.jsonl'], 'Give either a question file or --squad FILE, not both'],
    [['--squad', 'b.jsonl', '--corpus', 'c'], '--corpus applies to article question files'],
    [['a.jsonl', '--limit', '1.5'], '--limit must be a whole number of at least 1'],
    [['a.jsonl', '--limit', 'x'], '--limit must be a whole number of at least 1'],
    [
      ['a.jsonl', '--bogus'],
      'Unknown option --bogus: run "npm run eval -- --help" for the options.',
    ],
    [['a.jsonl', '--tuning', 't.json', '--write', 'd.md'], '--write records the shipped tuning'],
  ])('rejects %j with a usage error, one line per problem', (argv, message) => {
    expect(() => parseEvalFlags(argv)).toThrow(UsageError);
    expect(() => parseEvalFlags(argv)).toThrow(message);
  });
});

describe('question files', () => {
  const dir = 'test/fixtures/corpus-eval';

  it('reads article questions, skipping blank lines', async () => {
    const questions = await readArticleQuestions(`${dir}/questions.jsonl`, await loadCorpus(dir));
    expect(questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('names the file, the line and the fix when a file is unusable', async () => {
    const corpus = await loadCorpus(dir);
    await expect(readArticleQuestions('missing.jsonl', corpus)).rejects.toThrow(
      'missing.jsonl: cannot read the question file (ENOENT). Check the path.',
    );
    await expect(readArticleQuestions(`${dir}/beyond.jsonl`, corpus)).rejects.toThrow(
      `${dir}/beyond.jsonl: question 1 (far) names ¶99, but no article in ${corpus.dir} has more ` +
        'than 3 paragraphs. Pass the corpus the file was written for with --corpus.',
    );
    await expect(readSquadArticles(`${dir}/questions.jsonl`)).rejects.toThrow(
      `${dir}/questions.jsonl line 1: not a valid article: ` +
        'title: Invalid input: expected string, received undefined; ' +
        'paragraphs.0: Invalid input: expected string, received number; ' +
        'questions: Invalid input: expected array, received undefined.',
    );
    await expect(readSquadArticles(`${dir}/harbour.md`)).rejects.toThrow(
      `${dir}/harbour.md line 1: not valid JSON (`,
    );
  });
});

function runEval(args: readonly string[]) {
  return runNode(['--import', 'tsx', 'adapters/cli/eval.ts', ...args]);
}

describe.concurrent('eval command', () => {
  const questions = 'test/fixtures/corpus-eval/questions.jsonl';
  const corpus = ['--corpus', 'test/fixtures/corpus-eval'];

  it('prints the metrics, ours beside plain MiniSearch', async () => {
    const { code, stdout, stderr } = await runEval([questions, ...corpus, '--baseline']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const label of [
      'top-1 paragraph',
      'MRR (top 10)',
      'correct abstentions',
      'short answer F1',
    ]) {
      expect(stdout).toContain(label);
    }
    expect(stdout).toContain('plain MiniSearch');
    expect(stdout).toMatch(/verbatim quotes\s+1\.000/);
    expect(stdout).toContain('By question type');
  });

  it('prints one JSON object with --json, misses included with --verbose', async () => {
    const { code, stdout } = await runEval([
      questions,
      ...corpus,
      '--json',
      '--verbose',
      '--baseline',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(stdout);
    expect(report.metrics).toMatchObject({
      questions: 4,
      answerable: 3,
      unanswerable: 1,
      verbatimQuotes: 1,
    });
    expect(Object.keys(report.metrics.byType)).toEqual(['who', 'how-many', 'what', 'unanswerable']);
    expect(report.baseline).toMatchObject({ questions: 4, top1: 1, exactMatch: null });
    expect(Array.isArray(report.misses)).toBe(true);
  });

  it('scores a SQuAD file article by article, with --limit counting articles', async () => {
    const file = 'test/fixtures/corpus-eval/squad.jsonl';
    const [all, first] = await Promise.all([
      runEval(['--squad', file, '--json']),
      runEval(['--squad', file, '--limit', '1']),
    ]);
    const report = JSON.parse(all.stdout);
    expect(report.metrics).toMatchObject({ questions: 5, answerable: 4, unanswerable: 1 });
    expect(Object.keys(report.metrics.byType)).toEqual(['who', 'when', 'how many', 'what']);
    expect(first.stdout).toContain('3 questions: 2 answerable, 1 unanswerable');
    expect(first.stdout).toMatch(/Elapsed: ours \d+\.\d s/);
  });

  it('exits 1 with the problem on stderr, and no stack trace, on bad input', async () => {
    const cases: [string[], string][] = [
      [['--limit', '0', questions], '--limit must be a whole number of at least 1'],
      [
        [questions, '--corpus', 'test/fixtures/corpus-empty'],
        'test/fixtures/corpus-empty: no article files found.',
      ],
    ];
    await Promise.all(
      cases.map(async ([args, message]) => {
        const { code, stdout, stderr } = await runEval(args);
        expect(code, args.join(' ')).toBe(1);
        expect(stdout).toBe('');
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stderr).toContain(message);
      }),
    );
  });
});
