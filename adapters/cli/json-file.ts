import { readFile } from 'node:fs/promises';
import { UsageError } from '../../src/index.js';

/**
 * Reads and parses one JSON file given on the command line (a tuning, a split, a model).
 *
 * @param what - what the file is, for the message ("tuning file").
 * @param fix - how to give another one, appended to the "cannot read" message.
 * @throws {UsageError} naming the file: unreadable (with the system's code), or not JSON.
 */
export async function readJsonFile(
  file: string,
  what: string,
  fix = 'Check the path.',
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the ${what}${code ? ` (${code})` : ''}. ${fix}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
}
