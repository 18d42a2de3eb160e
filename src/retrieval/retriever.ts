// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: question, indexing, language, corpus, tuning.
import type { QuestionType } from '../answer.js';
import type { AliasTable } from '../indexing/aliases.js';
import type { AnnotatedParagraph } from '../indexing/annotated-paragraphs.js';
import type { ParagraphIndex, WeightedTerm } from '../indexing/search-index.js';
import type { TermRelations } from '../indexing/term-relations.js';
import { kindOfNoun } from '../language/noun-kinds.js';
import { analyzeText, type Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import { classifyQuestion, cleanQuestion } from '../question/clean-question.js';
import { type ParagraphScore, type QueryWord, scoreParagraph } from './ranking.js';
import type { RetrieverParts } from './retriever-parts.js';

/** A content word of the question, with its token. */
export interface QuestionWord extends QueryWord {
  readonly token: Token;
  /** Terms reached only through a learned alias (a person's name for a role word). */
  readonly aliasTerms?: ReadonlySet<string>;
}

/** What the retriever understood of a question and the paragraphs it ranked, best first. */
export interface Retrieval {
  readonly cleaned: string;
  readonly tokens: readonly Token[];
  readonly type: QuestionType;
  readonly words: readonly QuestionWord[];
  readonly ranked: readonly ParagraphScore[];
  /** The noun a how-many/what/which question asks about ("soldiers" in "how many soldiers"). */
  readonly focus: QuestionWord | null;
}

/** Paragraphs taken from the index for the finer ranking. */
const CANDIDATES = 50;
const FIRST_STAGE_MIN_WEIGHT = 0.6;
/** Only a close match of a question word follows an alias. */
const ALIAS_SOURCE_WEIGHT = 0.8;
const FIRST_STAGE_TERMS_PER_WORD = 4;
const COMMON_SHARE = 0.2;
/**
 * Postings a search may score in full (see `IndexSearchOptions`); commoner terms beyond it only
 * re-score what the rarer ones found. Reached only by large corpora.
 */
const POSTING_BUDGET = 3_000;
/** Weight left to related words when the question's own word occurs in the corpus. */
const EXACT_PRESENT_SCALE = 0.6;

/** Finds and ranks the paragraphs that best match a question. */
export function retrieve(parts: RetrieverParts, question: string): Retrieval {
  const { paragraphs, index, relations, soft } = parts;
  const cleaned = cleanQuestion(question);
  const { tokens } = analyzeText(cleaned);
  const classified = classifyQuestion(tokens);
  const words = questionWords(tokens, index, relations, parts.aliases);
  const focusToken = findFocus(tokens, classified.whIndex);
  const type = refineType(classified.type, focusToken, tokens, parts.wordnet);

  const firstStage = firstStageTerms(words, index);
  const hits = index.search(firstStage, CANDIDATES, { postingBudget: POSTING_BUDGET });
  if (hits.length < CANDIDATES) {
    // Few paragraphs hold the question's own words: let the weaker relatives fill the list. The
    // paragraphs not found yet hold none of the terms searched, so those need no second look.
    const searched = new Set(firstStage.map((t) => t.term));
    const relatives = allTerms(words).filter((t) => !searched.has(t.term));
    const seen = new Set(hits.map((hit) => hit.id));
    for (const hit of index.search(relatives, CANDIDATES, { postingBudget: POSTING_BUDGET })) {
      if (hits.length >= CANDIDATES) break;
      if (!seen.has(hit.id))
        hits.push({ ...hit, score: Math.min(hit.score, hits.at(-1)?.score ?? hit.score) });
    }
  }
  const bestBm25 = hits[0]?.score ?? 0;
  const candidates = hits.map((hit) => paragraphs[hit.id] as AnnotatedParagraph);
  // Soft matches only ever count inside the paragraphs ranked here.
  const vocabulary = new Set<string>();
  for (const paragraph of candidates) for (const term of paragraph.termSet) vocabulary.add(term);
  const softMatches = soft.matchAll(
    words.map((word) => word.token),
    vocabulary,
  );
  const softened = words.map((word, i) => {
    const matches = [...word.matches, ...(softMatches[i] ?? [])];
    // A word the corpus uses as typed most likely means itself; its relatives count for less.
    const scale = index.documentFrequency(word.term) > 0 ? EXACT_PRESENT_SCALE : 1;
    return {
      ...word,
      matches: matches.map((m) => (m.term === word.term ? m : { ...m, weight: m.weight * scale })),
    };
  });
  const ranked = hits
    .map((hit, i) =>
      scoreParagraph(candidates[i] as AnnotatedParagraph, softened, hit.score, bestBm25),
    )
    .sort((a, b) => b.score - a.score);
  const focus =
    softened.find((w) => w.token === focusToken) ??
    (focusToken
      ? {
          term: focusToken.term,
          importance: 0,
          matches: relations.expand(focusToken),
          token: focusToken,
        }
      : null);
  return { cleaned, tokens, type, words: softened, ranked, focus };
}

/** The first noun after the wh-word ("how many *soldiers*", "which *city*"). */
function findFocus(tokens: readonly Token[], whIndex: number): Token | null {
  if (whIndex < 0) return null;
  for (let t = whIndex + 1; t < Math.min(tokens.length, whIndex + 7); t += 1) {
    const token = tokens[t] as Token;
    // "What kind of approach": the kind is the approach.
    if (token.pos === 'NOUN' && tokens[t + 1]?.lemma === 'of' && tokens[t + 2]?.pos === 'NOUN') {
      return tokens[t + 2] as Token;
    }
    if (token.pos === 'NOUN') return token;
    // "What is the name of…" asks for a name; in "What can a teacher use" the noun is the subject.
    if (token.pos === 'AUX' && token.lemma !== 'be') return null;
    if (!['ADJ', 'ADV', 'PROPN', 'DET', 'NUM', 'PART', 'AUX'].includes(token.pos)) return null;
  }
  return null;
}

/** "Which city" asks where, "what year" asks when, "which lawmakers" asks who. */
function refineType(
  type: QuestionType,
  focus: Token | null,
  tokens: readonly Token[],
  wordnet: WordNet,
): QuestionType {
  if (type !== 'what' || !focus) return type;
  const wh = tokens.find((t) => t.lemma === 'what' || t.lemma === 'which');
  if (!wh) return type;
  // Only a noun right after the wh-word types the answer ("which city", "what Western country").
  for (let t = tokens.indexOf(wh) + 1; t < tokens.indexOf(focus); t += 1) {
    if (!['ADJ', 'PROPN', 'NOUN'].includes((tokens[t] as Token).pos)) return type;
  }
  const kind = kindOfNoun(wordnet, focus.lemma);
  if (kind === 'person' || kind === 'group') return 'who';
  if (kind === 'place') return 'where';
  if (kind === 'time') return 'when';
  return type;
}

/**
 * The terms the index is searched with: each question word's own term and its closest stand-ins
 * (typos, longer forms, strong synonyms), at most a few per word. Weaker relatives and word-vector
 * neighbours only re-rank the candidates: sent to the index they match half a large corpus and
 * crowd out the question's own words. Terms in more than a fifth of the paragraphs are left to the
 * re-ranking too when rarer ones remain.
 */
function firstStageTerms(words: readonly QuestionWord[], index: ParagraphIndex): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const word of words) {
    const strongest = word.matches
      .filter((m) => m.weight >= FIRST_STAGE_MIN_WEIGHT)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, FIRST_STAGE_TERMS_PER_WORD);
    for (const match of strongest) {
      weights.set(match.term, Math.max(weights.get(match.term) ?? 0, match.weight));
    }
  }
  const all = [...weights].map(([term, weight]) => ({ term, weight }));
  const common = index.paragraphCount * COMMON_SHARE;
  const rare = all.filter((t) => index.documentFrequency(t.term) <= common);
  return rare.length > 0 ? rare : all;
}

function allTerms(words: readonly QuestionWord[]): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const word of words) {
    for (const match of word.matches) {
      weights.set(match.term, Math.max(weights.get(match.term) ?? 0, match.weight));
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

function questionWords(
  tokens: readonly Token[],
  index: ParagraphIndex,
  relations: TermRelations,
  aliases: AliasTable,
): QuestionWord[] {
  const seen = new Set<string>();
  const words: QuestionWord[] = [];
  const unseenImportance = Math.log(1 + index.paragraphCount + 0.5);
  for (const token of tokens) {
    if (!token.term || token.isStopWord || seen.has(token.term)) continue;
    seen.add(token.term);
    const related = relations.expand(token);
    // A role of the corpus's people leads to their names and back ("top diplomat" ~ "Okafor").
    const viaAlias = related
      .filter((m) => m.weight >= ALIAS_SOURCE_WEIGHT)
      .flatMap((m) =>
        aliases.expand(m.term).map((a) => ({ term: a.term, weight: a.weight * m.weight })),
      );
    const matches = [...related, ...viaAlias];
    const importance =
      index.documentFrequency(token.term) > 0 ? index.idf(token.term) : unseenImportance;
    const aliasTerms = new Set(
      viaAlias.map((m) => m.term).filter((t) => !related.some((r) => r.term === t)),
    );
    words.push({ term: token.term, importance, matches, token, aliasTerms });
  }
  return words;
}
