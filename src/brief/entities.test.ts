import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleAfter, roleBefore, storyEntities } from './entities.ts';

test('roleBefore reads the role written right before a name', () => {
  assert.equal(roleBefore('On Monday, Russian Foreign Minister'), 'Russian Foreign Minister');
  assert.equal(roleBefore('talks with Secretary of State'), 'Secretary of State');
  assert.equal(roleBefore('the government of President'), 'President');
  assert.equal(roleBefore('a statement, said'), null);
  assert.equal(roleBefore('He met'), null);
});

test('roleAfter reads an appositive and refuses a clause', () => {
  assert.equal(roleAfter(", the city's harbour director, said the quay was closed."), "city's harbour director");
  assert.equal(roleAfter(", Norland's interior minister, told reporters"), "Norland's interior minister");
  assert.equal(roleAfter(', said the quay was closed.'), null);
  assert.equal(roleAfter(' said nothing.'), null);
});

test('storyEntities merges variants, folds short roles into full ones and counts mentions per source', () => {
  const articles = [
    { id: 'a', title: 'Dam talks resume', paragraphs: ['The dam will open, said Petra Holm, the Norland water minister, on Monday. Ms. Holm spoke in Brask.'] },
    { id: 'b', title: 'Dam to open', paragraphs: ['Water Minister Petra Holm confirmed the plan in Brask on Tuesday.'] },
    { id: 'c', title: 'Dam to open', paragraphs: ['Water Minister Petra Holm confirmed the plan in Brask on Tuesday.'] },
  ];
  const sourceOf = (id: string) => (id === 'a' ? 'Norland Post' : 'Wire');
  const holm = storyEntities({ articles, sourceOf }).find((e) => e.key.includes('holm'));
  assert.ok(holm, 'Petra Holm is found');
  assert.equal(holm.kind, 'person');
  assert.deepEqual(holm.roles, ['Norland water minister'], 'the shorter "Water Minister" folds into the fuller role');
  assert.deepEqual(holm.bySource.map((s) => s.source).sort(), ['Norland Post', 'Wire']);
  assert.equal(holm.bySource.find((s) => s.source === 'Wire')!.mentions, 2);
});
