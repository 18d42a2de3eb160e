import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRunSchema } from '../../bench/result-schema.js';

const run = promisify(execFile);
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bench-run-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const runSize = (engine: string, extra: string[] = []) =>
  run(
    process.execPath,
    [
      ...extra,
      '--import',
      'tsx',
      'bench/run-size.ts',
      ...['--size', 'article', '--engine', engine, '--corpus', 'corpus', '--work', work],
      ...['--queries', '20', '--seed', '3'],
    ],
    { encoding: 'utf8' },
  );

describe('bench/run-size', () => {
  it('prints one EngineRun as JSON for the bot on the bundled article, progress on stderr', async () => {
    const { stdout, stderr } = await runSize('article-qa', ['--expose-gc']);
    const result = EngineRunSchema.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ size: 'article', engine: 'article-qa' });
    expect(result.corpus).toMatchObject({ documents: 1, paragraphs: 19 });
    expect(result.queries.total).toBe(20);
    expect(result.latency.samples).toBeGreaterThanOrEqual(20);
    expect(result.heapUsedBytes).toBeGreaterThan(0);
    expect(result.retrieval.questions + result.retrieval.unanswerable).toBe(20);
    expect(result.snapshot.status).toMatch(/^(n\/a|measured|failed)$/);
    expect(stderr).toContain('[bench article article-qa] loaded 19 paragraphs');
  });

  it('measures the baseline snapshot and leaves no snapshot file behind', async () => {
    const { stdout } = await runSize('minisearch', ['--expose-gc']);
    const result = EngineRunSchema.parse(JSON.parse(stdout));
    expect(result.snapshot).toMatchObject({ status: 'measured' });
    expect(result.snapshot.bytes).toBeGreaterThan(1000);
    expect(result.snapshot.loadMs).toBeGreaterThan(0);
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses to run without --expose-gc, saying why', async () => {
    await expect(runSize('minisearch')).rejects.toMatchObject({
      stderr: expect.stringContaining('needs a settled heap: run it with node --expose-gc'),
    });
  });
});
