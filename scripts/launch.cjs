// Runs an entry point (`node scripts/launch.cjs adapters/cli/ask args…`) as compiled JavaScript
// when `npm run build` has compiled the current sources, and through the tsx loader otherwise, so
// a start never pays for TypeScript compilation it does not need and never runs code older than
// its sources. Of compiled code it prefers the entry's bundle (scripts/bundle.mjs) run with its
// code cache, when the installed packages are no newer than the build, then dist/.
// CommonJS, so that a bundled start never boots Node's ES module loader, which cost more than
// any other single step of `npm run ask` but the wink model.
const { readFileSync, statSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
/** Written by `npm run build` once tsc has emitted everything. */
const STAMP = join(root, 'dist', '.built');
/** Rewritten by every `npm install` / `npm ci`; a bundle holds the packages it was built with. */
const INSTALLED = join(root, 'node_modules', '.package-lock.json');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];
/** Relative module specifiers of static imports, re-exports and literal dynamic imports. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('Usage: node scripts/launch.cjs <entry without extension> [args…]\n');
  process.exit(2);
}

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Number.NaN;

/**
 * Newest modification time among the entry's own sources (the TypeScript files it imports,
 * followed from import to import) and the build configuration: an edit elsewhere in the
 * repository does not make this entry's compiled code stale.
 */
function newestSource(start) {
  let newest = Math.max(...CONFIGS.map((file) => mtime(join(root, file))));
  const seen = new Set();
  const pending = [start];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    newest = Math.max(newest, mtime(file));
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (target.endsWith('.ts') && !Number.isNaN(mtime(target))) pending.push(target);
    }
  }
  return newest;
}

const source = join(root, `${entry}.ts`);
const compiled = join(root, 'dist', `${entry}.js`);
const bundle = join(root, 'dist', 'bundle', `${entry}.cjs`);
const built = mtime(STAMP);
// NaN (a missing stamp or compiled file) compares false: such a build is never fresh.
const fresh = built >= newestSource(source) && mtime(compiled) <= built;
const bundled = fresh && mtime(bundle) <= built && !(mtime(INSTALLED) > built);
const run = bundled ? bundle : fresh ? compiled : source;
// The entry reads its own arguments from process.argv.slice(2), as if started directly.
process.argv.splice(1, 2, run);
if (bundled) {
  require('./code-cache.cjs').runWithCodeCache(bundle);
} else {
  // An entry's compiled code and sources are ES modules; only this path needs the ESM loader.
  (async () => {
    if (!fresh) {
      const { register } = await import('tsx/esm/api');
      register();
    }
    await import(pathToFileURL(run).href);
  })().catch((error) => {
    process.exitCode = 1;
    throw error;
  });
}
