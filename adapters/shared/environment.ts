/**
 * Reads a blank environment value as unset: `.env` files often carry `NAME=` (or `NAME= `) for an
 * unused variable, which should get the variable's default rather than fail validation. For
 * `z.preprocess(blankAsMissing, schema)`.
 */
export function blankAsMissing(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/**
 * Loads `.env` from the working directory into `process.env` when the file exists; variables
 * already set win. Uses Node's own loader, so nothing prints on import.
 */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
