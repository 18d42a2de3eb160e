import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const { STAGES } = createRequire(import.meta.url)(CONFIG) as { STAGES: string[][] };

function coreFiles(folder = join(ROOT, 'src')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts')
      ? [relative(join(ROOT, 'src'), path).split('\\').join('/')]
      : [];
  });
}

describe('the import graph of src/ and adapters/', () => {
  it('has no loops, no upward import between stages, and no core import of an adapter', async () => {
    const cruise = promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        'src',
        'adapters',
        '--config',
        CONFIG,
        '--output-type',
        'err',
      ],
      { cwd: ROOT },
    );
    const { stdout } = await cruise.catch((error: { stdout: string }) => ({
      stdout: error.stdout,
    }));
    expect(stdout).toContain('no dependency violations found');
  }, 60_000);

  it('places every core file in a stage of the import order', () => {
    const staged = (file: string) =>
      STAGES.some((stage) =>
        stage.some((part) => (part.endsWith('/') ? file.startsWith(part) : file === part)),
      );
    expect(coreFiles().filter((file) => !staged(file))).toEqual([]);
  });
});

describe('the stage folders of src/', () => {
  it('keep at most 8 files at the top of src/', () => {
    expect(coreFiles().filter((file) => !file.includes('/')).length).toBeLessThanOrEqual(8);
  });

  it('open every file with the header of its folder: what it owns, what it may import', () => {
    const missing = coreFiles()
      .filter((file) => file.includes('/'))
      .filter((file) => {
        const [first = '', second = ''] = readFileSync(join(ROOT, 'src', file), 'utf8').split('\n');
        const folder = file.slice(0, file.indexOf('/') + 1);
        return !first.startsWith(`// ${folder}: `) || !second.startsWith('// May import: ');
      });
    expect(missing).toEqual([]);
  });

  it('never read process.env: entry points pass configuration in', () => {
    const readers = coreFiles().filter((file) =>
      readFileSync(join(ROOT, 'src', file), 'utf8').includes('process.env'),
    );
    expect(readers).toEqual([]);
  });
});
