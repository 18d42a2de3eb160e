/**
 * The V8 flags the serving entry points run with (`npm start`, `ask`, `discord`, `slack` in
 * package.json). A young generation of 64 MB a semi-space instead of V8's 16 quarters the minor
 * collections under a stream of questions (each allocates ~300 KB), and with them the answers
 * that wait for one. The bench runs both engines with the same flags, so it measures the bot as
 * it serves.
 */
export const SERVING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** The package.json scripts that start a serving process. */
export const SERVING_SCRIPTS: readonly string[] = ['start', 'ask', 'discord', 'slack'];

/**
 * Added for the starts a person waits for (`npm start`, `ask`): a young generation that starts
 * at 32 MB a semi-space holds all that start-up allocates (the wink model, the index snapshot),
 * where the default one collected several times on the way (a CPU profile of one `ask` showed a
 * tenth of it in the garbage collector).
 */
export const START_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=32'];

/** The package.json scripts whose start a person waits for. */
export const START_SCRIPTS: readonly string[] = ['start', 'ask'];
