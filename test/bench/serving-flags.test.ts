import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SERVING_NODE_FLAGS,
  SERVING_SCRIPTS,
  START_NODE_FLAGS,
  START_SCRIPTS,
} from '../../bench/serving-flags.js';

describe('serving flags', () => {
  it('are the flags every serving npm script starts node with, so the bench measures those', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of SERVING_SCRIPTS) {
      const flags = [
        ...SERVING_NODE_FLAGS,
        ...(START_SCRIPTS.includes(name) ? START_NODE_FLAGS : []),
      ];
      expect(scripts[name], name).toMatch(
        new RegExp(`^node ${flags.join(' ')} scripts/launch\\.cjs `),
      );
    }
  });
});
