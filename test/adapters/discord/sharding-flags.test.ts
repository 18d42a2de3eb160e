import { describe, expect, it } from 'vitest';
import { parseShardFlags } from '../../../adapters/discord/sharding.js';
import { UsageError } from '../../../src/index.js';

describe('parseShardFlags', () => {
  it('runs unsharded without flags', () => {
    expect(parseShardFlags([])).toBeNull();
  });

  it('reads --shards auto and --shards N', () => {
    expect(parseShardFlags(['--shards', 'auto'])).toEqual({ totalShards: 'auto' });
    expect(parseShardFlags(['--shards=4'])).toEqual({ totalShards: 4 });
  });

  it('splits shards across machines with --total-shards and --shard-list', () => {
    expect(parseShardFlags(['--total-shards', '8', '--shard-list', '0-2,6'])).toEqual({
      totalShards: 8,
      shardList: [0, 1, 2, 6],
    });
  });

  it('rejects lists without a fixed total, ids beyond it, bad counts and unknown flags', () => {
    const cases = [
      [['--shard-list', '0,1'], /--shard-list needs --total-shards N/],
      [['--shards', 'auto', '--shard-list', '0'], /--shard-list needs --total-shards N/],
      [['--total-shards', '2', '--shard-list', '1-3'], /shard ids run from 0 to 1/],
      [['--total-shards', '2', '--shard-list', 'a'], /expected shard ids like 0,1,2/],
      [['--shards', '0'], /--shards 0: expected "auto" or a whole number of at least 1/],
      [['--shards', '2', '--total-shards', '3'], /disagree/],
      [
        ['--shard', '2'],
        /^Unknown option --shard: run "npm run discord -- --help" for the options\.$/,
      ],
    ] as const;
    for (const [argv, message] of cases) {
      expect(() => parseShardFlags(argv)).toThrow(UsageError);
      expect(() => parseShardFlags(argv)).toThrow(message);
    }
  });
});
