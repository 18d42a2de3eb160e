import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, platform, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTuningFile } from '../adapters/cli/tuning-file.js';
import { loadDotEnv } from '../adapters/shared/environment.js';
import { figuresBody, writeFiguresSection } from '../adapters/shared/figures-file.js';
import { runMain } from '../adapters/shared/run-main.js';
import { ensureGeneratedCorpus } from './corpus-generator.js';
import { measureEndToEnd } from './end-to-end.js';
import type { EngineName } from './engines.js';
import { BENCH_USAGE, type BenchFlags, type BenchSize, parseBenchFlags } from './options.js';
import { loadProseSource, type ProseSource } from './prose.js';
import { computeRatios, renderReport } from './report.js';
import {
  type BenchReport,
  type EngineRun,
  EngineRunSchema,
  type SizeReport,
} from './result-schema.js';
import { SERVING_NODE_FLAGS } from './serving-flags.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', 'data');
const SQUAD_FILE = join(ROOT, '..', 'shared', 'eval', 'squad', 'squad-dev.jsonl');
/** Heap limit of the measuring processes: 100k paragraphs need more than Node's default. */
const CHILD_HEAP_MB = Math.floor((totalmem() / 2 ** 20) * 0.75);

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

runMain(async () => {
  loadDotEnv();
  const argv = process.argv.slice(2);
  const flags = parseBenchFlags(argv);
  if (flags.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  // Checked here, so a bad file fails before any corpus is generated or measured.
  if (flags.tuning !== undefined) await readTuningFile(flags.tuning);
  let source: ProseSource | null = null;
  const sizes: SizeReport[] = [];
  for (const size of flags.sizes) {
    const work = join(DATA_DIR, size.label);
    await mkdir(work, { recursive: true });
    let corpus = join(ROOT, 'corpus');
    if (size.paragraphs !== null) {
      source ??= await loadProseSource(SQUAD_FILE, join(ROOT, 'node_modules'));
      corpus = work;
      const wrote = await ensureGeneratedCorpus(corpus, size.paragraphs, flags.seed, source);
      log(`${size.label}: ${wrote ? 'generated' : 'reusing'} ${relative(ROOT, corpus)}`);
    }
    sizes.push(await measureSize(size, corpus, work, flags));
  }
  const endToEnd = flags.endToEnd ? await measureEndToEnd({ cwd: ROOT }) : [];
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      platform: platform(),
    },
    seed: flags.seed,
    queriesPerSize: flags.queries,
    proseOrigin: source
      ? `${source.origin === 'squad' ? 'SQuAD v1.1 dev' : 'README files'} ` +
        `(${relative(ROOT, source.path)}), ` +
        `${source.sentences.length} sentences`
      : 'not used',
    sizes,
    endToEnd,
  };
  const text = renderReport(report);
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : text);
  if (flags.write !== undefined) {
    const command = `npm run --silent bench -- ${argv.join(' ')}`;
    await writeFiguresSection(flags.write, 'bench', figuresBody('Benchmark', command, text));
  }
});

async function measureSize(
  size: BenchSize,
  corpus: string,
  work: string,
  flags: BenchFlags,
): Promise<SizeReport> {
  const errors: string[] = [];
  const run = async (engine: EngineName): Promise<EngineRun | null> => {
    try {
      return await runChild(size, engine, corpus, work, flags);
    } catch (error) {
      errors.push(`${engine}: ${(error as Error).message}`);
      return null;
    }
  };
  const core = await run('article-qa');
  const baseline = await run('minisearch');
  const ratios = core && baseline ? computeRatios(core, baseline) : null;
  return { size: size.label, core, baseline, ratios, errors };
}

/** Runs one engine on one size in a fresh Node process and parses the EngineRun it prints. */
function runChild(
  size: BenchSize,
  engine: EngineName,
  corpus: string,
  work: string,
  flags: BenchFlags,
): Promise<EngineRun> {
  const args = [
    ...SERVING_NODE_FLAGS,
    '--expose-gc',
    `--max-old-space-size=${CHILD_HEAP_MB}`,
    '--import',
    'tsx',
    'bench/run-size.ts',
    ...['--size', size.label, '--engine', engine, '--corpus', relative(ROOT, corpus)],
    ...[
      '--work',
      relative(ROOT, work),
      '--queries',
      String(flags.queries),
      '--seed',
      String(flags.seed),
    ],
    ...(flags.tuning === undefined ? [] : ['--tuning', resolve(flags.tuning)]),
  ];
  log(`${size.label}: measuring ${engine} (node ${args.join(' ')})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`the measuring process ended with ${signal ?? `exit code ${code}`}`));
        return;
      }
      const parsed = EngineRunSchema.safeParse(safeJson(stdout));
      if (parsed.success) resolvePromise(parsed.data);
      else
        reject(new Error(`the measuring process printed no valid result: ${stdout.slice(0, 200)}`));
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
