// retrieval/: question words matched to the corpus, candidate paragraphs and their ranking.
// May import: model, question, indexing, language, corpus, tuning.
import type { AliasTable } from '../indexing/aliases.js';
import type { ParagraphIndex, WeightedTerm } from '../indexing/search-index.js';
import type { TermRelations } from '../indexing/term-relations.js';
import type { Token } from '../language/text-analysis.js';
import type { Tuning } from '../tuning.js';
import { type QueryWord, strongestWeights } from './ranking.js';

/** A content word of the question, with its token. */
export interface QuestionWord extends QueryWord {
  readonly token: Token;
  /** Terms reached only through a learned alias (a person's name for a role word). */
  readonly aliasTerms?: ReadonlySet<string>;
}

/** The tuned numbers of retrieval. */
export type RetrievalTuning = Tuning['retrieval'];

/**
 * The terms the index is searched with: each question word's own term and its closest stand-ins
 * (typos, longer forms, strong synonyms), at most a few per word. Weaker relatives and word-vector
 * neighbours only re-rank the candidates: sent to the index they match half a large corpus and
 * crowd out the question's own words. Terms in more than `commonShare` of the paragraphs are
 * left to the re-ranking too when rarer ones remain.
 */
export function firstStageTerms(
  words: readonly QuestionWord[],
  index: ParagraphIndex,
  tuning: RetrievalTuning,
): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const word of words) {
    const strongest = word.matches
      .filter((m) => m.weight >= tuning.firstStageMinWeight)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, tuning.firstStageTermsPerWord);
    for (const match of strongest) {
      weights.set(match.term, Math.max(weights.get(match.term) ?? 0, match.weight));
    }
  }
  const all = [...weights].map(([term, weight]) => ({ term, weight }));
  const common = index.paragraphCount * tuning.commonShare;
  const rare = all.filter((t) => index.documentFrequency(t.term) <= common);
  return rare.length > 0 ? rare : all;
}

/** Every term the question's words match, each at its strongest weight. */
export function allTerms(words: readonly QuestionWord[]): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const word of words) {
    for (const match of word.matches) {
      weights.set(match.term, Math.max(weights.get(match.term) ?? 0, match.weight));
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

/**
 * The question's content words (each term once) with the corpus terms they match: the same
 * stem, typos, longer forms, WordNet relations, and the people a role word stands for.
 */
export function matchQuestionWords(
  tokens: readonly Token[],
  index: ParagraphIndex,
  relations: TermRelations,
  aliases: AliasTable,
  tuning: RetrievalTuning,
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
      .filter((m) => m.weight >= tuning.aliasSourceWeight)
      .flatMap((m) =>
        aliases.expand(m.term).map((a) => ({ term: a.term, weight: a.weight * m.weight })),
      );
    const matches = [...related, ...viaAlias];
    const importance =
      index.documentFrequency(token.term) > 0 ? index.idf(token.term) : unseenImportance;
    const aliasTerms = new Set(
      viaAlias.map((m) => m.term).filter((t) => !related.some((r) => r.term === t)),
    );
    words.push({
      term: token.term,
      importance,
      matches,
      weights: strongestWeights(matches),
      token,
      aliasTerms,
    });
  }
  return words;
}
