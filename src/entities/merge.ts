/**
 * Cross-article merging: the same person, place or organisation named by many articles becomes one
 * entity, with mentions summed and variants united.
 */
import { bestName } from './extract.ts';
import { firstInitial } from './fold.ts';
import type { Entity, EntityKind } from './types.ts';

interface Acc {
  kind: EntityKind;
  key: string;
  initial: string;
  /** Surface → number of articles using it, the vote for the display name. */
  votes: Map<string, number>;
  variants: string[];
  mentions: number;
  firstOffset: number;
}

function initialOf(e: Entity): string {
  for (const v of [e.name, ...e.variants]) {
    const i = firstInitial(v);
    if (i) return i;
  }
  return '';
}

/**
 * Merge entities across many articles: the same kind and key make one entity, except people whose
 * first initials differ ("Hillary Clinton" and "Bill Clinton" stay two); a person known only by a
 * surname joins the best-attested full name with that surname. Organisations whose key is
 * the leading words of exactly one longer key ("syrian observatory") join it. Mentions are summed,
 * variants united, and `firstOffset` is the smallest seen.
 *
 * @example mergeEntities([extractEntities(a), extractEntities(b)]).filter((e) => e.kind === 'person')
 */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const byKey = new Map<string, Acc[]>();
  const all: Acc[] = [];
  const pending: Entity[] = [];
  const put = (e: Entity, initial: string): void => {
    const id = `${e.kind}|${e.key}`;
    const list = byKey.get(id) ?? [];
    let acc = e.kind === 'person' && initial !== '' ? list.find((a) => a.initial === initial) : list[0];
    if (e.kind === 'person' && initial === '') {
      acc = [...list].sort((a, b) => b.mentions - a.mentions)[0];
    }
    if (!acc) {
      acc = { kind: e.kind, key: e.key, initial, votes: new Map(), variants: [], mentions: 0, firstOffset: e.firstOffset };
      list.push(acc);
      all.push(acc);
      byKey.set(id, list);
    }
    acc.mentions += e.mentions;
    acc.firstOffset = Math.min(acc.firstOffset, e.firstOffset);
    for (const v of e.variants) {
      if (!acc.variants.includes(v)) acc.variants.push(v);
      acc.votes.set(v, (acc.votes.get(v) ?? 0) + 1);
    }
  };
  // Full names first so that surname-only people attach to an existing initial group.
  for (const list of lists) for (const e of list) {
    const initial = e.kind === 'person' ? initialOf(e) : '';
    if (e.kind === 'person' && initial === '') pending.push(e);
    else put(e, initial);
  }
  for (const e of pending) put(e, '');

  for (const short of all) {
    if (short.kind !== 'organization' || short.mentions === 0) continue;
    const longer = all.filter((x) => x !== short && x.kind === short.kind && x.mentions > 0 && x.key.startsWith(`${short.key} `));
    if (longer.length !== 1) continue;
    const into = longer[0]!;
    into.mentions += short.mentions;
    into.firstOffset = Math.min(into.firstOffset, short.firstOffset);
    for (const v of short.variants) if (!into.variants.includes(v)) into.variants.push(v);
    for (const [v, n] of short.votes) into.votes.set(v, (into.votes.get(v) ?? 0) + n);
    short.mentions = 0;
  }
  return all
    .filter((a) => a.mentions > 0)
    .map((a) => ({ kind: a.kind, name: bestName(a.kind, a.votes), key: a.key, mentions: a.mentions, variants: a.variants, firstOffset: a.firstOffset }))
    .sort((a, b) => b.mentions - a.mentions || a.firstOffset - b.firstOffset);
}
