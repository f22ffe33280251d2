/**
 * The named records that pass between stages: RawPage → Article (→ Story → Brief, later).
 *
 * Each record is a zod schema first, so that every edge (files, JSONL lines, HTTP bodies, rows) can be
 * validated with the same definition that documents it; `npm run schema` writes the JSON Schema.
 */
import { z } from 'zod';

/** Why a page could not become an Article. Stable codes: they are counted, stored and shown. */
export const ErrorCode = z.enum([
  'empty', // no bytes, or only white space
  'binary', // bytes that are not text (images, PDFs, archives, NUL-heavy data)
  'too_large', // over the configured byte limit
  'decode_failed', // text that no supported encoding reads sensibly, or a broken gzip stream
  'not_an_article', // a readable page with no article body (an index, a login wall, a list of links)
  'bad_input', // a JSONL line that is not valid JSON or lacks both text and html
  'read_failed', // the file or stream could not be read
  'internal_error', // an extractor bug on this page: counted and reported so the run goes on
  'fetch_failed', // a URL could not be fetched: DNS, connection, TLS, a bad redirect, too many redirects
  'private_address', // a URL resolves to a loopback, private, link-local or otherwise non-public address
  'timeout', // a URL did not connect or finish within the configured time
  'http_status', // a URL answered with an HTTP status other than 2xx (after redirects)
  'unsupported_type', // a URL or archive record whose content type is not HTML, text or a feed
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const PageError = z.object({
  code: ErrorCode,
  message: z.string(),
});
export type PageError = z.infer<typeof PageError>;

/** Whether the page's content is a plain-text dump of a whole rendered page or HTML source. */
export const PageFormat = z.enum(['text', 'html']);
export type PageFormat = z.infer<typeof PageFormat>;

/**
 * One page as a scraper saved it, decoded to a string. Ingest makes these; extract consumes them.
 * `content` has line endings normalised to \n and no BOM.
 */
export const RawPage = z.object({
  /** Where it came from: a file path (with `#line` for JSONL), `-` for stdin, or a URL. */
  source: z.string(),
  url: z.string().nullable(),
  format: PageFormat,
  content: z.string(),
  /** When the scraper fetched it, if it said so (ISO 8601). Never a publication date. */
  fetchedAt: z.string().nullable(),
  /** The encoding the bytes were read as, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: z.string(),
  /** Size of the original bytes (before gunzip), for limits and reports. */
  bytes: z.number().int().nonnegative(),
  /**
   * `content` in consecutive pieces, when the page was decoded that way (large HTML, see PIECE_BYTES
   * in src/ingest/decode.ts): readers that can take pieces use them, so the page is never one large
   * string. Concatenated they are `content`; a page made some other way has none.
   */
  pieces: z.array(z.string()).optional(),
});
export type RawPage = z.infer<typeof RawPage>;

/** A page's content as consecutive pieces: its own pieces when they add up to `content`, else `content` whole. */
export function contentPieces(page: Pick<RawPage, 'content' | 'pieces'>): readonly string[] {
  const pieces = page.pieces;
  if (pieces && pieces.length > 0) {
    let length = 0;
    for (const p of pieces) length += p.length;
    // A page copied with new content but its old pieces must not be read from them.
    if (length === page.content.length) return pieces;
  }
  return [page.content];
}

/**
 * Why a line or block was dropped from the article body. Codes are data: counted, stored and shown
 * behind the "what was removed" toggle, so keep them few and meaningful.
 */
export const RemovalReason = z.enum([
  'title', // the headline line(s) themselves: kept as `title`, not as body
  'breadcrumb', // Home > News > … trails, including ones fused with the title
  'nav', // navigation menus, skip links, language pickers, section lists
  'ticker', // "Just in: … // … // …" news tickers
  'ad', // ADVERTISEMENT, sponsored blocks
  'caption', // photo / video captions
  'credit', // photo credits and "Photo" / "Credit" labels, image file names
  'teaser', // lines that repeat or truncate the lead ("…"), standalone summaries of other stories
  'related', // "Related Topics", "What To Read Next", "You Might Also Like", "DW recommends" and their lists
  'media', // "Watch video 01:09", audio/video widgets
  'paywall', // "Members Only", "Subscribe to continue", "Continue reading the main story"
  'share', // share buttons, social prompts
  'comments', // comment sections and prompts
  'error-report', // "Notice an issue?" / "Report an error" prompts
  'newsletter', // sign-up boxes
  'footer', // copyright, contact, legal, site footers
  'scraper-date', // a date line the scraper or site chrome added ("Saturday / March 23.")
  'metadata', // byline, date and attribution lines taken into metadata fields
  'template', // lines repeated across pages of the same site or the whole input
  'duplicate', // a line repeating one already in the body
  'boilerplate', // low-content blocks with no more specific reason (link-dense, short, stop-word poor)
  'markup', // a text dump's link targets and image embeds (Markdown `[text](url)`, `![alt](src)`, "text [url]")
]);
export type RemovalReason = z.infer<typeof RemovalReason>;

export const Removed = z.object({
  /** The dropped text, possibly shortened to `MAX_REMOVED_TEXT` characters with a trailing "…". */
  text: z.string(),
  reason: RemovalReason,
  /** 1-based line number in a text dump; absent for HTML blocks. */
  line: z.number().int().positive().optional(),
});
export type Removed = z.infer<typeof Removed>;

/** A clean, attributed article extracted from one page. */
export const Article = z.object({
  /** Stable and content-derived: the same page content gives the same id on every run and machine. */
  id: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  ok: z.literal(true),
  format: PageFormat,
  title: z.string().nullable().describe('The article headline as a reader sees it, without site name or breadcrumbs'),
  /** The site that published the page (e.g. "Arabian Post"), or null when the page does not say. */
  outlet: z.string().nullable().describe('The site that published the page, or null when the page does not say'),
  /** Who wrote the copy: the wire or paper the page names (e.g. "Reuters", "The New York Times"). */
  originalSource: z.string().nullable().describe('Who wrote the copy: the wire or paper the page names, e.g. Reuters'),
  /** The verbatim snippet that names the original source. */
  originalSourceEvidence: z.string().nullable().describe('The verbatim snippet that names the original source'),
  /** ISO date (YYYY-MM-DD) of publication, or null when the page gives no real evidence. */
  published: z.string().nullable().describe('Publication date YYYY-MM-DD, or null without real evidence'),
  /** The verbatim snippet the date was read from. */
  publishedEvidence: z.string().nullable().describe('The verbatim snippet the date was read from'),
  /** Place line that opens the story, e.g. "BEIRUT/MOSCOW". */
  dateline: z.string().nullable().describe('The place line opening the story, e.g. BEIRUT/MOSCOW'),
  byline: z.string().nullable().describe('Author names only, without By or job titles'),
  /** ISO 639-1 code, or null when the text is too short or mixed to tell. */
  language: z.string().nullable().describe('ISO 639-1 code, or null when unreliable'),
  paragraphs: z.array(z.string()).describe('The article body in order, one entry per paragraph or subheading'),
  /** `paragraphs` joined by a blank line. */
  text: z.string().describe('paragraphs joined by a blank line'),
  wordCount: z.number().int().nonnegative(),
  removed: z.array(Removed).describe('Every dropped line or block with the reason it was dropped'),
  fetchedAt: z.string().nullable(),
});
export type Article = z.infer<typeof Article>;

/** A page that could not yield an article. Rejections are data: they are kept, counted and reported. */
export const ExtractFailure = z.object({
  id: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  ok: z.literal(false),
  error: PageError,
});
export type ExtractFailure = z.infer<typeof ExtractFailure>;

export const ExtractResult = z.discriminatedUnion('ok', [Article, ExtractFailure]);
export type ExtractResult = z.infer<typeof ExtractResult>;

export const MAX_REMOVED_TEXT = 500;

/**
 * How two articles' bodies relate, decided by exact measures over their word shingles (never by the
 * sketch alone). `exact`, `near` and `partial` are copies; `shares-material` is not: two independent
 * reports quoting the same wire material.
 */
export const CopyKind = z.enum(['exact', 'near', 'partial', 'shares-material']);
export type CopyKind = z.infer<typeof CopyKind>;

/** One confirmed relation between two articles; `a` sorts before `b` so the record does not depend on input order. */
export const CopyRelation = z.object({
  a: z.string().describe('Id of the article that sorts first'),
  b: z.string().describe('Id of the article that sorts second'),
  kind: CopyKind.describe('exact, near, partial (one contained in the other) or shares-material (not a copy)'),
  jaccard: z.number().min(0).max(1).describe('Jaccard similarity of the two word-shingle sets'),
  containmentA: z.number().min(0).max(1).describe('Share of a’s shingles found in b'),
  containmentB: z.number().min(0).max(1).describe('Share of b’s shingles found in a'),
  sharedShingles: z.number().int().nonnegative().describe('Number of distinct shingles the two bodies share'),
  longestSharedWords: z.number().int().nonnegative().describe('Words in the longest run of text the two bodies share'),
});
export type CopyRelation = z.infer<typeof CopyRelation>;

/** One member of a copy group and how it relates to the group's canonical article. */
export const CopyMember = z.object({
  id: z.string(),
  relation: z
    .enum(['canonical', 'exact', 'near', 'partial', 'linked'])
    .describe('Relation to the canonical article; linked = joined the group through another member, not a direct copy of the canonical'),
  jaccard: z.number().min(0).max(1).describe('Shingle Jaccard with the canonical (1 for the canonical itself)'),
  containment: z.number().min(0).max(1).describe('Share of this member’s shingles found in the canonical'),
  canonicalContainment: z.number().min(0).max(1).describe('Share of the canonical’s shingles found in this member'),
  via: z.string().nullable().describe('For linked members: the member it was found to copy'),
});
export type CopyMember = z.infer<typeof CopyMember>;

/** Articles that are copies of one another (exact, near or partial), with the most complete, best-attributed one as canonical. */
export const CopyGroup = z.object({
  canonical: z.string().describe('Id of the most complete, best-attributed version'),
  originalSource: z.string().nullable().describe('Who wrote the copy, chosen across the members and propagated to all of them'),
  originalSourceEvidence: z.string().nullable().describe('The verbatim snippet of the member the group source was taken from'),
  members: z.array(CopyMember).describe('Every member including the canonical, sorted by id'),
});
export type CopyGroup = z.infer<typeof CopyGroup>;

/** The dedup stage's output over a set of articles. Groups have at least two members; singletons appear only in originalSourceById. */
export const DedupResult = z.object({
  groups: z.array(CopyGroup).describe('Copy groups, sorted by canonical id'),
  relations: z.array(CopyRelation).describe('Every confirmed relation, copies and shared material, sorted by (a, b)'),
  originalSourceById: z.record(z.string(), z.string().nullable()).describe('Each article’s originalSource after propagation through its copy group'),
});
export type DedupResult = z.infer<typeof DedupResult>;

/** One piece of evidence a story member shares with the story it joined. */
export const SharedEvidence = z.object({
  kind: z.enum(['entity', 'term', 'number']).describe('entity = a named person/place/organisation, term = a content word, number = a figure or year'),
  value: z.string().describe('The shared entity name, term or number as written'),
  weight: z.number().describe('Its contribution to the similarity (IDF-weighted product of the two sides)'),
});
export type SharedEvidence = z.infer<typeof SharedEvidence>;

/** Why an article is in its story: the score of the decision that put its unit there and what it shared. */
export const StoryMember = z.object({
  id: z.string().describe('Article id'),
  unit: z.string().describe('Id of the unit the article entered with: itself, or the canonical id of its copy group'),
  relation: z.enum(['founder', 'joined', 'copy']).describe('founder = its unit started the story; joined = its unit was assigned to the story; copy = a non-canonical member of a copy group'),
  score: z.number().min(0).max(1).describe('Probability from the merge decision when the unit joined (1 for the founder)'),
  evidence: z.array(SharedEvidence).describe('Strongest shared entities, numbers and terms with the story at the time it joined, best first'),
  published: z.string().nullable().describe('The article’s own publication date (YYYY-MM-DD), or null'),
});
export type StoryMember = z.infer<typeof StoryMember>;

/** Two stories joined because a later unit scored high against both. */
export const StoryMerge = z.object({
  into: z.string().describe('Id of the story that survived (the one whose earliest member sorts first)'),
  from: z.string().describe('Id of the story absorbed'),
  by: z.string().describe('Id of the unit that bridged them'),
  score: z.number().min(0).max(1).describe('The bridging unit’s merge probability against the absorbed story'),
});
export type StoryMerge = z.infer<typeof StoryMerge>;

/** One relative time reference ("on Wednesday", "yesterday") an inferred date rests on. */
export const DateEvidence = z.object({
  phrase: z.string().describe('The reference as written, e.g. "on Wednesday" or "yesterday"'),
  sentence: z.string().describe('The sentence it occurs in (shortened)'),
  resolved: z.string().describe('The day it refers to under the inferred publication date (YYYY-MM-DD)'),
  matchedArticle: z.string().nullable().describe('Id of the dated member reporting the same event on that day, or null'),
  matchedPhrase: z.string().nullable().describe('That member’s reference to the day, e.g. "on Monday"'),
  shared: z.array(z.string()).describe('Content words the two sentences share'),
});
export type DateEvidence = z.infer<typeof DateEvidence>;

/** A publication date inferred for an undated article from its story’s dated members. */
export const DateInference = z.object({
  id: z.string().describe('Article id'),
  date: z.string().describe('Inferred publication date YYYY-MM-DD'),
  confidence: z.number().min(0).max(1).describe('Share of the anchor weight the chosen date satisfies'),
  evidence: z.array(DateEvidence).describe('The references consistent with the inferred date, strongest first'),
});
export type DateInference = z.infer<typeof DateInference>;

/** A news story: one real-world event and its developments, as several outlets reported it. */
export const Story = z.object({
  id: z.string().describe('Stable id derived from the earliest member (by date, then id)'),
  title: z.string().nullable().describe('A representative headline: the canonical member title closest to the story centroid'),
  articles: z.array(z.string()).describe('Every member article id, copy groups expanded, sorted by (date, id)'),
  firstSeen: z.string().nullable().describe('Earliest publication date among members (YYYY-MM-DD), or null when none is dated'),
  lastSeen: z.string().nullable().describe('Latest publication date among members, or null'),
  entities: z.array(z.object({ name: z.string(), weight: z.number() })).describe('Top named entities of the story, heaviest first'),
  members: z.array(StoryMember).describe('Each member and why it joined'),
  merges: z.array(StoryMerge).describe('Stories absorbed into this one, in the order it happened'),
  dates: z.array(DateInference).describe('Publication dates inferred for undated members'),
});
export type Story = z.infer<typeof Story>;
