/**
 * Unit tests on invented text: quote marks, split and continued remarks, attribution before and after,
 * speaker resolution (names, titled short forms, pronouns, descriptions), scare quotes, the merge of
 * reworded remarks across outlets with copies counted once, and the scorer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, DedupResult } from '../../records/index.ts';
import { entityKey } from '../../entities/index.ts';
import { extractQuotes, findSpans, mergeQuotes, scoreQuotes, wordDifferences, type RawQuote } from './index.ts';

function article(id: string, paragraphs: string[], over: Partial<Article> = {}): Article {
  const text = paragraphs.join('\n\n');
  return {
    id, source: `${id}.txt`, url: null, ok: true, format: 'text', title: null, outlet: null, originalSource: null,
    originalSourceEvidence: null, published: null, publishedEvidence: null, dateline: null, byline: null, language: 'en',
    paragraphs, text, wordCount: text.split(/\s+/).length, removed: [], fetchedAt: null, ...over,
  };
}

const only = (qs: RawQuote[]) => {
  assert.equal(qs.length, 1, JSON.stringify(qs, null, 1));
  return qs[0]!;
};

test('spans: curly, straight, German and guillemet quotes; an unclosed quote runs to the paragraph end', () => {
  assert.deepEqual(findSpans('He said “one two three,” then left.').map((s) => s.part), ['one two three']);
  assert.deepEqual(findSpans('She said: "alpha beta." And "gamma delta"').map((s) => s.part), ['alpha beta.', 'gamma delta']);
  assert.deepEqual(findSpans('„Wir sind bereit“, sagte Vell.').map((s) => s.part), ['Wir sind bereit']);
  assert.deepEqual(findSpans('Il a dit «nous restons» hier.').map((s) => s.part), ['nous restons']);
  const open = findSpans('Marta Quell said: “The road was closed [at dawn].');
  assert.equal(open.length, 1);
  assert.equal(open[0]!.closed, false);
  // A 5'10" height mark and an apostrophe are not quotes.
  assert.deepEqual(findSpans('The 5\'10" guard’s team won.').map((s) => s.part), []);
});

test('a quote split around its attribution is one remark with the same speaker; titled short forms resolve', () => {
  const a = article('a', [
    'Foreign Minister Orlan Vesk spoke in Castelmar on Monday.',
    '“Those who stay behind will be treated as enemies,” Mr. Vesk told reporters. “We will act against them without delay.”',
  ]);
  const q = only(extractQuotes(a));
  assert.deepEqual(q.parts, ['Those who stay behind will be treated as enemies', 'We will act against them without delay.']);
  assert.equal(q.text, 'Those who stay behind will be treated as enemies … We will act against them without delay.');
  assert.equal(q.speaker.name, 'Orlan Vesk');
  assert.equal(q.verb, 'told');
  assert.equal(q.paragraph, 1);
  assert.match(q.context, /Mr\. Vesk told reporters/);
});

test('attribution before the quote, with said, said that and a colon', () => {
  const a = article('a', [
    'Rebel official Tarek Hollin said, "No one in this city will leave his home tonight."',
    'Analyst Mira Castell said that “the talks are now the only road left for both sides”.',
    'Speaking to reporters, agency spokesperson Pavel Drozd said: “The people were trapped there for days.”',
  ]);
  const qs = extractQuotes(a);
  assert.deepEqual(qs.map((q) => q.speaker.name), ['Tarek Hollin', 'Mira Castell', 'Pavel Drozd']);
  assert.deepEqual(qs.map((q) => q.verb), ['said', 'said', 'said']);
});

test('inverted attribution and a name before the verb with no comma', () => {
  const a = article('a', [
    '"The fighters will not leave the city until the end," said Abu Karim al-Tessa of the Northern Front, another rebel group.',
    '"Nobody sane would leave his own city" Halim Rostan from the Dawn rebel group said Monday.',
  ]);
  const qs = extractQuotes(a);
  assert.deepEqual(qs.map((q) => q.speaker.name), ['Abu Karim al-Tessa', 'Halim Rostan']);
});

test('a pronoun resolves to the nearest person named before; a definite description to its earlier indefinite one', () => {
  const a = article('a', [
    'Petra Holm, another resident, said she was walking home when the water came.',
    '“Nothing can describe what we saw last night,” she said.',
    'One senior police officer, who declined to be identified, said the count would rise.',
    '"We are paying a very high price for the delay," the officer said.',
  ]);
  const qs = extractQuotes(a);
  assert.equal(qs[0]!.speaker.name, 'Petra Holm');
  assert.equal(qs[1]!.speaker.name, null);
  assert.equal(qs[1]!.speaker.key, null);
  assert.equal(qs[1]!.speaker.description, 'One senior police officer, who declined to be identified');
});

test('"he said" after a remark stays with that remark\'s speaker even when someone else was named inside it', () => {
  const a = article('a', [
    '“The deal is ready to be signed this week,” said Ivo Marten after meeting Dana Kell.',
    '“We only need the final approval from the cabinet,” he said.',
  ]);
  const qs = extractQuotes(a);
  assert.deepEqual(qs.map((q) => q.speaker.name), ['Ivo Marten', 'Ivo Marten']);
});

test('a quote-only paragraph continues the previous remark; an open quote continues into the next paragraph', () => {
  const a = article('a', [
    '"We need to reach them," aid chief Lena Marsh said in Geneva.',
    '"People have been eating what they can find, and prices have tripled."',
    'Colonel Arvid Brand said: “The roads were closed for three days.',
    '“The convoy reached the hospital at noon,” he added.',
  ]);
  const qs = extractQuotes(a);
  assert.equal(qs.length, 3);
  assert.equal(qs[0]!.parts.length, 2);
  assert.equal(qs[0]!.speaker.name, 'Lena Marsh');
  assert.equal(qs[1]!.speaker.name, 'Arvid Brand');
  assert.equal(qs[2]!.speaker.name, 'Arvid Brand');
  assert.equal(qs[2]!.verb, 'added');
});

test('short quotes: kept with a clear speaker, dropped as scare quotes or titles', () => {
  const a = article('a', [
    'Yara Fenn of the River faction described the offer as "unacceptable."',
    'The so-called “moderate” rebels held the bridge, and the film “Long Road Home” opened.',
    'The slogan “never again” was painted on the wall.',
  ]);
  const q = only(extractQuotes(a));
  assert.equal(q.text, 'unacceptable.');
  assert.equal(q.speaker.name, 'Yara Fenn');
  assert.equal(q.verb, 'described … as');
});

test('was quoted as saying; a German report', () => {
  const a = article('a', [
    'Deputy Minister Sergei Valko spoke to the agency.',
    '“An intensive exchange of documents has taken place,” Valko was quoted as saying by the agency.',
  ]);
  assert.equal(only(extractQuotes(a)).verb, 'was quoted as saying');
  const de = article('d', ['Der Leiter des Rettungsdienstes, Tomas Vell, sprach am Abend.', '„Wir sind jetzt in der schwersten Phase dieser Arbeit“, sagte Vell vor Journalisten.']);
  const q = only(extractQuotes(de));
  assert.equal(q.speaker.name, 'Tomas Vell');
  assert.equal(q.verb, 'sagte');
});

test('word differences: inside the shared stretch only', () => {
  const a = 'Those armed groups will be regarded as terrorists and we will act'.split(' ');
  const b = 'armed groups will be considered to be terrorists and we will act against them'.split(' ');
  assert.deepEqual(wordDifferences(a, b), [{ a: 'regarded as', b: 'considered to be' }]);
});

test('merge: one remark reworded by two outlets is one quote with two variants; copies count once', () => {
  const nyt1 = article('n1', ['“Groups that refuse to leave the old town will be regarded as terrorists,” Mr. Orlan Vesk told reporters. “We will support an army operation against them.”'], { originalSource: 'The New York Times' });
  const nyt2 = article('n2', nyt1.paragraphs, { outlet: 'Arabian Post', originalSource: 'The New York Times' });
  const wire = article('w', [
    '"Groups that refuse to leave the old town will be considered to be terrorists," Orlan Vesk told a news conference.',
    '"We will support an army operation against them," he said.',
    '"The bridge is closed," a police officer said, adding that "nobody will pass tonight, not even the aid trucks".',
  ], { originalSource: 'Reuters' });
  const copies: DedupResult = {
    groups: [{
      canonical: 'n1', originalSource: 'The New York Times', originalSourceEvidence: null,
      members: [
        { id: 'n1', relation: 'canonical', jaccard: 1, containment: 1, canonicalContainment: 1, via: null },
        { id: 'n2', relation: 'exact', jaccard: 1, containment: 1, canonicalContainment: 1, via: null },
      ],
    }],
    relations: [],
    originalSourceById: { n1: 'The New York Times', n2: 'The New York Times', w: 'Reuters' },
  };
  const per = [nyt1, nyt2, wire].map((a) => ({ article: a, quotes: extractQuotes(a) }));
  const merged = mergeQuotes(per, copies);
  const vesk = merged.filter((q) => q.speaker.key === 'vesk');
  assert.equal(vesk.length, 1, JSON.stringify(merged, null, 1));
  const q = vesk[0]!;
  assert.equal(q.variants.length, 2);
  const regarded = q.variants.find((v) => v.text.includes('regarded'))!;
  assert.deepEqual(regarded.articleIds, ['n1', 'n2']);
  assert.deepEqual(regarded.sources, ['The New York Times']);
  const considered = q.variants.find((v) => v.text.includes('considered'))!;
  assert.deepEqual(considered.articleIds, ['w']);
  assert.equal(considered.parts.length, 2, 'the wire’s two paragraphs are one wording');
  assert.ok(q.differences.some((d) => d.includes('"regarded as"') && d.includes('"considered to be"')), q.differences.join('; '));
  // Every merged variant text is made of verbatim spans of a cited article.
  for (const quote of merged) {
    for (const v of quote.variants) {
      const texts = v.articleIds.map((id) => [nyt1, nyt2, wire].find((a) => a.id === id)!.text);
      for (const part of v.parts) assert.ok(texts.some((t) => t.includes(part)), part);
    }
  }
  // Order of the input does not change the merge.
  const again = mergeQuotes([...per].reverse(), copies);
  assert.equal(again.filter((x) => x.speaker.key === 'vesk').length, 1);
  assert.equal(again.find((x) => x.speaker.key === 'vesk')!.variants.length, 2);
});

test('merge: different remarks of one speaker stay apart; unknown speakers merge only on close wording', () => {
  const a = article('a', ['"The dam was inspected in 2023 and seepage was found," Dana Okafor said.', '"Rescue teams will keep searching the river tonight," Dana Okafor said.']);
  const b = article('b', ['"Rescue teams will keep searching the river tonight and tomorrow."', '"The budget for next year will be presented in June," Dana Okafor said.']);
  const merged = mergeQuotes([a, b].map((x) => ({ article: x, quotes: extractQuotes(x) })));
  assert.equal(merged.length, 3, JSON.stringify(merged.map((q) => q.variants.map((v) => v.text))));
  const rescue = merged.find((q) => q.variants.some((v) => v.text.startsWith('Rescue')))!;
  assert.equal(rescue.variants.length, 2);
  assert.equal(rescue.speaker.key, 'okafor');
});

test('scorer: recall, speaker accuracy, merge accuracy and precision', () => {
  const a = article('a', ['"We will not leave this city under any threat," Halim Rostan said.', '"Prices have tripled since the siege began," a trader said.']);
  const merged = mergeQuotes([{ article: a, quotes: extractQuotes(a) }]);
  const s = scoreQuotes(
    [
      { speaker: 'Rostan', prefix: 'We will not leave', articles: ['a'] },
      { speaker: null, description: 'trader', prefix: 'Prices have tripled', articles: ['a'] },
      { speaker: 'Kell', prefix: 'Nothing was said', articles: ['a'] },
    ],
    merged,
  );
  assert.equal(s.found, 2);
  assert.equal(s.recall, 2 / 3);
  assert.equal(s.speakerAccuracy, 1);
  assert.equal(s.mergeAccuracy, 1);
  assert.equal(s.precision, 1);
  const wrong = scoreQuotes([{ speaker: 'Kell', prefix: 'We will not leave', articles: ['a'] }], merged);
  assert.equal(wrong.speakerAccuracy, 0);
});

test('present-tense verbs, dash-signed testimonials; unattributed words quoted mid-sentence are not remarks', () => {
  const a = article('a', [
    'Designer Nora Pell spoke about colour.',
    '“We are seeing green become more welcome with each passing day,” she shares.',
    '"I own nothing like this top and I will wear it every single week." – Lucy Carr',
    'Remember that while the phrase "you get what you pay for again and again" is often right, prices vary.',
    'Tax tables: “Filing Season Statistics for Week Ending October 17, 2025” were published.',
  ]);
  const qs = extractQuotes(a);
  assert.deepEqual(qs.map((q) => q.speaker.name), ['Nora Pell', 'Lucy Carr']);
  assert.equal(qs[0]!.verb, 'shared');
  assert.equal(qs[1]!.speaker.key, entityKey('Carr', 'person'));
});
