import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Story } from '../records/index.ts';
import { clusterArticles, StoryClusterer, inferDate, temporalReferences, type ClusterArticle } from './index.ts';

const art = (id: string, title: string, body: string[], published: string | null = null): ClusterArticle => ({ id, title, paragraphs: body, published });

// Two earthquakes in one week: the genre words are shared, the places, magnitudes and names are not.
const quakeA = [
  art('a1', 'Magnitude 6.8 earthquake strikes Valdoria province', ['A magnitude 6.8 earthquake struck Valdoria province on Tuesday, killing at least 42 people, officials in Port Merin said.', 'Governor Elena Castell said rescue teams were searching collapsed buildings in Port Merin.'], '2024-03-05'),
  art('a2', 'Death toll from Valdoria quake rises to 42', ['Rescuers in Port Merin pulled survivors from rubble after the 6.8 quake in Valdoria province.', 'Governor Elena Castell asked for national help.'], '2024-03-05'),
  art('a3', 'Port Merin mourns victims of Valdoria earthquake', ['Funerals were held in Port Merin for the 42 victims of the Valdoria earthquake.', 'Elena Castell declared three days of mourning across Valdoria province.'], '2024-03-07'),
];
const quakeB = [
  art('b1', 'Strong 5.9 earthquake shakes Kessary coast', ['A 5.9 magnitude earthquake hit the Kessary coast near Lomabad, damaging 300 homes, the Kessary geological institute said.', 'Mayor Tomas Ridel said no deaths were reported in Lomabad.'], '2024-03-06'),
  art('b2', 'Lomabad counts damage after Kessary quake', ['Mayor Tomas Ridel toured 300 damaged homes in Lomabad after the 5.9 earthquake on the Kessary coast.', 'The Kessary geological institute recorded aftershocks.'], '2024-03-06'),
];
const all = [...quakeA, ...quakeB];
const storyOf = (stories: Story[], id: string) => stories.find((s) => s.articles.includes(id))!.id;

test('two earthquakes in one week are two stories; each member says why it joined', () => {
  const stories = clusterArticles(all, null);
  for (const s of stories) Story.parse(s);
  assert.equal(new Set(quakeA.map((a) => storyOf(stories, a.id))).size, 1);
  assert.equal(new Set(quakeB.map((a) => storyOf(stories, a.id))).size, 1);
  assert.notEqual(storyOf(stories, 'a1'), storyOf(stories, 'b1'));
  const a = stories.find((s) => s.articles.includes('a1'))!;
  assert.equal(a.id, 'story-a1', 'id from the earliest member');
  assert.equal(a.firstSeen, '2024-03-05');
  assert.equal(a.lastSeen, '2024-03-07');
  const joined = a.members.filter((m) => m.relation === 'joined');
  assert.equal(joined.length, 2);
  for (const m of joined) assert.ok(m.evidence.some((e) => e.kind === 'entity' || e.kind === 'number'), 'shared entity or number as evidence');
  assert.ok(a.entities.some((e) => /Valdoria|Port Merin|Castell/.test(e.name)));
});

test('batch result does not depend on input order (five shuffles)', () => {
  const expected = JSON.stringify(clusterArticles(all, null));
  for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 4, 0, 3, 2], [3, 1, 4, 2, 0], [0, 2, 1, 4, 3]]) {
    assert.equal(JSON.stringify(clusterArticles(order.map((i) => all[i]!), null)), expected);
  }
});

test('a copy group enters as one unit and is expanded in the story', () => {
  const copy = art('a1copy', quakeA[0]!.title!, quakeA[0]!.paragraphs as string[], null);
  const groups = [{ canonical: 'a1', originalSource: null, originalSourceEvidence: null, members: [{ id: 'a1', relation: 'canonical' as const, jaccard: 1, containment: 1, canonicalContainment: 1, via: null }, { id: 'a1copy', relation: 'exact' as const, jaccard: 1, containment: 1, canonicalContainment: 1, via: null }] }];
  const stories = clusterArticles([...all, copy], { groups });
  const s = stories.find((x) => x.articles.includes('a1'))!;
  const m = s.members.find((x) => x.id === 'a1copy')!;
  assert.equal(m.unit, 'a1');
  assert.equal(m.relation, 'copy');
});

test('stories leave the index after the window; onEvict receives them', () => {
  const evicted: string[] = [];
  const c = new StoryClusterer({ windowDays: 2, onEvict: (s) => evicted.push(s.units[0]!.id) });
  const unit = (a: ClusterArticle) => ({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
  c.add(unit(quakeA[0]!));
  c.add(unit(art('late', 'Later news about Valdoria earthquake', ['Valdoria earthquake anniversary in Port Merin, Elena Castell said.'], '2024-03-15')));
  assert.deepEqual(evicted, ['a1']);
  assert.equal(c.liveStories, 1);
});

test('a unit bridging two stories merges them and the merge is recorded', () => {
  const c = new StoryClusterer({ joinProbability: 0.3, mergeProbability: 0.3 });
  const unit = (a: ClusterArticle) => ({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
  c.add(unit(art('x1', 'Harbour strike in Telmora', ['Dock workers of the Telmora harbour union led by Ana Vey walked out on Monday.'], '2024-05-06')));
  // x2 is forced into a story of its own, as if it had arrived before anything linked it to x1.
  c.add(unit(art('x2', 'Telmora harbour strike talks with mayor Brant Osk', ['Mayor Brant Osk said the harbour strike in Telmora would hurt exports.'], '2024-05-06')), { decide: () => null });
  assert.equal(c.liveStories, 2);
  const s = c.add(unit(art('x3', 'Telmora harbour strike: Ana Vey and Brant Osk meet', ['Union leader Ana Vey met mayor Brant Osk over the Telmora harbour strike, as dock workers stayed out.'], '2024-05-07')));
  assert.equal(s.units.length, 3);
  assert.equal(c.liveStories, 1);
  assert.equal(s.merges.length, 1);
  assert.equal(s.merges[0]!.by, 'x3');
  assert.deepEqual([s.merges[0]!.into, s.merges[0]!.from].sort(), ['story-x1', 'story-x2']);
});

test('dates: weekday names read back from publication; "yesterday" style pushes them two days back; future clauses read forward', () => {
  const { refs, yesterdayStyle } = temporalReferences(art('u', null as unknown as string, ['The minister said on Monday that talks would begin on Thursday. “We left yesterday,” a resident said.']));
  assert.equal(yesterdayStyle, false, 'quoted yesterday is the speaker’s');
  assert.deepEqual(refs.map((r) => [r.phrase, r.future]), [['on Monday', false], ['on Thursday', true]]);
  const dated = [art('d', 'Harbour talks', ['Minister Ana Vey said on Monday the Telmora harbour talks would resume on Wednesday.'], '2024-05-06')];
  const follow = art('f', 'Harbour talks resume', ['Minister Ana Vey opened the Telmora harbour talks on Wednesday, and the union answered yesterday.']);
  const inf = inferDate(follow, dated)!;
  // Wednesday May 8 must be two or more days back (the article says "yesterday"): Friday May 10 is the first such day.
  assert.equal(inf.date, '2024-05-10');
  assert.ok(inf.evidence[0]!.matchedArticle === 'd' && inf.evidence[0]!.resolved === '2024-05-08');
  assert.equal(inferDate(art('n', 'Unrelated', ['Nothing about any day at all.']), dated), null);
});
