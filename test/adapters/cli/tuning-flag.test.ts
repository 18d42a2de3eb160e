import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvalFlags } from '../../../adapters/cli/eval-options.js';
import { readTuningFile } from '../../../adapters/cli/tuning-file.js';
import { createCoreEngine, loadEngineSnapshot } from '../../../bench/engines.js';
import { parseBenchFlags } from '../../../bench/options.js';
import { type Answerer, loadCorpus, UsageError } from '../../../src/index.js';
import { runNode } from '../run-node.js';

let folder: string;
const fileWith = async (name: string, text: string) => {
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
};
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'article-qa-tuning-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readTuningFile', () => {
  it('reads any part of the tuning', async () => {
    const file = await fileWith('strict.json', '{ "retrieval": { "candidates": 5 } }');
    expect(await readTuningFile(file)).toEqual({ retrieval: { candidates: 5 } });
  });

  it.each([
    ['missing.json', null, 'cannot read the tuning file (ENOENT)'],
    ['broken.json', '{ "decision": ', 'not valid JSON'],
    [
      'typo.json',
      '{ "decision": { "minCoverag": 0.5 } }',
      'decision: Unrecognized key: "minCoverag"',
    ],
    ['text.json', '{ "ranking": { "weights": { "bm25": "high" } } }', 'ranking.weights.bm25:'],
  ])('refuses %s with a usage error naming the file', async (name, text, message) => {
    const file = text === null ? join(folder, name) : await fileWith(name, text);
    const read = readTuningFile(file);
    await expect(read).rejects.toThrow(UsageError);
    await expect(readTuningFile(file)).rejects.toThrow(`${file}: `);
    await expect(readTuningFile(file)).rejects.toThrow(message);
  });
});

describe('--tuning', () => {
  it('is a flag of the eval and of the bench', () => {
    expect(parseEvalFlags(['q.jsonl', '--tuning', 't.json']).tuning).toBe('t.json');
    expect(parseEvalFlags(['q.jsonl']).tuning).toBeUndefined();
    expect(parseBenchFlags(['--tuning', 't.json']).tuning).toBe('t.json');
    expect(parseBenchFlags([]).tuning).toBeUndefined();
  });

  it('runs the eval with other numbers: one candidate paragraph leaves nothing below the first', async () => {
    const questions = 'test/fixtures/corpus-eval/questions.jsonl';
    const args = ['--import', 'tsx', 'adapters/cli/eval.ts', questions, '--corpus'];
    const corpus = 'test/fixtures/corpus-eval';
    const file = await fileWith('narrow.json', '{ "retrieval": { "candidates": 1 } }');
    const tuned = await runNode([...args, corpus, '--json', '--tuning', file], {
      timeoutMs: 60_000,
    });
    expect(tuned.code).toBe(0);
    const report = JSON.parse(tuned.stdout);
    expect(report.against).toContain(`tuning from ${file}`);
    // With one paragraph ranked, a question is right at rank 1 or not at all.
    expect(report.metrics.top3).toBe(report.metrics.top1);
    expect(report.metrics.mrr).toBe(report.metrics.top1);
  }, 60_000);

  it('builds and reloads the bench engine with the tuning given', async () => {
    const corpus = await loadCorpus('test/fixtures/corpus-eval');
    // Two paragraphs share its words: the lamp's and the storm's.
    const question = 'Was the lamp repaired after the storm?';
    expect(createCoreEngine(corpus).ask(question).hits.length).toBeGreaterThan(1);
    const tuning = { retrieval: { candidates: 1 } };
    const engine = createCoreEngine(corpus, tuning);
    expect(engine.ask(question).hits).toHaveLength(1);
    const file = join(folder, 'engine.bin');
    await engine.saveSnapshot(file);
    expect(await loadEngineSnapshot('article-qa', file, corpus)).toBeNull();
    const loaded = (await loadEngineSnapshot('article-qa', file, corpus, tuning)) as Answerer;
    expect(loaded.answerQuestion(question).excerpts).toHaveLength(1);
  });
});
