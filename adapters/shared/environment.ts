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
