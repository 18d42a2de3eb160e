// indexing/: the corpus index built once: MiniSearch, annotations, term relations, aliases.
// May import: language, corpus, tuning, errors.
import { kindOfNoun } from '../language/noun-kinds.js';
import type { Token } from '../language/text-analysis.js';
import type { WordNet } from '../language/wordnet.js';
import type { IndexingTuning, RelatedTerm } from './term-relations.js';

type AliasTuning = IndexingTuning['aliases'];

/** A person and the role the corpus gives them ("Okafor" ~ "Kenya's top diplomat"). */
export interface Alias {
  readonly nameTerms: readonly string[];
  readonly roleTerms: readonly string[];
}

/** Aliases learned from the corpus, to let a question that names the role find the person. */
export interface AliasTable {
  readonly aliases: readonly Alias[];
  /** Corpus terms that stand for the same person as `term`, with a weight. */
  expand(term: string): readonly RelatedTerm[];
}

const ROLE_WORDS = new Set(['ADJ', 'PROPN', 'NOUN', 'PART']);

/**
 * Finds who is who in one paragraph's tokens from appositions and titles, typed by WordNet (the
 * role's head must be a kind of person): "Luis Ortega, the Chilean Foreign Minister",
 * "Okafor, Kenya's top diplomat", "Ann Reyes (a Texas Democrat)", "Brazilian
 * President Ana Costa".
 */
export function findAliases(
  tokens: readonly Token[],
  wordnet: WordNet,
  tuning: AliasTuning,
): Alias[] {
  const { longestRole } = tuning;
  const aliases: Alias[] = [];
  for (let t = 0; t < tokens.length; t += 1) {
    if ((tokens[t] as Token).pos !== 'PROPN' || tokens[t - 1]?.pos === 'PROPN') continue;
    let end = t;
    while (tokens[end]?.pos === 'PROPN') end += 1;
    const name = tokens.slice(t, end);
    t = end - 1;
    // A person's name, not a people or place: two words, or one no dictionary knows.
    if (name.length < 2 && wordnet.knows((name[0] as Token).lemma)) continue;
    const role =
      appositionAfter(tokens, end, wordnet, longestRole) ??
      titleBefore(tokens, t + 1 - name.length, wordnet, longestRole);
    if (role) {
      const alias = makeAlias(name, role, wordnet);
      if (alias.nameTerms.length > 0 && alias.roleTerms.length > 0) aliases.push(alias);
    }
  }
  return aliases;
}

/** Indexes aliases both ways: a role word leads to the name, a name to its role words. */
export function createAliasTable(aliases: readonly Alias[], tuning: AliasTuning): AliasTable {
  const { roleToName, nameToRole } = tuning;
  const table = new Map<string, Map<string, number>>();
  const link = (from: string, to: string, weight: number) => {
    let entry = table.get(from);
    if (!entry) {
      entry = new Map();
      table.set(from, entry);
    }
    if ((entry.get(to) ?? 0) < weight) entry.set(to, weight);
  };
  for (const alias of aliases) {
    for (const role of alias.roleTerms) {
      for (const name of alias.nameTerms) {
        link(role, name, roleToName);
        link(name, role, nameToRole);
      }
    }
  }
  return {
    aliases,
    expand: (term) => [...(table.get(term) ?? [])].map(([t, weight]) => ({ term: t, weight })),
  };
}

/**
 * Names link to the role's person nouns only ("minister", "diplomat"): its other words ("Kenya's",
 * "Chilean") name places and would tie every mention of the country to one person.
 */
function makeAlias(name: readonly Token[], role: readonly Token[], wordnet: WordNet): Alias {
  const terms = (tokens: readonly Token[]) => [
    ...new Set(tokens.filter((t) => t.term && !t.isStopWord).map((t) => t.term)),
  ];
  const nameTerms = terms(name);
  // Nationalities ("Chilean", "Kenyan") are people too, but adjectives first.
  const people = role.filter(
    (t) =>
      kindOfNoun(wordnet, t.lemma) === 'person' && !wordnet.partsOfSpeech(t.lemma).includes('adj'),
  );
  return { nameTerms, roleTerms: terms(people).filter((t) => !nameTerms.includes(t)) };
}

/** ", [the] Chilean Foreign Minister ," or "(a Texas Democrat)" after a name. */
function appositionAfter(
  tokens: readonly Token[],
  end: number,
  wordnet: WordNet,
  longestRole: number,
): Token[] | null {
  const opener = tokens[end]?.text;
  if (opener !== ',' && opener !== '(') return null;
  let at = end + 1;
  if (tokens[at]?.pos === 'DET') at += 1;
  const role: Token[] = [];
  while (role.length < longestRole && tokens[at] && ROLE_WORDS.has((tokens[at] as Token).pos)) {
    role.push(tokens[at] as Token);
    at += 1;
  }
  const closer = tokens[at]?.text;
  const closes = opener === '(' ? closer === ')' : closer === ',' || closer === '.' || !closer;
  return closes && isRole(role, wordnet) ? role : null;
}

/** "Brazilian President" before "Ana Costa". */
function titleBefore(
  tokens: readonly Token[],
  start: number,
  wordnet: WordNet,
  longestRole: number,
): Token[] | null {
  const role: Token[] = [];
  for (let t = start - 1; t >= 0 && role.length < longestRole; t -= 1) {
    const token = tokens[t] as Token;
    if (!ROLE_WORDS.has(token.pos) || token.pos === 'PART') break;
    role.unshift(token);
  }
  return role.length > 0 && isRole(role, wordnet) && role[role.length - 1]?.pos === 'NOUN'
    ? role
    : null;
}

function isRole(role: readonly Token[], wordnet: WordNet): boolean {
  const head = role[role.length - 1];
  return head !== undefined && kindOfNoun(wordnet, head.lemma) === 'person';
}
