// Runs a CommonJS file with a V8 code cache kept next to it, so a start deserialises machine-
// independent bytecode instead of parsing and compiling megabytes of JavaScript. Node 20 has no
// built-in compile cache (module.enableCompileCache arrived in Node 22), and v8-compile-cache
// only stores the code compiled before a script runs, which measured no faster here; this cache
// is taken after the first run, so it also holds every function that run compiled lazily.
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const { dirname } = require('node:path');
const { Script } = require('node:vm');

const DIGEST_BYTES = 32;

/**
 * Runs `file` as the main module would run and returns how its code cache served: 'hit' (used),
 * 'miss' (none yet, or made for other contents) or 'rejected' (made by another V8). After a
 * miss or a rejection, a fresh cache is written when the process exits. V8 itself only checks a
 * cache against the source's length, so the cache starts with a SHA-256 of the file it was made
 * from, and is never used for other contents.
 */
function runWithCodeCache(file, cacheFile = `${file}.v8-cache`) {
  const source = readFileSync(file);
  const digest = createHash('sha256').update(source).digest();
  let cached = null;
  try {
    cached = readFileSync(cacheFile);
  } catch {}
  const usable = cached !== null && digest.equals(cached.subarray(0, DIGEST_BYTES));
  const script = new Script(Module.wrap(source.toString('utf8')), {
    filename: file,
    cachedData: usable ? cached.subarray(DIGEST_BYTES) : undefined,
  });
  const outcome = !usable ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  if (outcome !== 'hit') process.once('exit', () => saveCache(script, digest, cacheFile));
  const module = { exports: {}, filename: file };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return outcome;
}

/** Writes the cache through a temporary file, so a concurrent start never reads half of one. */
function saveCache(script, digest, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install just starts without the cache.
    rmSync(temporary, { force: true });
  }
}

module.exports = { runWithCodeCache };
