/**
 * The brief's entities section: the story's people, places and organisations with spelling variants
 * merged (src/entities), mention counts per independent source, and the roles the articles give people
 * ("Russian Foreign Minister Sergey V. Lavrov", "Lavrov, Russia's foreign minister,").
 */
import type { Article } from '../records/index.ts';
import { extractEntities, mergeEntities, type Entity } from '../entities/index.ts';
import { gazetteer } from '../entities/lexicon.ts';
import type { BriefEntity } from './types.ts';

export interface EntitiesInput {
  articles: readonly Pick<Article, 'id' | 'title' | 'paragraphs'>[];
  sourceOf: (articleId: string) => string;
  /** Each article's entities when the caller has them already (the brief extracts them once for all parts). */
  entitiesOf?: (articleId: string) => Entity[];
}

/** Entities shown; the tail of once-mentioned names is noise for a reader. */
export const MAX_BRIEF_ENTITIES = 40;
/** Words a role phrase may span before or after a name ("U.S. Secretary of State" is 4). */
const MAX_ROLE_WORDS = 7;

/**
 * Lower-case words that may sit inside a role phrase without being its head. Role heads come from the
 * gazetteer's job nouns (minister, spokesman, analyst …) plus ROLE_HEADS.
 */
const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'foreign', 'deputy', 'former', 'prime', 'vice', 'senior', 'chief', 'top', 'opposition', 'rebel', 'military',
  'defence', 'defense', 'interior', 'state', 'general', 'acting', 'special', 'presidential', 'of', 'for', 'the',
  'local', 'regional', 'national', 'federal', 'city', 'district', 'health', 'finance', 'economy', 'trade', 'energy',
  'justice', 'affairs', 'security', 'executive', 'managing', 'assistant', 'press', 'union', 'party', 'police',
  'army', 'government', 'un', 'u.n.', 'eu', 'nato', 'white', 'house', 'county', 'supreme', 'court', 'high',
]);
const ROLE_HEADS: ReadonlySet<string> = new Set([
  'minister', 'president', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador',
  'leader', 'commander', 'chief', 'director', 'chairman', 'chairwoman', 'chair', 'mayor', 'governor', 'official',
  'judge', 'justice', 'senator', 'premier', 'chancellor', 'king', 'queen', 'general', 'colonel', 'adviser',
  'advisor', 'negotiator', 'mediator', 'coordinator', 'commissioner', 'head', 'founder', 'ceo', 'analyst',
  'professor', 'lawyer', 'attorney', 'prosecutor', 'engineer', 'doctor', 'researcher', 'economist', 'coach',
  'captain', 'manager', 'organiser', 'organizer', 'representative', 'lawmaker', 'activist', 'candidate',
]);
/** Words that end a role phrase when walking back from a name: verbs and clause words, never part of a role. */
const ROLE_STOPS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'and', 'but', 'as', 'by', 'with', 'to', 'that', 'who', 'which', 'when', 'while', 'after', 'before', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'for']);

let heads: ReadonlySet<string> | null = null;
function isRoleHead(word: string): boolean {
  heads ??= new Set([...ROLE_HEADS, ...gazetteer().actors]);
  const w = word.toLowerCase().replace(/[’']s$/u, '');
  return heads.has(w) || heads.has(w.replace(/s$/u, ''));
}

const isCapitalised = (w: string) => /^[\p{Lu}]/u.test(w);
const words = (s: string) => s.split(/\s+/u).filter(Boolean);

/** Trims determiners and connectives off both ends; null unless a role head remains. */
function cleanRole(ws: string[]): string | null {
  let a = 0;
  let b = ws.length;
  while (a < b && DETERMINERS.has(ws[a]!.toLowerCase())) a++;
  while (b > a && DETERMINERS.has(ws[b - 1]!.toLowerCase())) b--;
  const kept = ws.slice(a, b);
  if (kept.length === 0 || !kept.some(isRoleHead)) return null;
  return kept.join(' ');
}

/** The role written right before a name: "Russian Foreign Minister" in "… Russian Foreign Minister Sergey V. Lavrov". */
export function roleBefore(textBefore: string): string | null {
  const ws = words(textBefore.slice(-120));
  const run: string[] = [];
  for (let i = ws.length - 1; i >= 0 && run.length < MAX_ROLE_WORDS; i--) {
    const w = ws[i]!;
    if (/[.,;:!?”")]$/u.test(w) && !/^(?:U\.S\.|U\.N\.|U\.K\.)$/u.test(w)) break;
    const lw = w.toLowerCase();
    if (ROLE_STOPS.has(lw)) break;
    if (!isCapitalised(w) && !ROLE_MODIFIERS.has(lw) && !isRoleHead(w) && !/^[\p{L}]+[’']s$/u.test(w)) break;
    run.unshift(w);
  }
  // The role's head ends the phrase ("Foreign Minister Lavrov"), or an "of" complement follows it
  // ("Secretary of State John Kerry"); an earlier head is another noun's ("Minister Putin's Russia").
  let h = -1;
  for (let i = run.length - 1; i >= 0; i--) if (isRoleHead(run[i]!)) { h = i; break; }
  if (h < 0) return null;
  const tail = run.slice(h + 1);
  if (tail.length > 0 && !(tail[0]!.toLowerCase() === 'of' && tail.slice(1).every(isCapitalised) && tail.length > 1)) return null;
  // "the government of President Assad": what precedes an "of" that precedes the head is not the role.
  const of = run.slice(0, h).map((w) => w.toLowerCase()).lastIndexOf('of');
  return cleanRole(of >= 0 ? run.slice(of + 1) : run);
}

/** The appositive after a name: "Russia's foreign minister" in "Lavrov, Russia's foreign minister, said". */
export function roleAfter(textAfter: string): string | null {
  const m = /^,\s+([^,.;:!?()“”"]{3,80}?)(?:,|\.\s|\.$|;)/u.exec(textAfter);
  if (!m) return null;
  const ws = words(m[1]!);
  if (ws.length > MAX_ROLE_WORDS || ws.some((w) => ROLE_STOPS.has(w.toLowerCase()))) return null;
  // An appositive starts with a determiner, a possessive or a capitalised word ("the U.S. secretary of
  // state", "Russia's foreign minister", "UN envoy"); a lower-case verb ("said") starts a clause instead.
  const first = ws[0]!;
  if (!DETERMINERS.has(first.toLowerCase()) && !isCapitalised(first)) return null;
  return cleanRole(ws);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Roles of one person in one article's text, as written at each mention. */
function rolesIn(text: string, forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const form of forms) {
    if (form.split(' ').length < 2 && forms.length > 1) continue; // a bare surname's neighbours are the full name's
    const re = new RegExp(`(?<![\\p{L}])${escapeRe(form)}(?![\\p{L}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = roleBefore(text.slice(Math.max(0, m.index - 120), m.index));
      if (before) out.push(before);
      const after = roleAfter(text.slice(m.index + m[0].length, m.index + m[0].length + 100));
      if (after) out.push(after);
    }
  }
  return out;
}

/** Which merged entity a per-article entity belongs to: same kind and key, and for people a shared form. */
function owner(merged: readonly Entity[], e: Entity): Entity | null {
  const same = merged.filter((m) => m.kind === e.kind && m.key === e.key);
  if (same.length <= 1) return same[0] ?? null;
  return same.find((m) => e.variants.some((v) => m.variants.includes(v))) ?? same[0]!;
}

/**
 * A role that ends another ("Foreign Minister" in "Russian Foreign Minister") is the same role written
 * shorter: its count goes to the fullest form. Most cited first.
 */
function foldRoles(list: { display: string; count: number }[]): string[] {
  const byLength = [...list].sort((x, y) => y.display.length - x.display.length);
  const kept: { display: string; count: number }[] = [];
  for (const r of byLength) {
    const k = r.display.toLowerCase();
    const longer = kept.find((o) => o.display.toLowerCase().endsWith(` ${k}`));
    if (longer) longer.count += r.count;
    else kept.push({ ...r });
  }
  return kept.sort((x, y) => y.count - x.count || x.display.localeCompare(y.display)).map((r) => r.display);
}

/**
 * The entities of a story, most mentioned first, each with its variants, roles (people) and mentions per
 * independent source.
 *
 * @example storyEntities({ articles, sourceOf }).find((e) => e.key === 'lavrov')?.roles // ['Russian Foreign Minister', …]
 */
export function storyEntities(input: EntitiesInput): BriefEntity[] {
  const perArticle = input.articles.map((a) => ({ article: a, entities: input.entitiesOf?.(a.id) ?? extractEntities({ title: a.title, paragraphs: a.paragraphs }) }));
  const merged = mergeEntities(perArticle.map((x) => x.entities));
  const bySource = new Map<Entity, Map<string, number>>();
  const roles = new Map<Entity, Map<string, { display: string; count: number }>>();
  for (const { article, entities } of perArticle) {
    const text = [article.title ?? '', ...article.paragraphs].join('\n\n');
    for (const e of entities) {
      const m = owner(merged, e);
      if (!m) continue;
      const counts = bySource.get(m) ?? new Map<string, number>();
      const source = input.sourceOf(article.id);
      counts.set(source, (counts.get(source) ?? 0) + e.mentions);
      bySource.set(m, counts);
      if (e.kind !== 'person') continue;
      const seen = roles.get(m) ?? new Map<string, { display: string; count: number }>();
      for (const r of rolesIn(text, [...new Set([e.name, ...e.variants])].sort((x, y) => y.length - x.length))) {
        const k = r.toLowerCase().replace(/[’']/gu, "'");
        const cur = seen.get(k);
        if (cur) cur.count++;
        else seen.set(k, { display: r, count: 1 });
      }
      roles.set(m, seen);
    }
  }
  return merged
    .map((m) => ({
      name: m.name,
      key: m.key,
      kind: m.kind,
      variants: [...m.variants],
      roles: foldRoles([...(roles.get(m)?.values() ?? [])]),
      mentions: m.mentions,
      bySource: [...(bySource.get(m) ?? new Map<string, number>())]
        .map(([source, mentions]) => ({ source, mentions }))
        .filter((s) => s.mentions > 0)
        .sort((x, y) => y.mentions - x.mentions || x.source.localeCompare(y.source)),
    }))
    .sort((x, y) => y.bySource.length - x.bySource.length || y.mentions - x.mentions || x.name.localeCompare(y.name))
    .slice(0, MAX_BRIEF_ENTITIES);
}
