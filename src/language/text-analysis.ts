// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import removeAccents from 'remove-accents';
import winkNLP, {
  type ItemEntity,
  type ItemSentence,
  type ItemToken,
  type ItsFunction,
} from 'wink-nlp';
import stem from 'wink-porter2-stemmer';
import { englishModel } from './english-model.js';

/** One token of an analysed text, with its place in the original string. */
export interface Token {
  /** UTF-16 offset of the token in the analysed text. */
  readonly start: number;
  readonly end: number;
  /** The token exactly as written. */
  readonly text: string;
  /** Lower-cased lemma ("spoke" → "speak", "troops" → "troop"). */
  readonly lemma: string;
  /** Search term: Porter2 stem of the lemma, with apostrophes and dots folded; "" for non-words. */
  readonly term: string;
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, NUM, …). */
  readonly pos: string;
  /** Word, number, punctuation, emoji, … as the tokenizer classifies it. */
  readonly kind: string;
  readonly isStopWord: boolean;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

/** A sentence as a half-open range of characters and of tokens. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  /** Exclusive. */
  readonly endToken: number;
}

/** A recognised entity (DATE, CARDINAL, DURATION, MONEY, PERCENT, ORDINAL, TIME, …). */
export interface EntitySpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  readonly endToken: number;
}

/** The language analysis of one text: tokens, sentences and entities. */
export interface TextAnalysis {
  readonly tokens: readonly Token[];
  readonly sentences: readonly SentenceSpan[];
  readonly entities: readonly EntitySpan[];
}

const nlp = winkNLP(englishModel);
const its = nlp.its;

/** Latin letters beyond ASCII, each one UTF-16 unit. */
const LATIN_BEYOND_ASCII = /[\u00C0-\u024F\u1E00-\u1EFF]/g;

/**
 * Folds typographic variants so that index and query agree: curly quotes and apostrophes become
 * straight ones, and a letter with a diacritic its base letter in the same case ("é" → "e",
 * "Ł" → "L"), so "Beyonce" finds "Beyoncé" and wink-nlp does not split "Skłodowska" at the "ł".
 * Keeps the string's length, so offsets into the folded text are offsets into the original.
 */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(LATIN_BEYOND_ASCII, foldLetter);
}

function foldLetter(letter: string): string {
  const base = removeAccents(letter)[0] ?? letter;
  if (!/[A-Za-z]/.test(base)) return letter;
  return letter === letter.toLowerCase() ? base.toLowerCase() : base.toUpperCase();
}

/**
 * Longer words are not stemmed: no English word is this long, and the Porter2 stemmer takes time
 * quadratic in the length (seconds for a pasted 20,000-letter "word").
 */
const STEM_MAX_LENGTH = 40;

/** Turns one word into its search term: lower-cased, dots and apostrophes dropped, stemmed. */
export function termOf(word: string): string {
  const folded = foldTypography(word).toLowerCase().replace(/['.]/g, '');
  if (!/[\p{L}\p{N}]/u.test(folded)) return '';
  if (/^\p{N}/u.test(folded)) return folded.replace(/,/g, '');
  return folded.length > STEM_MAX_LENGTH ? folded : stem(folded);
}

/**
 * A run of more than 200 non-space characters is read as several tokens: every 200th character
 * becomes a space (offsets stay). No word is this long, and wink-nlp's time grows with the
 * square of a token's length (a 100,000-letter "word" took 4.6 s).
 */
function breakLongRuns(text: string): string {
  return text.replace(/\S{201,}/g, (run) => run.replace(/(\S{199})\S/g, '$1 '));
}

/** Splits, tags and lemmatises `text` with wink-nlp, keeping every offset into `text`. */
export function analyzeText(text: string): TextAnalysis {
  // Hyphens inside a word are read as spaces, so "pro-Lisbon" and "Lisbon-friendly" both hold the
  // word "Lisbon"; the replacement keeps every offset.
  const doc = nlp.readDoc(
    breakLongRuns(foldTypography(text).replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')),
  );
  const tokens: Token[] = [];
  const sentenceOfToken: number[] = [];
  const sentences: SentenceSpan[] = [];
  doc.sentences().each((sentence: ItemSentence, index: number) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    for (let t = first; t <= last; t += 1) sentenceOfToken[t] = index;
  });

  let offset = 0;
  doc.tokens().each((token: ItemToken, index: number) => {
    const value = token.out(its.value);
    offset += (token.out(its.precedingSpaces) as string).length;
    let start = offset;
    if (text.slice(start, start + value.length) !== foldBack(text, start, value)) {
      const found = foldTypography(text).indexOf(value, start);
      start = found >= 0 ? found : start;
    }
    const kind = token.out(its.type);
    // wink-nlp leaves the lemma of an unsplit contraction undefined ("Rou cannot?").
    const lemma = (
      (token.out(its.lemma as unknown as ItsFunction<string>) as string | undefined) ?? value
    ).toLowerCase();
    const isWord = kind === 'word' || kind === 'number';
    tokens.push({
      start,
      end: start + value.length,
      text: text.slice(start, start + value.length),
      lemma,
      term: isWord && !/^'s?$/.test(lemma) ? termOf(lemma) : '',
      pos: token.out(its.pos),
      kind,
      // An acronym ("US", "IT") is a name, not the pronoun or stop word it is spelled like.
      isStopWord: (token.out(its.stopWordFlag) as unknown as boolean) && !/^[A-Z]{2,}$/.test(value),
      sentence: sentenceOfToken[index] ?? 0,
    });
    offset = start + value.length;
  });

  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const a = tokens[first];
    const b = tokens[last];
    if (!a || !b) return;
    const previous = sentences[sentences.length - 1];
    // A real sentence break is followed by white space; "China-U.S. talks" split after "U." is not.
    if (previous && a.start === previous.end) {
      sentences[sentences.length - 1] = { ...previous, end: b.end, endToken: last + 1 };
    } else {
      sentences.push({ start: a.start, end: b.end, firstToken: first, endToken: last + 1 });
    }
  });
  sentences.forEach((sentence, index) => {
    for (let t = sentence.firstToken; t < sentence.endToken; t += 1) {
      const token = tokens[t];
      if (token && token.sentence !== index) tokens[t] = { ...token, sentence: index };
    }
  });

  const entities: EntitySpan[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const a = tokens[first];
    const b = tokens[last];
    if (a && b) {
      entities.push({
        type: entity.out(its.type),
        start: a.start,
        end: b.end,
        firstToken: first,
        endToken: last + 1,
      });
    }
  });
  return { tokens, sentences, entities };
}

function foldBack(text: string, start: number, value: string): string {
  return foldTypography(text.slice(start, start + value.length)) === value
    ? text.slice(start, start + value.length)
    : value;
}
