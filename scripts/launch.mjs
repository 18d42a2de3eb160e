// Runs an entry point (`node scripts/launch.mjs adapters/cli/ask -- args…`) as compiled
// JavaScript from dist/ when `npm run build` has compiled the current sources, and through the
// tsx loader otherwise, so a start never pays for TypeScript compilation it does not need and
// never runs code older than the sources.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Written by `npm run build` once tsc has emitted everything. */
const STAMP = join(root, 'dist', '.built');
const SOURCE_FOLDERS = ['src', 'adapters', 'types'];

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('Usage: node scripts/launch.mjs <entry without extension> [args…]\n');
  process.exit(2);
}

/** Newest modification time among the TypeScript sources and the build configuration. */
function newestSource() {
  let newest = 0;
  const visit = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) visit(path);
      else if (item.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(join(root, folder));
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) {
    newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

const compiled = join(root, 'dist', `${entry}.js`);
const fresh = builtAt() >= newestSource() && statSync(compiled, { throwIfNoEntry: false });
// The entry reads its own arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, fresh ? compiled : join(root, `${entry}.ts`));
if (fresh) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, `${entry}.ts`)).href);
}
