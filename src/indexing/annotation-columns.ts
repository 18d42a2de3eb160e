// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import type { EntitySpan, SentenceSpan, TextAnalysis, Token } from '../language/text-analysis.js';

/**
 * The language analysis of a whole corpus in typed arrays: one row per token, sentence and
 * entity, with every string (lemma, term, tag, entity type) kept once in a shared table. A
 * paragraph's objects are decoded only when it is needed (about 16 bytes per token instead of
 * a few hundred for objects).
 */
export interface CompactAnnotations {
  readonly paragraphCount: number;
  readonly tokenCount: number;
  /**
   * The id each paragraph (by corpus position) has in the search index, when that is not its
   * position: an index reloaded in place keeps the ids it gave paragraphs as articles come and go.
   * Null when every paragraph's id is its position.
   */
  readonly slots: Uint32Array | null;
  /** The analysis of paragraph `index` (0-based, corpus order); `text` is that paragraph's text. */
  decode(index: number, text: string): TextAnalysis;
  /** The columns, for the snapshot file. */
  readonly columns: AnnotationColumns;
}

/** The raw columns of {@link CompactAnnotations}. */
export interface AnnotationColumns {
  /** Every distinct string, indexed by the id columns. */
  readonly strings: readonly string[];
  /** Per token type: lemma, term, pos and kind string ids and the stop-word flag (5 numbers). */
  readonly types: Uint32Array;
  /** Per paragraph, where its tokens, sentences and entities start (3 numbers, plus a final row). */
  readonly paragraphs: Uint32Array;
  /** Per token: start, end, type and sentence (4 numbers). */
  readonly tokens: Uint32Array;
  /** Per sentence: start, end, first token and end token (4 numbers). */
  readonly sentences: Uint32Array;
  /** Per entity: type string id, start, end, first token and end token (5 numbers). */
  readonly entities: Uint32Array;
}

const TYPE_WIDTH = 5;
const PARAGRAPH_WIDTH = 3;
const TOKEN_WIDTH = 4;
const SENTENCE_WIDTH = 4;
const ENTITY_WIDTH = 5;

/** Collects analyses one paragraph at a time, in corpus order. */
export interface AnnotationsBuilder {
  add(analysis: TextAnalysis): void;
  finish(): CompactAnnotations;
}

/** A table that keeps each distinct string once, with ids in order of first use. */
export interface StringTable {
  /** The strings, by id. */
  readonly strings: readonly string[];
  /** The id of `value`, added at the end if it is new. */
  idOf(value: string): number;
}

/** Starts an empty {@link StringTable}. */
export function createStringTable(): StringTable {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  return {
    strings,
    idOf(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = strings.length;
        strings.push(value);
        ids.set(value, id);
      }
      return id;
    },
  };
}

/** Starts an empty {@link AnnotationsBuilder}. */
export function createAnnotationsBuilder(): AnnotationsBuilder {
  const table = createStringTable();
  const intern = table.idOf;
  const typeIds = new Map<string, number>();
  const types = new GrowingColumn();
  const paragraphs = new GrowingColumn();
  const tokens = new GrowingColumn();
  const sentences = new GrowingColumn();
  const entities = new GrowingColumn();
  const counts = { tokens: 0, sentences: 0, entities: 0 };
  const typeOf = (token: Token): number => {
    const key = `${token.lemma}\u0000${token.term}\u0000${token.pos}\u0000${token.kind}\u0000${token.isStopWord}`;
    let id = typeIds.get(key);
    if (id === undefined) {
      id = typeIds.size;
      typeIds.set(key, id);
      const stop = token.isStopWord ? 1 : 0;
      types.push(
        intern(token.lemma),
        intern(token.term),
        intern(token.pos),
        intern(token.kind),
        stop,
      );
    }
    return id;
  };

  return {
    add(analysis) {
      paragraphs.push(counts.tokens, counts.sentences, counts.entities);
      for (const token of analysis.tokens) {
        tokens.push(token.start, token.end, typeOf(token), token.sentence);
      }
      for (const s of analysis.sentences) sentences.push(s.start, s.end, s.firstToken, s.endToken);
      for (const e of analysis.entities) {
        entities.push(intern(e.type), e.start, e.end, e.firstToken, e.endToken);
      }
      counts.tokens += analysis.tokens.length;
      counts.sentences += analysis.sentences.length;
      counts.entities += analysis.entities.length;
    },
    finish() {
      paragraphs.push(counts.tokens, counts.sentences, counts.entities);
      return restoreAnnotations({
        strings: table.strings,
        types: types.toArray(),
        paragraphs: paragraphs.toArray(),
        tokens: tokens.toArray(),
        sentences: sentences.toArray(),
        entities: entities.toArray(),
      });
    },
  };
}

/**
 * Wraps columns read back from a snapshot.
 *
 * @throws {Error} when the columns do not fit together (a damaged or foreign snapshot).
 */
export function restoreAnnotations(columns: AnnotationColumns): CompactAnnotations {
  const { strings, types, paragraphs, tokens, sentences, entities } = columns;
  const paragraphCount = paragraphs.length / PARAGRAPH_WIDTH - 1;
  const tokenCount = tokens.length / TOKEN_WIDTH;
  const fits =
    Number.isInteger(paragraphCount) &&
    paragraphCount >= 0 &&
    types.length % TYPE_WIDTH === 0 &&
    Number.isInteger(tokenCount) &&
    sentences.length % SENTENCE_WIDTH === 0 &&
    entities.length % ENTITY_WIDTH === 0 &&
    paragraphs[paragraphCount * PARAGRAPH_WIDTH] === tokenCount &&
    paragraphs[paragraphCount * PARAGRAPH_WIDTH + 1] === sentences.length / SENTENCE_WIDTH &&
    paragraphs[paragraphCount * PARAGRAPH_WIDTH + 2] === entities.length / ENTITY_WIDTH &&
    types.every((id, i) => (i % TYPE_WIDTH === 4 ? id <= 1 : id < strings.length));
  if (!fits) throw new Error('compact annotations: the columns do not fit together');
  const typeCount = types.length / TYPE_WIDTH;
  const str = (id: number): string => strings[id] ?? '';

  return {
    paragraphCount,
    tokenCount,
    columns,
    slots: null,
    decode(index, text) {
      const row = index * PARAGRAPH_WIDTH;
      const firstToken = paragraphs[row] ?? 0;
      const endToken = paragraphs[row + PARAGRAPH_WIDTH] ?? firstToken;
      const decodedTokens: Token[] = [];
      for (let t = firstToken; t < endToken; t += 1) {
        const at = t * TOKEN_WIDTH;
        const start = tokens[at] ?? 0;
        const end = tokens[at + 1] ?? 0;
        const type = Math.min(tokens[at + 2] ?? 0, typeCount - 1) * TYPE_WIDTH;
        decodedTokens.push({
          start,
          end,
          text: text.slice(start, end),
          lemma: str(types[type] ?? 0),
          term: str(types[type + 1] ?? 0),
          pos: str(types[type + 2] ?? 0),
          kind: str(types[type + 3] ?? 0),
          isStopWord: types[type + 4] === 1,
          sentence: tokens[at + 3] ?? 0,
        });
      }
      const decodedSentences: SentenceSpan[] = [];
      const sentenceEnd = paragraphs[row + PARAGRAPH_WIDTH + 1] ?? 0;
      for (let s = paragraphs[row + 1] ?? 0; s < sentenceEnd; s += 1) {
        const at = s * SENTENCE_WIDTH;
        decodedSentences.push({
          start: sentences[at] ?? 0,
          end: sentences[at + 1] ?? 0,
          firstToken: sentences[at + 2] ?? 0,
          endToken: sentences[at + 3] ?? 0,
        });
      }
      const decodedEntities: EntitySpan[] = [];
      const entityEnd = paragraphs[row + PARAGRAPH_WIDTH + 2] ?? 0;
      for (let e = paragraphs[row + 2] ?? 0; e < entityEnd; e += 1) {
        const at = e * ENTITY_WIDTH;
        decodedEntities.push({
          type: str(entities[at] ?? 0),
          start: entities[at + 1] ?? 0,
          end: entities[at + 2] ?? 0,
          firstToken: entities[at + 3] ?? 0,
          endToken: entities[at + 4] ?? 0,
        });
      }
      return { tokens: decodedTokens, sentences: decodedSentences, entities: decodedEntities };
    },
  };
}

/** A Uint32Array that doubles its capacity as values arrive. */
class GrowingColumn {
  private data = new Uint32Array(1024);
  private length = 0;

  /** Appends one row (the values given, in order); a rest parameter would allocate per call. */
  push(a: number, b?: number, c?: number, d?: number, e?: number): void {
    if (this.length + 5 > this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = a;
    if (b !== undefined) this.data[this.length++] = b;
    if (c !== undefined) this.data[this.length++] = c;
    if (d !== undefined) this.data[this.length++] = d;
    if (e !== undefined) this.data[this.length++] = e;
  }

  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
