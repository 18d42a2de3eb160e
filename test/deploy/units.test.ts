import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const UNITS = readdirSync('deploy').filter((name) => name.endsWith('.service'));
const hasSystemdAnalyze = !spawnSync('systemd-analyze', ['--version']).error;

/** The launcher and the entry source a unit's `ExecStart` runs, relative to the repository. */
function launchedFiles(unit: string): string[] {
  const execStart = readFileSync(join('deploy', unit), 'utf8').match(/^ExecStart=(.+)$/m)?.[1];
  expect(execStart, `${unit} has an ExecStart`).toBeDefined();
  const [, launcher = '', entry = ''] = (execStart ?? '')
    .split(/\s+/)
    .filter((word) => !word.startsWith('-'));
  return [launcher, `${entry}.ts`];
}

describe('the systemd units in deploy/', () => {
  it('are there: a Discord unit and a Slack replica template', () => {
    expect(UNITS.sort()).toEqual(['article-qa-discord.service', 'article-qa-slack@.service']);
  });

  it.each(UNITS)('%s starts the launcher and an entry that exist', (unit) => {
    const files = launchedFiles(unit);
    expect(files).toHaveLength(2);
    for (const file of files) expect(existsSync(file), `${unit} → ${file}`).toBe(true);
  });

  it.skipIf(!hasSystemdAnalyze).each(UNITS)(
    '%s passes systemd-analyze verify (as an instance, for the template)',
    async (unit) => {
      const dir = await mkdtemp(join(tmpdir(), 'article-qa-units-'));
      onTestFinished(() => rm(dir, { recursive: true, force: true }));
      await copyFile(join('deploy', unit), join(dir, unit));
      const name = unit.replace('@.service', '@3001.service');
      if (name !== unit) await symlink(unit, join(dir, name));
      const verify = spawnSync('systemd-analyze', ['verify', `./${name}`], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });
    },
  );
});
