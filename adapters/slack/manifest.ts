import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/**
 * The app manifest in the repository, written for the default command `/ask`. Found from the
 * repository root, since compiled code runs from `dist/`, where no YAML is copied.
 */
export function manifestFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'adapters', 'slack', 'manifest.yaml');
}

/**
 * The app manifest with `command` as its slash command, comments kept, so the command Slack
 * registers is the one the bot listens for (`SLACK_COMMAND`).
 */
export async function renderManifest(command: string): Promise<string> {
  const manifest = parseDocument(await readFile(manifestFile(), 'utf8'));
  manifest.setIn(['features', 'slash_commands', 0, 'command'], command);
  return String(manifest);
}
