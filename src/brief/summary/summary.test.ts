import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise, exclusiveFacts, lexRank, leadBaseline, type SummaryInput } from './index.ts';
import { analyseStory, cosine, ineligibility, numbersOf } from './sentences.ts';
import { loadReferences, partAvailable, storyInput, SUMMARY_PARTS } from '../../../eval/summary.ts';

const article = (id: string, paragraphs: string[], language: string | null = 'en') => ({ id, title: null, paragraphs, language });

/**
 * A wire story and its verbatim copy on another site, an outlet reporting the same event in its own
 * words, and a third outlet with a fact nobody else has.
 */
function story(): SummaryInput {
  const wire = [
    'Rescue crews searched the flooded town of Riverton on Monday after the Kessel Dam collapsed overnight, killing nine people.',
    'By Anna Berg and Tom Lee',
    'Officials said 640 residents were evacuated from the valley by helicopter and boat before dawn on Monday.',
    'Is the government to blame for the failure of the ageing dam?',
    '“We are still counting.”',
    'The ministry said it would open an inquiry into the maintenance of the dam within the week.',
  ];
  const articles = [
    article('wire', wire),
    article('wire-copy', wire),
    article('courier', [
      'The Kessel Dam collapsed overnight above Riverton, and nine people were killed as the flood crews searched the town.',
      'Mayor Petra Holm opened the sports hall on Station Road as a shelter for three hundred people who lost their homes.',
    ]),
    article('gazette', [
      'Engineers had warned in a 2023 inspection report that water was seeping through the lower embankment of the dam.',
      'The Kessel Dam collapse above Riverton killed nine people overnight, the regional emergency service confirmed to reporters.',
    ]),
    article('fremd', ['Der Kessel-Damm oberhalb von Riverton ist gebrochen, neun Menschen kamen in der Nacht ums Leben.'], 'de'),
  ];
  const source: Record<string, string> = { wire: 'Meridian Press', 'wire-copy': 'Meridian Press', courier: 'Capital Courier', gazette: 'Gazette', fremd: 'Alpenkurier' };
  return {
    articles,
    sourceOf: (id) => source[id]!,
    unitOf: (id) => (id === 'wire-copy' ? 'wire' : id),
    dateOf: () => '2025-04-07',
  };
}

test('the fact three sources report leads, once, with every article and source that states it; copies count once', () => {
  const summary = summarise(story());
  const first = summary[0]!;
  assert.match(first.text, /Kessel Dam/);
  assert.match(first.text, /nine/);
  assert.deepEqual([...first.sources].sort(), ['Capital Courier', 'Gazette', 'Meridian Press']);
  assert.equal(first.singleSource, false);
  for (const id of ['wire', 'wire-copy', 'courier', 'gazette']) assert.ok(first.articleIds.includes(id), `${id} states the lead fact`);
  assert.equal(first.articleIds[0], first.articleId);
  // No other sentence restates the collapse and the nine dead.
  assert.equal(summary.filter((s) => /nine/.test(s.text)).length, 1);
});

test('questions, bylines, quote fragments and other-language sentences are left out; single-source facts are marked', () => {
  const summary = summarise(story(), { words: 400 });
  const texts = summary.map((s) => s.text);
  assert.ok(!texts.some((t) => t.includes('?') || t.startsWith('By ') || t.startsWith('“') || t.includes('Damm')));
  const inquiry = summary.find((s) => s.text.includes('inquiry'))!;
  assert.deepEqual(inquiry.sources, ['Meridian Press']);
  assert.equal(inquiry.singleSource, true);
  assert.deepEqual(inquiry.articleIds, ['wire', 'wire-copy']);
});

test('the word budget is met without overshooting by more than a quarter', () => {
  const input = story();
  for (const words of [10, 40, 60]) {
    const summary = summarise(input, { words });
    const total = summary.reduce((s, x) => s + x.text.split(/\s+/).length, 0);
    // The first sentence is always taken (a summary is never empty); after it, at most 25% over.
    assert.ok(summary.length === 1 || total <= words * 1.25, `${total} words for a budget of ${words}`);
    assert.ok(summary.length >= 1);
  }
  assert.ok(summarise(input, { words: 60 }).length > summarise(input, { words: 10 }).length);
  assert.deepEqual(summarise({ ...input, articles: [] }), []);
});

test('exclusive facts: what only one source reports, never a fact others state in other words', () => {
  const ex = exclusiveFacts(story());
  assert.ok(ex.get('Gazette')!.some((f) => f.text.includes('2023 inspection') && f.articleId === 'gazette'));
  assert.ok(ex.get('Capital Courier')!.some((f) => f.text.includes('sports hall')));
  for (const list of ex.values()) assert.ok(!list.some((f) => /nine people/.test(f.text)), 'the shared toll is nobody’s exclusive');
  assert.deepEqual(ex.get('Alpenkurier'), []);
  assert.ok(ex.get('Meridian Press')!.length <= 3);
  const single = story();
  single.articles = single.articles.filter((a) => a.id === 'gazette');
  assert.deepEqual(exclusiveFacts(single).get('Gazette'), []);
});

test('eligibility: short, long, question, byline, credit, headline and quote fragments', () => {
  const words = (s: string) => s.split(/\s+/).length;
  const check = (s: string) => ineligibility(s, words(s));
  assert.equal(check('The dam broke.'), 'short');
  assert.equal(check('Who will pay for the repairs to the dam after the flood this spring?'), 'question');
  assert.equal(check('By Anna Berg and Tom Lee, with additional reporting from the valley.'), 'byline');
  assert.equal(check('Photo: rescue crews lift a family from a rooftop in the Millbank district.'), 'credit');
  assert.equal(check('Kessel Dam gives way above Riverton, at least nine dead'), 'fragment');
  assert.equal(check('“We will treat them as such, as terrorists, as extremists and criminals.”'), 'quote-fragment');
  assert.equal(check('“Those who refuse to leave will be regarded as terrorists,” Mr. Lavrov told reporters.'), null);
  assert.equal(check(`${'word '.repeat(70)}end.`), 'long');
});

test('LexRank ranks the sentence most like the others first; lead takes each unit’s first sentence in turn', () => {
  const input = story();
  const lr = lexRank(input, { words: 25 });
  assert.match(lr[0]!.text, /Kessel Dam/);
  // Round one: the wire's lead, then (the courier's lead repeating it) the gazette's; round two follows.
  const lead = leadBaseline(input, { words: 60 });
  assert.match(lead[0]!.text, /^Rescue crews/);
  assert.deepEqual(lead.map((s) => s.articleId).slice(0, 3), ['wire', 'gazette', 'wire']);
  assert.match(lead[2]!.text, /^Officials said 640/);
});

test('on every labelled story, each summary sentence is verbatim in its article and every source is named', async (t) => {
  for (const part of SUMMARY_PARTS) {
    if (!partAvailable(part)) {
      console.warn(`SKIPPED: the ${part} data (../shared) not found — its summaries are NOT checked`);
      t.skip(`${part} data not found: skipped`);
      continue;
    }
    for (const ref of loadReferences(part)) {
      const input = await storyInput(ref.select);
      const byId = new Map(input.articles.map((a) => [a.id, a.paragraphs.join(' ').replace(/\s+/g, ' ')]));
      const summary = summarise(input);
      assert.ok(summary.length > 0, `${part}/${ref.id} has a summary`);
      for (const s of summary) {
        for (const id of [s.articleId]) assert.ok(byId.get(id)!.includes(s.text.replace(/\s+/g, ' ')), `${part}/${ref.id}: "${s.text}" is verbatim in ${id}`);
        assert.ok(s.sources.length > 0 && s.sources.every((x) => x.trim().length > 0), `${part}/${ref.id}: sources named`);
        assert.ok(s.articleIds.every((id) => byId.has(id)), `${part}/${ref.id}: cited articles are members`);
        assert.equal(s.singleSource, s.sources.length === 1);
      }
    }
  }
});

test('figures: a sentence with other figures is never cited as the same fact, however close the wording', () => {
  const articles = [
    article('a', ['State media said rebel shelling killed eight people in the government-held west of the city on Monday.', 'The talks on the withdrawal of the fighters will begin in Geneva on Tuesday, the minister said.']),
    article('b', ['State television said rebel shelling killed seven people in the government-held west of the city on Monday.', 'Talks on the withdrawal of fighters begin in Geneva on Tuesday, according to the minister.']),
  ];
  const input: SummaryInput = { articles, sourceOf: (id) => id.toUpperCase(), unitOf: (id) => id, dateOf: () => null };
  const summary = summarise(input, { words: 200 });
  const killed = summary.filter((s) => /killed/.test(s.text));
  assert.ok(killed.length >= 1);
  for (const s of killed) {
    assert.equal(s.singleSource, true, `"${s.text}" cites only its own source`);
    assert.equal(s.articleIds.length, 1);
  }
  const talks = summary.find((s) => /Geneva/.test(s.text))!;
  assert.deepEqual([...talks.sources].sort(), ['A', 'B']);
});

test('numbersOf normalises number words and digits; a demonym and its country are one term', () => {
  assert.deepEqual(numbersOf('Seven people died and 15,000 fled; eight were hurt.'), ['7', '15000', '8']);
  const articles = [
    article('a', ['The Russian government will start talks with Washington on a rebel withdrawal this week.']),
    article('b', ['Russia will start talks with Washington on a rebel withdrawal this week, officials said.']),
  ];
  const a = analyseStory({ articles, sourceOf: (id) => id, unitOf: (id) => id, dateOf: () => null });
  // 7 shared terms and one of its own each: 0.71 with Russian = Russia, 0.51 without.
  assert.ok(cosine(a.sentences[0]!, a.sentences[1]!) > 0.65);
});

test('exclusive facts: a fact another source states across several sentences is not exclusive', () => {
  const articles = [
    article('a', ['Russia will hold talks with the United States this week on a complete rebel withdrawal from the city, the minister said.']),
    article('b', [
      'The minister announced talks with the United States on Monday.',
      'They will take place this week and cover a complete withdrawal of the rebel fighters from the city.',
      'A hospital in the old town was evacuated overnight by the Red Cross, which moved 150 patients to the west.',
    ]),
  ];
  const ex = exclusiveFacts({ articles, sourceOf: (id) => id, unitOf: (id) => id, dateOf: () => null });
  assert.deepEqual(ex.get('a'), []);
  assert.ok(ex.get('b')!.some((f) => f.text.includes('Red Cross')));
});

test('a sentence starting inside a straight-quoted quote is a fragment; datelines go from paragraph openings', () => {
  const words = (s: string) => s.split(/\s+/).length;
  const t = 'We will give them a better one that respects the limits," Saal told reporters outside the court.';
  assert.equal(ineligibility(t, words(t)), 'quote-fragment');
  const ok = '"Nobody wanted to be here today," she said outside the depot, where drivers stood around a brazier.';
  assert.equal(ineligibility(ok, words(ok)), null);
  const input: SummaryInput = {
    articles: [article('a', ['Commuters crowd the bridges on bicycles on Monday morning as the network shuts down.', 'VESSMARK, Estravia — At 7 a.m. on Monday, the platforms of Kronplatz station were empty except for a guard.'])],
    sourceOf: () => 'A',
    unitOf: (id) => id,
    dateOf: () => null,
  };
  assert.ok(summarise(input, { words: 100 }).some((s) => s.text.startsWith('At 7 a.m. on Monday')));
});
