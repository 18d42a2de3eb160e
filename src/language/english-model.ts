// language/: general English resources: wink-nlp analysis, WordNet, word vectors, noun kinds.
// May import: tuning.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';

/** The part of the core model's JSON that loading touches. */
interface CoreModelJson {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<
    string,
    {
      list: string[];
      hash?: Record<string, number>;
      intrinsicSize?: number;
      index?: number;
      maxIndex?: number;
    }
  >;
  pos: { hash: Record<string, number> };
}

/** The model's core file, in the package that ships it. */
const CORE_MODEL = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

const decode = (base64: string) =>
  new Uint32Array(new Uint8Array(Buffer.from(base64, 'base64')).buffer);

let core: CoreModelJson | null = null;

/**
 * The core of wink-eng-lite-web-model, built as the package's own `read-core-model.js` and
 * `load-core-model.js` (version 1.8.1) build it, less one step: the package deep-copies its 3 MB
 * JSON (`JSON.parse(JSON.stringify(…))`) so that every wink-nlp instance gets its own, and then
 * decodes base64 one character at a time. Here the file is parsed once, straight from disk, and
 * decoded by `Buffer`; the one wink-nlp instance of the process owns the result. That was the
 * largest part of a question's start-up (`npm run ask`). The package version is part of the
 * index snapshot's key, and `test/src/language/english-model.test.ts` checks that analyses
 * come out identical to the package's own loader.
 */
function loadCore(): CoreModelJson {
  if (core) return core;
  const file = createRequire(import.meta.url).resolve(CORE_MODEL);
  const loaded = JSON.parse(readFileSync(file, 'utf8')) as CoreModelJson;
  const { packing, features, pos } = loaded;
  loaded.lexicon = decode(loaded.lexicon as string);
  loaded.xpansions = decode(loaded.xpansions as string);
  const hashOf = (list: readonly string[]) => {
    const hash: Record<string, number> = Object.create(null);
    for (let k = 0; k < list.length; k += 1) hash[list[k] as string] = k;
    return hash;
  };
  packing.efList = [];
  for (const name in packing.layout) {
    const layout = packing.layout[name] as number[];
    const feature = features[name];
    if (feature && layout[3] === 0) {
      feature.hash = hashOf(feature.list);
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = (layout[1] as number) >>> (layout[2] as number);
    }
    if (layout[4] === 1) packing.efList.push(name);
  }
  const lexeme = features.lexeme as NonNullable<CoreModelJson['features'][string]>;
  lexeme.hash = hashOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  const clusters = (features.posClusters?.list ?? []) as unknown[];
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => pos.hash[tag] || 0));
  }
  core = loaded;
  return core;
}

/** wink-eng-lite-web-model with the faster core loader; everything else is the package's own. */
export const englishModel: typeof model = Object.assign(Object.create(null), model, {
  core: loadCore,
});
