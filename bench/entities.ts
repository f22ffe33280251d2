/**
 * Speed of the entity layer, and its agreement with a full compromise parse, on the ECB+ dev docs.
 * Run: node --import tsx bench/entities.ts [../shared/data/ecbplus-dev/docs.jsonl] [compromise sample size]
 * Prints CPU ms per article for extractEntities, for compromise people()/places()/organizations() on a
 * sample, and how many of compromise's cleaned names this layer also finds (and the reverse).
 */
import { existsSync, readFileSync } from 'node:fs';
import nlp from 'compromise';
import { entityKey, extractEntities, type EntityKind } from '../src/entities/index.ts';
import { join } from 'node:path';
import { SHARED } from '../eval/lib.ts';

const path = process.argv[2] || join(SHARED, 'data', 'ecbplus-dev', 'docs.jsonl');
const sample = Number(process.argv[3] ?? 150);
if (!existsSync(path)) {
  console.error(`measure: ${path} not found`);
  process.exit(2);
}
const docs = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { sentences: string[] });
const inputs = docs.map((d) => ({ title: null, paragraphs: d.sentences }));
const chars = inputs.reduce((n, d) => n + d.paragraphs.join(' ').length, 0);

extractEntities(inputs[0]!);
const REPEAT = 5;
const c0 = process.cpuUsage();
for (let r = 0; r < REPEAT; r++) for (const d of inputs) extractEntities(d);
const c = process.cpuUsage(c0);
const ms = (c.user + c.system) / 1000 / (REPEAT * inputs.length);
console.log(`extractEntities: ${inputs.length} docs, ${Math.round(chars / inputs.length)} chars/doc, ${ms.toFixed(3)} CPU ms/article (${Math.round(1000 / ms)} articles/s)`);

type Listable = { out(format: string): unknown };
const kinds: [EntityKind, (d: ReturnType<typeof nlp>) => Listable][] = [
  ['person', (d) => d.people() as unknown as Listable],
  ['place', (d) => d.places() as unknown as Listable],
  ['organization', (d) => d.organizations() as unknown as Listable],
];
let both = 0;
let onlyCompromise = 0;
let onlyOurs = 0;
const c1 = process.cpuUsage();
const theirsAll: Set<string>[] = [];
for (const d of inputs.slice(0, sample)) {
  const doc = nlp(d.paragraphs.join(' '));
  const theirs = new Set<string>();
  for (const [kind, pick] of kinds) {
    for (const s of pick(doc).out('array') as string[]) {
      const name = s.replace(/[.,;:!?“”"'’)(—–-]+$/g, '').replace(/['’]s$/, '').trim();
      if (name) theirs.add(`${kind}|${entityKey(name, kind)}`);
    }
  }
  theirsAll.push(theirs);
}
const c2 = process.cpuUsage(c1);
for (let i = 0; i < theirsAll.length; i++) {
  const ours = new Set(extractEntities(inputs[i]!).map((e) => `${e.kind}|${e.key}`));
  const theirs = theirsAll[i]!;
  for (const k of ours) if (theirs.has(k)) both++;
  else onlyOurs++;
  for (const k of theirs) if (!ours.has(k)) onlyCompromise++;
}
const cms = (c2.user + c2.system) / 1000 / theirsAll.length;
console.log(`compromise: ${cms.toFixed(2)} CPU ms/article on ${theirsAll.length} docs`);
console.log(`agreement (kind+key): both ${both}, only ours ${onlyOurs}, only compromise ${onlyCompromise}`);
