import { describe, expect, it } from 'vitest';
import { displayPath, displayPathsIn } from '../../../adapters/shared/paths.js';

describe('paths in messages', () => {
  it('are relative inside the working directory and absolute outside it', () => {
    expect(displayPath('/work/repo/corpus/story.md', '/work/repo')).toBe('corpus/story.md');
    expect(displayPath('corpus', '/work/repo')).toBe('corpus');
    expect(displayPath('/work/repo', '/work/repo')).toBe('.');
    expect(displayPath('/srv/articles', '/work/repo')).toBe('/srv/articles');
    expect(displayPath('../other', '/work/repo')).toBe('/work/other');
  });

  it('show the absolute paths inside the working directory of a report relatively', () => {
    expect(
      displayPathsIn(
        'article-qa: index loaded from /work/repo/.cache/index/ab.bin in 14 ms',
        '/work/repo',
      ),
    ).toBe('article-qa: index loaded from .cache/index/ab.bin in 14 ms');
  });
});
