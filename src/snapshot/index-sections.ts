// snapshot/: the index snapshot file, its key, and the cache folder that keeps snapshots.
// May import: answerer.ts and every stage below it.
import type { Alias } from '../indexing/aliases.js';
import { createStringTable, restoreAnnotations } from '../indexing/annotation-columns.js';
import type { ArticleVocabulary } from '../indexing/article-vocabulary.js';
import type { CorpusIndex } from '../indexing/corpus-index.js';
import { restoreParagraphIndex, type SavedParagraphIndex } from '../indexing/search-index.js';
import type { Tuning } from '../tuning.js';
import { SectionFileError, type SectionValue } from './section-file.js';

/** The sections of the snapshot file that hold `built` (its tuning goes into the file's key). */
export function toSections(built: CorpusIndex): Record<string, SectionValue> {
  const { annotations, index, reverseRelations, softForms, aliases } = built;
  // A reloaded index is saved in corpus order, so it loads like one built from the text.
  const { slots } = annotations;
  const positions = new Map<number, number>();
  slots?.forEach((slot, position) => {
    positions.set(slot, position);
  });
  const saved = index.save(slots ? (slot) => positions.get(slot) ?? slot : undefined);
  const { strings: relationTerms, idOf } = createStringTable();
  const keys: number[] = [];
  const starts: number[] = [0];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const [term, related] of reverseRelations) {
    keys.push(idOf(term));
    for (const [target, weight] of related) {
      targets.push(idOf(target));
      weights.push(weight);
    }
    starts.push(targets.length);
  }
  return {
    ...prefixed('annotations', annotations.columns),
    'index.terms': [...saved.terms],
    'index.frequencies': saved.frequencies,
    'index.engine': saved.engine as unknown as Record<string, unknown>,
    'relations.terms': [...relationTerms],
    'relations.keys': Uint32Array.from(keys),
    'relations.starts': Uint32Array.from(starts),
    'relations.targets': Uint32Array.from(targets),
    'relations.weights': Float64Array.from(weights),
    'soft.forms': [...softForms.keys()],
    'soft.terms': [...softForms.values()],
    aliases: aliases.map((a) => [a.nameTerms, a.roleTerms]),
    ...articleSections(built.articles),
  };
}

/** Each article's vocabulary as ids into one string table, with where each article starts. */
function articleSections(articles: readonly ArticleVocabulary[]): Record<string, SectionValue> {
  const { strings, idOf } = createStringTable();
  const words: number[] = [];
  const forms: number[] = [];
  const wordStarts = [0];
  const formStarts = [0];
  for (const article of articles) {
    for (const word of article.words) words.push(idOf(word));
    for (const form of article.forms) forms.push(idOf(form));
    wordStarts.push(words.length);
    formStarts.push(forms.length);
  }
  return {
    'articles.strings': [...strings],
    'articles.words': Uint32Array.from(words),
    'articles.wordStarts': Uint32Array.from(wordStarts),
    'articles.forms': Uint32Array.from(forms),
    'articles.formStarts': Uint32Array.from(formStarts),
    'articles.aliasCounts': Uint32Array.from(articles, (article) => article.aliases.length),
  };
}

/** The articles' vocabularies held by the `articles.*` sections; `aliases` is the corpus's list. */
function articlesOf(
  u32: (name: string) => Uint32Array,
  strings: readonly string[],
  aliases: readonly Alias[],
): ArticleVocabulary[] {
  const words = u32('articles.words');
  const forms = u32('articles.forms');
  const wordStarts = u32('articles.wordStarts');
  const formStarts = u32('articles.formStarts');
  const aliasCounts = u32('articles.aliasCounts');
  const count = aliasCounts.length;
  const fits =
    wordStarts.length === count + 1 &&
    formStarts.length === count + 1 &&
    wordStarts[count] === words.length &&
    formStarts[count] === forms.length &&
    aliasCounts.reduce((sum, n) => sum + n, 0) === aliases.length &&
    words.every((id) => id < strings.length) &&
    forms.every((id) => id < strings.length);
  if (!fits) throw new SectionFileError('has article vocabularies that do not fit together');
  const text = (ids: Uint32Array, from: number, to: number) =>
    Array.from(ids.subarray(from, to), (id) => strings[id] as string);
  let alias = 0;
  return Array.from(aliasCounts, (aliasCount, i) => {
    const article = {
      words: text(words, wordStarts[i] ?? 0, wordStarts[i + 1] ?? 0),
      forms: text(forms, formStarts[i] ?? 0, formStarts[i + 1] ?? 0),
      aliases: aliases.slice(alias, alias + aliasCount),
    };
    alias += aliasCount;
    return article;
  });
}

function engineSection(value: SectionValue | undefined): SavedParagraphIndex['engine'] {
  if (
    !value ||
    Array.isArray(value) ||
    value instanceof Uint32Array ||
    value instanceof Float64Array
  ) {
    throw new SectionFileError('lacks the index.engine section');
  }
  return value as unknown as SavedParagraphIndex['engine'];
}

function prefixed(prefix: string, values: object): Record<string, SectionValue> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/**
 * The corpus index held by the sections of a snapshot file, built with `tuning`.
 *
 * @throws {SectionFileError} when a section is missing or the sections do not fit together.
 */
export function fromSections(
  sections: ReadonlyMap<string, SectionValue>,
  tuning: Tuning,
): CorpusIndex {
  const u32 = (name: string): Uint32Array => {
    const value = sections.get(name);
    if (!(value instanceof Uint32Array)) throw new SectionFileError(`lacks the ${name} section`);
    return value;
  };
  const strings = (name: string): string[] => {
    const value = sections.get(name);
    if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
      throw new SectionFileError(`lacks the ${name} section`);
    }
    return value;
  };
  const relationTerms = strings('relations.terms');
  const starts = u32('relations.starts');
  const targets = u32('relations.targets');
  const keys = u32('relations.keys');
  const weights = sections.get('relations.weights');
  if (
    !(weights instanceof Float64Array) ||
    weights.length !== targets.length ||
    starts.length !== keys.length + 1 ||
    starts[keys.length] !== targets.length
  ) {
    throw new SectionFileError('has relations that do not fit together');
  }
  const reverseRelations = new Map<string, Map<string, number>>();
  keys.forEach((key, i) => {
    const related = new Map<string, number>();
    for (let at = starts[i] ?? 0; at < (starts[i + 1] ?? 0); at += 1) {
      related.set(relationTerms[targets[at] ?? 0] ?? '', weights[at] ?? 0);
    }
    reverseRelations.set(relationTerms[key] ?? '', related);
  });
  const forms = strings('soft.forms');
  const softTerms = strings('soft.terms');
  const aliases = aliasesOf(sections.get('aliases'));
  return {
    annotations: restoreAnnotations({
      strings: strings('annotations.strings'),
      types: u32('annotations.types'),
      paragraphs: u32('annotations.paragraphs'),
      tokens: u32('annotations.tokens'),
      sentences: u32('annotations.sentences'),
      entities: u32('annotations.entities'),
    }),
    index: restoreParagraphIndex({
      terms: strings('index.terms'),
      frequencies: u32('index.frequencies'),
      engine: engineSection(sections.get('index.engine')),
    }),
    reverseRelations,
    softForms: new Map(forms.map((form, i) => [form, softTerms[i] ?? ''])),
    aliases,
    articles: articlesOf(u32, strings('articles.strings'), aliases),
    tuning,
  };
}

/** Aliases are saved as [name terms, role terms] pairs, so any term survives the round trip. */
function aliasesOf(value: SectionValue | undefined): Alias[] {
  const isTerms = (terms: unknown): terms is string[] =>
    Array.isArray(terms) && terms.every((t) => typeof t === 'string');
  if (!Array.isArray(value)) throw new SectionFileError('lacks the aliases section');
  return value.map((pair) => {
    if (!Array.isArray(pair) || !isTerms(pair[0]) || !isTerms(pair[1])) {
      throw new SectionFileError('has a damaged aliases section');
    }
    return { nameTerms: pair[0], roleTerms: pair[1] };
  });
}
