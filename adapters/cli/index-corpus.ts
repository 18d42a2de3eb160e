import { parseArgs } from 'node:util';
import {
  CoreConfigSchema,
  createAnswererCached,
  DEFAULT_INDEX_CACHE_DIR,
  loadCorpus,
  parseConfig,
  UsageError,
} from '../../src/index.js';
import { runMain } from '../shared/run-main.js';

export const INDEX_USAGE = `Usage: npm run index -- [options]

Analyses every article of the corpus and saves the index snapshot that ask, the REPL and the
bots load at start (they build it themselves when it is missing or stale; this does it ahead).

Options:
  --corpus DIR      folder of articles (default: corpus, or CORPUS_DIR)
  --cache-dir DIR   folder of snapshots (default: ${DEFAULT_INDEX_CACHE_DIR})
  -h, --help        show this help`;

runMain(async () => {
  let values: { corpus?: string; 'cache-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        corpus: { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\n\n${INDEX_USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${INDEX_USAGE}\n`);
    return;
  }
  const env = parseConfig(CoreConfigSchema, process.env);
  const corpus = await loadCorpus(values.corpus ?? env.CORPUS_DIR);
  await createAnswererCached(corpus, {
    cacheDir: values['cache-dir'],
    rebuild: true,
    logger: {
      info: (message) => process.stdout.write(`${message}\n`),
      warn: (message) => process.stderr.write(`${message}\n`),
    },
  });
});
