// Import rules for src/ and adapters/, checked by `npm test` (test/architecture.test.ts) and by
// hand with `npx depcruise src adapters --config .dependency-cruiser.cjs`.

/**
 * The core's stages, lowest first: a file may import its own stage and the stages before it,
 * never one after it. A stage is a folder of src/ (ending in "/") or top-level files.
 */
const STAGES = [
  ['errors.ts', 'config.ts', 'answer.ts', 'tuning.ts'],
  ['corpus/'],
  ['language/'],
  ['indexing/'],
  ['question/'],
  ['retrieval/'],
  ['short-answer/'],
  ['decision/'],
  ['quote/'],
  ['answerer.ts', 'input-bounds.ts', 'rate-limiter.ts'],
  ['snapshot/'],
  ['eval/'],
  ['index.ts'],
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (stage) => `^src/(?:${stage.map((part) => `${escape(part)}${part.endsWith('/') ? '' : '$'}`).join('|')})`;

const stageOrder = STAGES.slice(0, -1).map((stage, at) => ({
  name: `stage-order-${stage.join('+').replace(/\//g, '')}`,
  comment: `${stage.join(', ')} may import only the stages before it in STAGES (.dependency-cruiser.cjs).`,
  severity: 'error',
  from: { path: pathOf(stage) },
  to: { path: STAGES.slice(at + 1).map(pathOf).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import loop makes the order of the stages meaningless.',
      severity: 'error',
      from: { path: '^(?:src|adapters)/' },
      to: { circular: true },
    },
    {
      name: 'core-not-to-adapters',
      comment: 'The core is platform-neutral: adapters import src/index.ts, never the other way.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(?:adapters|bench|test|scripts)/' },
    },
    {
      name: 'core-not-to-platforms',
      comment: 'The core never imports a chat platform, the terminal or dotenv (see STYLE.md).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(?:^|/)node_modules/(?:discord\\.js|@slack/|dotenv)|^readline$' },
    },
    {
      name: 'one-minisearch-importer',
      comment:
        'MiniSearch sits behind indexing/search-index.ts (the eval keeps its plain baseline).',
      severity: 'error',
      from: {
        path: '^(?:src|adapters)/',
        pathNot: '^src/(?:indexing/search-index|eval/plain-minisearch)\\.ts$',
      },
      to: { path: '(?:^|/)node_modules/minisearch/' },
    },
    {
      name: 'question-read-once',
      comment:
        'The question is tagged, classified and scanned once, by question/question-analysis.ts; later stages read its QuestionAnalysis.',
      severity: 'error',
      from: {
        path: '^(?:src|adapters)/',
        pathNot: '^src/(?:question/|index\\.ts$|input-bounds\\.ts$)',
      },
      to: { path: '^src/question/(?:classify-question|clean-question|focus|main-verb)\\.ts$' },
    },
    ...stageOrder,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};

// For test/architecture.test.ts, which checks that every core file belongs to a stage; not
// enumerable, so dependency-cruiser's own validation of this object does not see it.
Object.defineProperty(module.exports, 'STAGES', { value: STAGES });
