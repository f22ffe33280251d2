/**
 * The page shell and the one stylesheet of the web pages. The stylesheet is served from a route (the
 * Content-Security-Policy allows styles from the site only, no inline style), is small enough to arrive
 * in the first round trips of a cold load, and is cached forever under a URL that carries its hash.
 *
 * The brief's own rules come from src/brief/render.ts (BRIEF_CSS) unchanged, so the
 * story page looks like the brief a person gets from `storyweave brief --format html`.
 */
import { createHash } from 'node:crypto';
import { BRIEF_CSS, escapeHtml } from '../brief/render.ts';

/** Rules for the site around the brief: header, lists, article page, the sources grid, search marks. */
const SITE_CSS = `
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;font:.95rem system-ui,sans-serif;border-bottom:1px solid #ddd;padding-bottom:.6rem}
header.site .home{font-weight:700;color:#1b1b1b;text-decoration:none;margin-right:auto}
header.site form{display:flex;gap:.3rem;flex:1 1 14rem;max-width:22rem}
input[type=search]{flex:1;min-width:0;font:inherit;padding:.3rem .5rem;border:1px solid #bbb;border-radius:4px}
button{font:inherit;padding:.3rem .7rem;border:1px solid #bbb;border-radius:4px;background:#f3f3f0}
a{color:#1a4f8b}a:visited{color:#5a3d8b}
nav.tabs{font:.95rem system-ui,sans-serif;margin:1rem 0}nav.tabs a{margin-right:1rem}nav.tabs a[aria-current=page]{font-weight:700;color:#1b1b1b;text-decoration:none}
ol.stories{list-style:none;padding:0}ol.stories li{padding:.7rem 0;border-bottom:1px solid #eee}ol.stories a.title{font-size:1.15rem;line-height:1.3}
ol.stories .hits{margin:.3rem 0 0 0;padding-left:1rem;font:.85rem system-ui,sans-serif;color:#444}
mark{background:#fff1a8;color:inherit}
.sources{columns:15rem;column-gap:2rem}.sources p{break-inside:avoid;break-after:avoid;margin:.6rem 0 .2rem}.sources ul{break-inside:avoid;break-before:avoid;margin-top:0}
blockquote mark.diff{background:#ffe0a8}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font:.9rem system-ui,sans-serif;color:#333}dl.meta dt{color:#666}dl.meta dd{margin:0;overflow-wrap:anywhere}
details.removed{margin:2rem 0;font:.9rem system-ui,sans-serif}details.removed summary{cursor:pointer;font-weight:600}
ol.removed{padding-left:1.3rem}ol.removed li{margin:.4rem 0;overflow-wrap:anywhere}ol.removed q{color:#555}
.reason{display:inline-block;font:600 .75rem system-ui,sans-serif;background:#eee;border-radius:3px;padding:0 .35rem;margin-right:.3rem}
.body p{margin:0 0 1rem}.refusal{border-left:3px solid #a11;padding-left:.8rem}
footer.site{margin-top:3rem;border-top:1px solid #ddd;padding-top:.6rem;color:#666;font:.8rem system-ui,sans-serif}
@media (max-width:600px){header.site form{max-width:none}.brief table{display:block;overflow-x:auto}dl.meta{grid-template-columns:1fr}dl.meta dt{margin-top:.4rem}}`;

export const STYLESHEET = `${BRIEF_CSS.trim()}\n${SITE_CSS.trim()}\n`;
/** Part of the stylesheet's URL: a new stylesheet gets a new URL, so it can be cached for good. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = `/assets/style-${STYLESHEET_VERSION}.css`;

export interface PageParts {
  title: string;
  /** Trusted HTML built by the page renderers (every article string already escaped). */
  body: string;
  /** Text for the search box, so a results page shows what was searched. */
  query?: string;
}

/** A whole HTML document: viewport for phones, the stylesheet, the header with search, the body. */
export function layout(parts: PageParts): string {
  const e = escapeHtml;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(parts.title)} · Storyweave</title>`,
    `<link rel="stylesheet" href="${STYLESHEET_PATH}">`,
    '</head><body>',
    '<header class="site"><a class="home" href="/">Storyweave</a>',
    `<form action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search stories and articles" placeholder="Search" value="${e(parts.query ?? '')}"><button type="submit">Search</button></form>`,
    '</header>',
    '<main>',
    parts.body,
    '</main>',
    '<footer class="site">Storyweave: stories assembled from the pages it was given. Article text is shown as the pages had it.</footer>',
    '</body></html>',
    '',
  ].join('\n');
}
