import { ConfigError, resolveTuning, type TuningOverrides, UsageError } from '../../src/index.js';
import { readJsonFile } from './json-file.js';

/**
 * Reads `--tuning FILE.json`: any part of the core's tuning (src/tuning.ts), such as
 * `{ "retrieval": { "candidates": 30 } }`, checked before anything is built, so a change of weight
 * is an experiment run with a flag rather than an edit.
 *
 * @throws {UsageError} naming the file and, for a bad tuning, each bad key or value.
 */
export async function readTuningFile(file: string): Promise<TuningOverrides> {
  const value = await readJsonFile(file, 'tuning file');
  try {
    resolveTuning(value);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  return value as TuningOverrides;
}
