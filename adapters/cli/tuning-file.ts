import { readFile } from 'node:fs/promises';
import { ConfigError, resolveTuning, type TuningOverrides, UsageError } from '../../src/index.js';

/**
 * Reads `--tuning FILE.json`: any part of the core's tuning (src/tuning.ts), such as
 * `{ "decision": { "minCoverage": 0.4 } }`, checked before anything is built, so a change of weight
 * is an experiment run with a flag rather than an edit.
 *
 * @throws {UsageError} naming the file and, for a bad tuning, each bad key or value.
 */
export async function readTuningFile(file: string): Promise<TuningOverrides> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the tuning file${code ? ` (${code})` : ''}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
  try {
    resolveTuning(value);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  return value as TuningOverrides;
}
