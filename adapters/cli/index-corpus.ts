import { z } from 'zod';
import {
  CoreConfigSchema,
  createAnswererCached,
  DEFAULT_INDEX_CACHE_DIR,
  loadCorpus,
  parseConfig,
} from '../../src/index.js';
import {
  type CommandSpec,
  CorpusFlagSchema,
  HELP_FLAG,
  parseCommandLine,
} from '../shared/command-line.js';
import { loadDotEnv } from '../shared/environment.js';
import { runMain } from '../shared/run-main.js';
import { createSnapshotLogger } from '../shared/snapshot-logger.js';

export const INDEX_USAGE = `Usage: npm run index -- [options]

Analyses every article of the corpus and saves the index snapshot that ask, the REPL and the
bots load at start (they build it themselves when it is missing or stale; this does it ahead).

Options:
  --corpus DIR      folder of articles (default: CORPUS_DIR from the environment or .env, else corpus)
  --cache-dir DIR   folder of snapshots (default: ${DEFAULT_INDEX_CACHE_DIR})
  -h, --help        show this help`;

const INDEX_COMMAND: CommandSpec = {
  command: 'npm run index',
  flags: { corpus: { type: 'string' }, 'cache-dir': { type: 'string' }, ...HELP_FLAG },
};

const IndexFlagsSchema = z.object({
  corpus: CorpusFlagSchema,
  'cache-dir': z.string().trim().min(1, '--cache-dir needs a folder path').optional(),
  help: z.boolean().default(false),
});

runMain(async () => {
  loadDotEnv();
  const flags = parseCommandLine(INDEX_COMMAND, IndexFlagsSchema, process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${INDEX_USAGE}\n`);
    return;
  }
  const env = parseConfig(CoreConfigSchema, process.env);
  const corpus = await loadCorpus(flags.corpus ?? env.CORPUS_DIR);
  await createAnswererCached(corpus, {
    cacheDir: flags['cache-dir'],
    rebuild: true,
    logger: createSnapshotLogger({ info: process.stdout, warn: process.stderr }),
  });
});
