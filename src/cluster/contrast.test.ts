import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrast, isYear, summarise } from './contrast.ts';

const side = (ents: [string, number][], nums: string[] = []) => {
  const m = new Map(ents);
  return { ents: m, sum: summarise(m, nums) };
};

test('different subject people and years conflict; a shared person does not', () => {
  const jackson = side([['p:jackson/v', 5], ['l:san diego', 2]], ['2008']);
  const williams = side([['p:williams/j', 6], ['l:san diego', 2], ['p:jackson/v', 1]], ['2009']);
  const other = side([['p:smith/a', 3], ['l:paris', 2]], ['2013']);
  const c = contrast(other.ents, other.sum, jackson.ents, jackson.sum);
  assert.equal(c.personConflict, 1);
  assert.equal(c.placeConflict, 1);
  assert.equal(c.yearConflict, 1);
  assert.equal(c.people, 0);
  // Williams' story names Jackson too: the subjects differ, but each side's subject is not absent from the other.
  const w = contrast(jackson.ents, jackson.sum, williams.ents, williams.sum);
  assert.equal(w.personConflict, 0);
  assert.ok(w.people > 0 && w.people < 1);
  assert.equal(w.placeConflict, 0);
});

test('no conflict when a side names no person or no year', () => {
  const a = side([['l:paris', 1]]);
  const b = side([['p:winston/h', 2], ['l:paris', 1]], ['2008']);
  const c = contrast(a.ents, a.sum, b.ents, b.sum);
  assert.deepEqual(c, { people: 0, personConflict: 0, placeConflict: 0, yearConflict: 0 });
});

test('a centroid minus its own unit: the unit no longer matches itself', () => {
  const unit = new Map([['p:vinar/m', 1]]);
  const centroid = new Map([['p:vinar/m', 1], ['p:gaskin/i', 2]]);
  const without = summarise(centroid, new Map([['2013', 1]]), { ents: unit, nums: new Map([['2013', 1]]) });
  assert.equal(without.topPerson, 'p:gaskin/i');
  assert.deepEqual(without.years, []);
  const c = contrast(unit, summarise(unit, []), centroid, without, unit);
  assert.equal(c.personConflict, 1);
  assert.equal(c.people, 0);
});

test('years are four-digit 19xx/20xx numbers', () => {
  assert.ok(isYear('2013') && isYear('1999'));
  assert.ok(!isYear('213') && !isYear('2.013') && !isYear('3013'));
});
