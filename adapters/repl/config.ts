import { z } from 'zod';
import { CoreConfigSchema } from '../../src/index.js';
import { blankAsMissing } from '../shared/environment.js';
import { CorpusWatchShape, OperationsConfigShape } from '../shared/operations-config.js';

/**
 * The REPL's environment: the core's keys, the corpus watch, and an optional rate limit, off
 * unless `RATE_LIMIT_PER_MINUTE` is set (one person at a terminal, often pasting a batch).
 */
export const ReplConfigSchema = CoreConfigSchema.extend({
  ...CorpusWatchShape,
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a number of questions per minute such as 10' })
      .positive('must be more than 0, such as 10')
      .optional(),
  ),
  RATE_LIMIT_BURST: OperationsConfigShape.RATE_LIMIT_BURST,
});

export type ReplConfig = z.infer<typeof ReplConfigSchema>;
