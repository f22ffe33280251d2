/**
 * A generated news corpus for the ingest tests and the store benchmark: whole-page text dumps of
 * made-up stories, deterministic from a seed. Nothing here is real text.
 *
 * Each story has its own place, people, organisation and topical words; its articles are spread over
 * a few days and written by outlets with their own page chrome (menus, breadcrumbs, footers). Some
 * pages are copies of an earlier article under another outlet's chrome (wire copy, some with one word
 * changed), some repeat an earlier page byte for byte (the same page scraped twice), and some are
 * link lists with no article.
 */
import { seededRng } from '../../../eval/lib.ts';

export interface CorpusOptions {
  pages: number;
  seed: number;
  /** Mean articles per story (default 20). */
  pagesPerStory?: number;
}

export interface CorpusPage {
  name: string;
  content: string;
  kind: 'original' | 'copy' | 'repeat' | 'junk';
  /** The generated story the page reports (a copy or repeat: its base's story), null for a link list. */
  story: number | null;
}

/** Shares of pages by kind; the rest are original articles. */
const COPY_SHARE = 0.15;
const REPEAT_SHARE = 0.04;
const JUNK_SHARE = 0.02;
const UNDATED_SHARE = 0.1;
/** Stories run over this many days; a new one starts every day or two. */
const STORY_DAYS = 4;

const SYLLABLES = ['ka', 'ro', 'ven', 'dor', 'li', 'mar', 'tes', 'al', 'bri', 'on', 'sel', 'ga', 'thu', 'rin', 'vo', 'pel', 'na', 'ske', 'lu', 'dra', 'mi', 'cor', 'ta', 'esk'];
const EVENTS = ['flood', 'strike', 'election', 'fire', 'trial', 'merger', 'summit', 'outbreak', 'drought', 'collapse', 'protest', 'recall'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const COMMON = (
  'the a of to in and said on for with that was by at from as is it has have were after officials would more than about ' +
  'their its new also but which over other told two they been week last year this people who first some when could ' +
  'city government report local police minister residents statement according while under since there between'
).split(' ');

interface Outlet {
  name: string;
  menu: string[];
  footer: string[];
}

interface StoryPlan {
  start: number;
  place: string;
  people: string[];
  org: string;
  event: string;
  topical: string[];
  numbers: number[];
}

interface Original {
  story: number;
  title: string;
  date: string | null;
  paragraphs: string[];
}

export function* generateCorpus(options: CorpusOptions): Generator<CorpusPage> {
  const rand = seededRng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const name = () => {
    const w = word(2 + Math.floor(rand() * 2));
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const outlets: Outlet[] = Array.from({ length: 12 }, (_, i) => {
    const title = `The ${name()} ${pick(['Courier', 'Herald', 'Gazette', 'Times', 'Post', 'Ledger'])}`;
    return {
      name: title,
      menu: [`Skip to content`, `Home | World | Business | Sport | ${name()} Edition | Subscribe`],
      footer: [`Related Topics`, `${name()} ${pick(EVENTS)} | ${name()} ${pick(EVENTS)}`, `© 2026 ${title}. All rights reserved. Outlet ${i}.`],
    };
  });
  const stories: StoryPlan[] = [];
  const perStory = options.pagesPerStory ?? 20;
  const storyCount = Math.max(1, Math.round(options.pages / perStory));
  for (let s = 0; s < storyCount; s++) {
    stories.push({
      start: Math.floor(s * 1.5),
      place: name(),
      people: [`${name()} ${name()}`, `${name()} ${name()}`, `${name()} ${name()}`],
      org: `${name()} ${pick(['Authority', 'Ministry', 'Council', 'Company', 'Union'])}`,
      event: pick(EVENTS),
      topical: Array.from({ length: 25 }, () => word(2 + Math.floor(rand() * 2))),
      numbers: Array.from({ length: 4 }, () => 2 + Math.floor(rand() * 400)),
    });
  }
  const dateOf = (day: number) => {
    const d = new Date(Date.UTC(2026, 0, 5) + day * 86_400_000);
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  };
  const sentence = (st: StoryPlan) => {
    const words: string[] = [];
    const n = 12 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) {
      const r = rand();
      words.push(r < 0.45 ? pick(COMMON) : r < 0.85 ? pick(st.topical) : r < 0.9 ? st.place : r < 0.95 ? pick(st.people) : String(pick(st.numbers)));
    }
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  const article = (st: StoryPlan, story: number): Original => {
    const day = st.start + Math.floor(rand() * STORY_DAYS);
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => sentence(st)).join(' '));
    paragraphs[0] = `${st.place} — ${pick(st.people)} of the ${st.org} said the ${st.event} ${pick(['worsened', 'continued', 'ended', 'spread'])} on ${pick(['Monday', 'Tuesday', 'Friday'])}. ${paragraphs[0]}`;
    const title = `${st.place} ${st.event}: ${pick(st.topical)} ${pick(st.topical)} as ${st.org} ${pick(['responds', 'warns', 'acts', 'waits'])}`;
    return { story, title, date: rand() < UNDATED_SHARE ? null : dateOf(day), paragraphs };
  };
  const render = (outlet: Outlet, a: Original, byline: string | null) =>
    [...outlet.menu, `Home > World > ${a.title.split(':')[0]}`, a.title, ...(a.date ? [a.date] : []), ...(byline ? [`By ${byline}`] : []), ...a.paragraphs, ...outlet.footer].join('\n\n') + '\n';

  const originals: Original[] = [];
  const rendered: { content: string; story: number | null }[] = [];
  for (let i = 0; i < options.pages; i++) {
    const r = rand();
    let content: string;
    let kind: CorpusPage['kind'];
    let story: number | null = null;
    if (r < REPEAT_SHARE && rendered.length > 0) {
      kind = 'repeat';
      const earlier = rendered[Math.max(0, rendered.length - 1 - Math.floor(rand() * 50))]!;
      content = earlier.content;
      story = earlier.story;
    } else if (r < REPEAT_SHARE + JUNK_SHARE) {
      kind = 'junk';
      const outlet = pick(outlets);
      content = [...outlet.menu, ...Array.from({ length: 8 }, () => `${name()} ${pick(EVENTS)} | ${name()} | ${name()}`), ...outlet.footer].join('\n') + `\nPage ${i}\n`;
    } else if (r < REPEAT_SHARE + JUNK_SHARE + COPY_SHARE && originals.length > 0) {
      kind = 'copy';
      const base = originals[Math.max(0, originals.length - 1 - Math.floor(rand() * 100))]!;
      story = base.story;
      const paragraphs = base.paragraphs.map((p) => p);
      if (rand() < 0.5) {
        // A near copy: one word of the body changed, as syndicators' editors do.
        const k = Math.floor(rand() * paragraphs.length);
        paragraphs[k] = paragraphs[k]!.replace(/ (\w+) /, ' also ');
      }
      content = render(pick(outlets), { ...base, paragraphs: ['(Meridian Wire) — ' + paragraphs[0], ...paragraphs.slice(1)] }, null);
    } else {
      kind = 'original';
      const index = Math.max(0, Math.min(stories.length - 1, Math.floor((i / options.pages) * stories.length + (rand() - 0.5) * 3)));
      const a = article(stories[index]!, index);
      story = index;
      originals.push(a);
      if (originals.length > 200) originals.shift();
      content = render(pick(outlets), a, rand() < 0.6 ? `${name()} ${name()}` : null);
    }
    rendered.push({ content, story });
    if (rendered.length > 200) rendered.shift();
    yield { name: `page-${String(i).padStart(6, '0')}.txt`, content, kind, story };
  }
}
