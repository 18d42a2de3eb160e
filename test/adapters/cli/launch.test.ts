import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../../scripts/bundle.mjs';
import { runNode } from '../run-node.js';

/** Runs node with `args`, CORPUS_DIR unset. */
const node = (args: readonly string[]) => runNode(args, { timeoutMs: 20_000 });

const CODE_CACHE = resolve('scripts/code-cache.cjs');
/** Runs `file` through runWithCodeCache and prints how the cache served on stderr. */
const RUNNER = `const { runWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
process.stderr.write(runWithCodeCache(process.argv[1]));`;
const runCached = (file: string, ...args: string[]) => node(['-e', RUNNER, file, ...args]);

// Inside node_modules, so a bundle there resolves packages as one in dist/ does.
const scratch = mkdtempSync(join(resolve('node_modules'), '.article-qa-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runWithCodeCache', () => {
  const file = join(scratch, 'main.cjs');
  const program = (n: number) =>
    `const { helper } = require('./helper.cjs');
console.log(JSON.stringify({ n: ${n}, args: process.argv.slice(2), file: __filename, helper }));\n`;
  writeFileSync(join(scratch, 'helper.cjs'), 'exports.helper = require("node:path").sep;\n');

  it('runs a CommonJS file as main, and from the second start on from its code cache', async () => {
    writeFileSync(file, program(1));
    const first = await runCached(file, 'a b', 'c');
    expect(first).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ n: 1, args: ['a b', 'c'], file, helper: '/' })}\n`,
      stderr: 'miss',
    });
    expect(existsSync(`${file}.v8-cache`)).toBe(true);
    const second = await runCached(file, 'a b', 'c');
    expect(second).toEqual({ ...first, stderr: 'hit' });

    // V8 alone would accept a cache made for other source of the same length.
    writeFileSync(file, program(2));
    const edited = await runCached(file);
    expect(edited.stderr).toBe('miss');
    expect(JSON.parse(edited.stdout)).toMatchObject({ n: 2 });
    expect((await runCached(file)).stderr).toBe('hit');

    writeFileSync(`${file}.v8-cache`, 'not a cache');
    expect(await runCached(file)).toMatchObject({ code: 0, stderr: 'miss' });
    expect(readFileSync(`${file}.v8-cache`).length).toBeGreaterThan(100);
  });
});

describe('bundled ask', () => {
  it('answers exactly as the TypeScript sources do, with and without its code cache', async () => {
    const bundle = join(scratch, 'ask.cjs');
    await bundleEntry('adapters/cli/ask', bundle);
    const args = ['--json', '--corpus', 'test/fixtures/corpus-eval', 'Who repaired the lamp?'];
    const sources = await node(['--import', 'tsx', 'adapters/cli/ask.ts', ...args]);
    expect(sources).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(sources.stdout)).toMatchObject({ answered: true });
    expect(await runCached(bundle, ...args)).toEqual({ ...sources, stderr: 'miss' });
    expect(await runCached(bundle, ...args)).toEqual({ ...sources, stderr: 'hit' });
  });
});
