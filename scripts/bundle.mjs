// Bundles the entry points whose start-up a person waits for (`npm run ask`, the REPL) into one
// CommonJS file each under dist/bundle/, so that a start reads one file and its V8 code cache
// (scripts/code-cache.cjs) instead of resolving and compiling some 400 modules one by one.
// Run by `npm run build`, after tsc; scripts/launch.cjs prefers a fresh bundle to dist/.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Entries (without extension, relative to the repository root) that get a bundle. */
export const BUNDLED_ENTRIES = ['adapters/cli/ask', 'adapters/repl/main'];

/** Where the bundle of `entry` lives. */
export const bundlePath = (entry, base = root) => join(base, 'dist', 'bundle', `${entry}.cjs`);

/**
 * The wink model package's own core loader requires its 3 MB JSON when it loads, though the core
 * never calls that loader: it reads the file itself (src/language/english-model.ts). Left in, the
 * JSON would be a third of the bundle, compiled and evaluated at every start for nothing.
 */
const leaveOutPackagedCoreModel = {
  name: 'leave-out-packaged-core-model',
  setup(build) {
    build.onLoad({ filter: /eng-core-web-model\.json$/ }, () => ({ contents: '{}', loader: 'json' }));
  },
};

/**
 * Bundles one entry. CommonJS, because only a classic script can be compiled with a V8 code
 * cache on Node 20; `import.meta.url` becomes the bundle's own file URL, so `createRequire` and
 * package lookups still resolve from the repository's node_modules. pino stays outside: its
 * transports start worker threads from files of their own packages.
 */
export async function bundleEntry(entry, outfile = bundlePath(entry)) {
  await build({
    entryPoints: [join(root, `${entry}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pino', 'pino-pretty', 'thread-stream'],
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [leaveOutPackagedCoreModel],
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await rm(join(root, 'dist', 'bundle'), { recursive: true, force: true });
  await Promise.all(BUNDLED_ENTRIES.map((entry) => bundleEntry(entry)));
}
