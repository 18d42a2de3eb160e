import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import { englishModel } from '../../../src/language/english-model.js';

const TEXT =
  'Blinken will leave Kyiv on Wednesday to meet his British, French, and German counterparts. ' +
  'Russia has gathered around 100,000 troops near the border, officials said; "We\'re ready," ' +
  'the minister told reporters at 3:30 p.m. The ferry-boat costs $4.2 million (about €3.9m).';

/** Everything the core reads from an analysis: tokens, tags, lemmas, sentences, entities. */
function analyse(nlp: ReturnType<typeof winkNLP>) {
  const doc = nlp.readDoc(TEXT);
  const its = nlp.its;
  return {
    tokens: doc.tokens().out(its.value),
    pos: doc.tokens().out(its.pos),
    lemmas: doc.tokens().out(its.lemma as unknown as ItsFunction<string>),
    types: doc.tokens().out(its.type),
    stop: doc.tokens().out(its.stopWordFlag),
    sentences: doc.sentences().out(),
    entities: doc.entities().out(its.detail),
  };
}

describe('englishModel', () => {
  it("analyses text exactly as the package's own loader does", () => {
    expect(analyse(winkNLP(englishModel))).toEqual(analyse(winkNLP(model)));
  });
});
