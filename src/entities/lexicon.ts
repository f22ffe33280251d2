/**
 * The gazetteer: compromise's lexicon (first names, surnames, countries, cities, regions, organisations,
 * honorifics, job nouns, and which words are ordinary English) read once into plain maps, so that
 * extraction is a table lookup per word instead of a full compromise parse (45–170 ms per seed article).
 */
import nlp from 'compromise';

export interface Gazetteer {
  /** Whole phrases (lower case) known as places, organisations or people. */
  phrase: Map<string, 'place' | 'organization' | 'person'>;
  /** Given names. */
  firstNames: Set<string>;
  /** Family names. */
  lastNames: Set<string>;
  /** Ordinary English words (verbs, adjectives, nouns, function words): not names when capitalised at a sentence start. */
  common: Set<string>;
  /** Nationality adjectives ("Russian"). */
  demonyms: Set<string>;
  /** Job and role nouns ("minister", "analyst"). */
  actors: Set<string>;
  orgWords: Set<string>;
  placeWords: Set<string>;
  /** Longest phrase in words, to bound phrase lookups. */
  maxPhraseWords: number;
}

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
const COMMON_TAGS = new Set([
  'PhrasalVerb', 'Gerund', 'PastTense', 'PresentTense', 'Plural', 'Infinitive', 'Adjective', 'Singular',
  'Comparative', 'Superlative', 'Uncountable', 'Participle', 'Noun', 'Expression', 'Adverb', 'TextValue',
  'Preposition', 'Conjunction', 'Cardinal', 'Ordinal', 'Determiner', 'Multiple', 'Pronoun', 'Modal',
  'Reflexive', 'Possessive', 'QuestionWord', 'Verb', 'Copula', 'Negative', 'Condition', 'Imperative', 'Actor',
  'Duration', 'Unit', 'Fraction', 'Date', 'Value',
]);
/** Name-ish tags that win over a common tag on the same word ("Will", "Rose" stay possible names). */
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Country', 'City', 'Region', 'Place', 'Organization', 'ProperNoun']);

/**
 * A Set / Map of words that answers `has` and `get` from a null-prototype dictionary object kept
 * beside it: V8 looks properties up through internalized strings, about twice as fast as a Map or Set
 * on freshly cut words (measured for the clusterer's vocabulary), and every capitalised token of every
 * article asks these tables. Iteration and the rest of the Set / Map interface are the base class's.
 */
class DictSet extends Set<string> {
  private dict: Record<string, true> = Object.create(null) as Record<string, true>;
  override add(word: string): this {
    this.dict[word] = true;
    return super.add(word);
  }
  override has(word: string): boolean {
    return this.dict[word] === true;
  }
}
class DictMap<V> extends Map<string, V> {
  private dict: Record<string, V> = Object.create(null) as Record<string, V>;
  override set(word: string, value: V): this {
    this.dict[word] = value;
    return super.set(word, value);
  }
  override get(word: string): V | undefined {
    return this.dict[word];
  }
  override has(word: string): boolean {
    return this.dict[word] !== undefined;
  }
}
const dictSet = (words: Iterable<string>): DictSet => {
  const s = new DictSet();
  for (const w of words) s.add(w);
  return s;
};

let cached: Gazetteer | null = null;

/** Build (once) and return the gazetteer. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  // compromise types model() loosely; read the lexicon as a plain word → tag(s) record.
  const model = (nlp as unknown as { model(): Record<string, Record<string, unknown>> }).model();
  const one = model.one as { lexicon: Record<string, string | string[]>; frozenLex?: Record<string, string | string[]> };
  const two = model.two as { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
  const g: Gazetteer = {
    phrase: new DictMap(), firstNames: new DictSet(), lastNames: new DictSet(), common: new DictSet(), demonyms: new DictSet(),
    actors: new DictSet(), orgWords: dictSet(Object.keys(two.orgWords)), placeWords: dictSet(Object.keys(two.placeWords)),
    maxPhraseWords: 1,
  };
  const add = (word: string, raw: string | string[]): void => {
    const tags = Array.isArray(raw) ? raw : [raw];
    const w = word.toLowerCase();
    let named = false;
    for (const t of tags) {
      if (PLACE_TAGS.has(t)) g.phrase.set(w, 'place');
      else if (ORG_TAGS.has(t)) g.phrase.set(w, 'organization');
      else if (t === 'Person') g.phrase.set(w, 'person');
      if (t === 'MaleName' || t === 'FemaleName' || t === 'FirstName') g.firstNames.add(w);
      if (t === 'LastName') g.lastNames.add(w);
      if (t === 'Demonym') g.demonyms.add(w);
      if (t === 'Actor') g.actors.add(w);
      if (NAME_TAGS.has(t)) named = true;
    }
    if (!named && tags.some((t) => COMMON_TAGS.has(t)) && !w.includes(' ')) g.common.add(w);
    const n = w.split(' ').length;
    if (n > g.maxPhraseWords && g.phrase.has(w)) g.maxPhraseWords = n;
  };
  for (const [w, t] of Object.entries(one.lexicon)) add(w, t);
  for (const [w, t] of Object.entries(one.frozenLex ?? {})) add(w, t);
  cached = g;
  return g;
}
