import { z } from 'zod';
import { ConfigError } from './errors.js';

/** The environment keys the core itself understands (every adapter accepts them). */
export const CoreConfigSchema = z.object({
  /** Folder of articles. @default "corpus" */
  CORPUS_DIR: z.string().trim().min(1, 'must not be empty').default('corpus'),
});

export type CoreConfig = z.infer<typeof CoreConfigSchema>;

/**
 * Validates an environment record against `schema` and returns a frozen, typed config.
 *
 * @throws {ConfigError} listing every problem, one line each, named by variable.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
  what = 'configuration',
): Readonly<z.infer<S>> {
  const result = schema.safeParse(env);
  if (result.success) return Object.freeze(result.data) as Readonly<z.infer<S>>;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'environment';
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(
    `Invalid ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    problems,
  );
}
