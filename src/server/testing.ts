/**
 * Test and bench helpers for the HTTP layer: a store filled from examples/ with briefs written, and two
 * hostile pages (text and HTML) whose every payload would set `window.__pwned` or open a dialog if the
 * web page ever let it run.
 */
import { readInputs } from '../ingest/index.ts';
import { ingestInto } from '../pipeline/ingest.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { StoryService } from './service.ts';
import type { PostPageBody } from './schemas.ts';

/** A fixed clock, so first/last seen times do not depend on when the tests run. */
export const FIXED_NOW = () => new Date('2025-04-20T12:00:00Z');

/** A memory store with examples/ ingested and every story's brief written. */
export async function exampleStore(dir = 'examples'): Promise<Store> {
  const store = await openStore({ kind: 'memory' });
  const service = new StoryService(store, { extract: DEFAULT_EXTRACT_OPTIONS, now: FIXED_NOW });
  await ingestInto(store, readInputs([dir]), { extract: DEFAULT_EXTRACT_OPTIONS, now: FIXED_NOW });
  for (const story of await store.latestStories({ limit: 10_000 })) await service.briefOf(story);
  return store;
}

/** Script and handler payloads written as a page's text, in the title and the body. */
export const HOSTILE_TEXT_PAGE: PostPageBody = {
  url: 'https://hostile.example/vessmark-strike-talks',
  fetchedAt: '2025-04-16T09:00:00Z',
  text: [
    'Vessmark strike talks <script>window.__pwned=1;alert(1)</script> resume',
    '',
    'By Mallory Hack',
    '',
    'VESSMARK, Estravia — Talks between the Vessmark Transit Workers\' Union and Vessmark Metropolitan Transit resumed on Wednesday after the 48-hour strike shut all four metro lines. <img src=x onerror="window.__pwned=1;alert(1)">',
    '',
    'Marta Quell, the union\'s leader, said the operator\'s offer of a raise of half the 9 percent the union wants was "not an offer anyone could sign" <svg onload=alert(1)>. [Read the offer](javascript:alert(1)) and [more](javascript:window.__pwned=1).',
    '',
    'The operator\'s chief executive, Oren Castell, said the union\'s demand would cost 60 million crowns a year and would fall on passengers in the form of higher fares. "><script>window.__pwned=1</script>',
    '',
    'Mayor Lior Bendt repeated his call on both sides to get back in a room, and said the city\'s shared bicycles would stay free until a deal is signed. <iframe src="javascript:alert(1)"></iframe>',
    '',
    'The union has said it will call further action if there is no new offer by the end of the month, when its members vote on the next steps.',
  ].join('\n'),
};

/** An HTML page whose markup carries script, handlers and javascript: links. */
export const HOSTILE_HTML_PAGE: PostPageBody = {
  url: 'https://hostile.example/kessel-dam-inquiry',
  fetchedAt: '2025-04-12T09:00:00Z',
  html: `<!doctype html><html><head><title>Kessel Dam inquiry opens &lt;script&gt;alert(1)&lt;/script&gt;</title>
<script>window.__pwned = 1; alert(1);</script>
<meta property="og:title" content="Kessel Dam inquiry opens &lt;img src=x onerror=alert(1)&gt;">
</head><body onload="window.__pwned=1">
<article>
<h1>Kessel Dam inquiry opens &lt;img src=x onerror=alert(1)&gt;</h1>
<p class="byline">By Mallory Hack</p>
<p>RIVERTON, Valdoria — An inquiry into the failure of the Kessel Dam opened in Riverton on Friday, with engineers asked why warnings about seepage were not acted on. <a href="javascript:window.__pwned=1;alert(1)">Read the engineers' report</a>.</p>
<p>The collapse killed 23 people, and 8 are still missing, according to the regional government. &lt;script&gt;window.__pwned=1&lt;/script&gt; Officials said search teams would keep working along the river.</p>
<p>Residents who lost homes asked the inquiry to publish every inspection report since 2015. <img src="x" onerror="window.__pwned=1;alert(1)"> <a href="JaVaScRiPt:alert(1)" onclick="alert(1)">See the reports</a></p>
<p>The chair of the inquiry said its first hearings would be public and that findings were expected before the end of the year.</p>
</article>
</body></html>`,
};
