/**
 * Site knowledge for plain-text page dumps, kept as data: the chrome that scrapers save around an
 * article (tickers, ad labels, photo credits, related-story headers, prompts), the wire services and
 * papers whose attribution lines close a story, and navigation words in several languages.
 *
 * Patterns are matched against one trimmed line with white space collapsed. Whole-line patterns are
 * anchored; they only run on short lines (see `MAX_LABEL_WORDS` in segment.ts), which keeps them cheap.
 * Add a new site's chrome here, never as a branch in the code.
 */
import type { RemovalReason } from '../../records/index.ts';
import type { Line } from './lines.ts';

/** One kind of whole-line chrome and what it does to the lines after it. */
export interface LineRule {
  reason: RemovalReason;
  pattern: RegExp;
  /**
   * `end`: a header after which the rest of the page is related material, comments or prompts (once
   * the article has been seen). `next`: also takes the next non-blank line (a credit after "Credit",
   * the footer blurb after "Notice an issue?", a video title after "Watch video 01:09").
   */
  effect?: 'end' | 'next';
  /** With `next`: the reason given to that next line (default: this rule's reason). */
  nextReason?: RemovalReason;
}

/**
 * A list of patterns as few patterns as their flags allow (one per set of flags), each matching where
 * any of the merged ones does: one test per line instead of one per table row, for the common answer
 * "none matches". Start-anchored patterns are merged under one `^`, so the engine tries the start
 * only. The tables stay as they are; which row matched is asked only of the lines that pass.
 */
export function anyOf(patterns: RegExp[]): RegExp[] {
  const groups = new Map<string, { anchored: string[]; free: string[] }>();
  for (const p of patterns) {
    if (p.global || p.sticky) throw new Error(`anyOf: ${p} must not be global or sticky`);
    let g = groups.get(p.flags);
    if (!g) groups.set(p.flags, (g = { anchored: [], free: [] }));
    if (p.source.startsWith('^') && !topLevelAlternation(p.source)) g.anchored.push(`(?:${p.source.slice(1)})`);
    else g.free.push(`(?:${p.source})`);
  }
  const out: RegExp[] = [];
  for (const [flags, { anchored, free }] of groups) {
    const alternatives = [...(anchored.length ? [`^(?:${anchored.join('|')})`] : []), ...free];
    out.push(new RegExp(alternatives.join('|'), flags));
  }
  return out;
}

/** Whether a pattern source has a `|` outside every group and class (so a leading `^` binds only its first branch). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Wire services, agencies and papers named in attribution and credit lines. */
export const AGENCIES = [
  'Reuters', 'REUTERS', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'dpa', 'DPA', 'EPA', 'EFE',
  'ANSA', 'Xinhua', 'TASS', 'Interfax', 'RIA Novosti', 'Sputnik', 'Anadolu', 'Anadolu Agency', 'Bloomberg',
  'UPI', 'PA', 'Press Association', 'PTI', 'IANS', 'ANI', 'KNA', 'Yonhap', 'Kyodo', 'AAP', 'CP',
  'The Canadian Press', 'Getty Images', 'Getty', 'Shutterstock', 'Alamy', 'NurPhoto', 'SIPA', 'Sipa',
  'Al Jazeera', 'BBC', 'CNN', 'NYtimes', 'NYTimes', 'New York Times', 'The New York Times', 'NYT',
  'The Washington Post', 'Washington Post', 'The Guardian', 'Guardian', 'WSJ', 'Wall Street Journal',
  'The Wall Street Journal', 'Financial Times', 'FT', 'DW', 'Deutsche Welle', 'KUNA', 'WAM', 'SPA', 'MENA',
  'IRNA', 'Tasnim', 'Fars', 'SANA', 'Agencies', 'agencies', 'Wires', 'wires', 'News agencies',
];

const agencyAlt = AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Whole-line chrome, in priority order. */
export const LINE_RULES: LineRule[] = [
  // Tickers: a label line, and lines of headlines joined by " // " (handled by TICKER_SEPARATOR too).
  { reason: 'ticker', pattern: /^(?:just in|breaking(?: news)?|latest(?: news)?|trending(?: now)?|live|top stories|news ticker|ticker|en direct|eilmeldung|última hora|ultima ora)\s*:?$/i },
  // Advertisements.
  { reason: 'ad', pattern: /^(?:advertisement|advertising|anzeige|publicité|publicidad|pubblicità|reklame|sponsored(?: content| by .{1,40})?|paid (?:content|post|partner content)|promoted(?: content)?|ad|ads|werbung|scroll to continue(?: with content)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|\(?ad\)?)$/i },
  // Labels that come before a caption ("Photo", then the caption line).
  { reason: 'credit', pattern: /^(?:photo|photos|image|images|foto|fotos|bild|picture|gallery|enlarge this image|view image|open gallery|\d+\s+(?:photos?|images?)|photograph|caption)\s*:?$/i, effect: 'next', nextReason: 'caption' },
  // Labels that come before the credit itself ("Credit", then "George Ourfalian/AFP").
  { reason: 'credit', pattern: /^(?:credit|credits|photo credit|image credit|photo by|image by|bildquelle|crédit photo|toggle caption|hide caption|show caption)\s*:?$/i, effect: 'next' },
  // Paywall prompts.
  { reason: 'paywall', pattern: /^(?:members only|subscribers only|premium|exclusive to subscribers|continue reading(?: the main story)?|subscribe to (?:continue|read)(?: reading)?.*|already a subscriber\??.*|sign in to (?:continue|read).*|this (?:article|content) is for (?:subscribers|members).*|to continue reading.*subscribe.*|you have \d+ free articles? (?:left|remaining).*|unlock (?:this|full) (?:article|story).*|plus|abo|nur für abonnenten)$/i },
  // Error-report prompts; the site's blurb follows.
  { reason: 'error-report', pattern: /^(?:notice an issue\??|found an error\??|spot(?:ted)? an error\??|report an? (?:error|typo|issue|correction)|submit a correction|suggest a correction|corrections?(?: policy)?|fehler gefunden\??|signaler une erreur)$/i, effect: 'next' },
  // Media widgets; a video title often follows.
  { reason: 'media', pattern: /^(?:watch(?: video| the video| now)?|play(?: video)?|listen(?: to (?:this|the) (?:article|story))?|audio|video(?: player)?|now playing|up next|replay|loaded|\d{1,2}:\d{2}|watch video \d{1,2}:\d{2}|video \d{1,2}:\d{2}|audio \d{1,2}:\d{2}|listen \d{1,2}:\d{2}|.{0,40}\b(?:watch|video|audio)\s+\d{1,2}:\d{2}(?::\d{2})?)$/i, effect: 'next' },
  // Inline teaser labels that do not close the article.
  { reason: 'related', pattern: /^(?:read more|read also|also read|see also|related|more)\s*:?$/i },
  // Related-story headers that close the article.
  { reason: 'related', pattern: /^(?:what to read next|read next|more (?:from|on|about|in|stories|news|articles|headlines|to read|like this)\b.{0,40}|you (?:might|may) (?:also )?(?:like|be interested in|enjoy)|related(?: topics?| articles?| stories| posts?| news| content| coverage| reading| links| videos?)?|recommended(?: for you| stories| articles| reading)?|[\p{Lu}][\p{L}.]{0,15}(?: [\p{Lu}][\p{L}.]{0,15}){0,2} recommends|most (?:read|popular|viewed|shared)|popular (?:now|stories|posts)|trending (?:stories|now|articles)|top stories|don'?t miss|further reading|in other news|elsewhere on .{1,30}|audios and videos on the topic|more on (?:this|the) topic|keep reading|editors'? picks|latest (?:news|stories|articles|posts)|das könnte sie auch interessieren|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|te puede interesar|leggi anche|lees ook|previous (?:article|post|story)|next (?:article|post|story))\s*:?$/iu, effect: 'end' },
  // "Related Topics: RUSSIA"-style tag lines (not a close by themselves).
  { reason: 'related', pattern: /^(?:related topics?|topics?|tags?|filed under|categories|category|schlagworte|themen|mots-clés|etiquetas)\s*:\s*.{0,200}$/i },
  // Comments.
  { reason: 'comments', pattern: /^(?:comments?|\d+\s+comments?|comments? \(\d+\)|leave a (?:comment|reply)|post a comment|add a comment|join the (?:discussion|conversation)|show comments|view comments|kommentare|commentaires|comentarios|commenti|reacties|be the first to comment.*|comments are closed\.?|you must be logged in to post a comment\.?)$/i, effect: 'end' },
  // Share prompts.
  { reason: 'share', pattern: /^(?:share(?: this)?(?: article| story| post| page)?(?: on .{1,20})?|share via|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|copy link|link copied|save|bookmark|teilen|partager|compartir|condividi|share on (?:facebook|twitter|x|linkedin|whatsapp))\s*:?$/i },
  // Newsletter sign-ups.
  { reason: 'newsletter', pattern: /^(?:(?:sign up|subscribe)(?: (?:for|to) (?:our|the) .{0,40})?(?: newsletters?)?|newsletter|get (?:our|the) .{0,30}newsletter.*|enter your email(?: address)?|your email(?: address)?|email address|subscribe now|join our mailing list|by signing up, you agree.*)\s*[.:!]?$/i },
  // Navigation words (several languages), skip links, language pickers.
  { reason: 'nav', pattern: /^(?:\d+\.\s*)?(?:home|homepage|menu|main menu|search|suche|recherche|buscar|cerca|zoeken|skip to (?:main )?content|skip to navigation|skip navigation|jump to (?:main )?content|inhalt|navigation|weitere inhalte|metanavigation|startseite|accueil|inicio|sections|close|open|toggle navigation|log ?in|sign in|log out|register|my account|account|profile|choose from \d+ languages|languages?|sprache|langue|idioma|english|deutsch|français|español|italiano|العربية|back to top|top|next|previous|prev|more|less|all|go|ok|submit|cancel|\u00d7|x)\s*$/iu },
  // Footers.
  { reason: 'footer', pattern: /^(?:©|\(c\)|copyright\b|all rights reserved|privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions|cookie(?:s| policy| settings)|about us|contact(?: us)?|impressum|imprint|datenschutz|mentions légales|aviso legal|sitemap|advertise(?: with us)?|careers|accessibility)\b.{0,200}$/i },
  // Scraper and site-chrome date lines with nothing else on them: "Saturday / March 23.".
  { reason: 'scraper-date', pattern: /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*[/,|–—-]?\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\.?(?:,?\s*\d{4})?$/i },
];

/** `LINE_RULES` merged: whether any rule matches a line. */
export const LINE_RULES_ANY: RegExp[] = anyOf(LINE_RULES.map((r) => r.pattern));

/** A line of headlines joined by " // " (or "•", " | ") is a ticker when it has at least this many. */
export const TICKER_SEPARATOR = /\s(?:\/\/|•|·|\|)\s/g;

/**
 * Credit lines: who took the picture. Each row's `needs` lists strings one of which every line it
 * matches holds, lower-cased (the line is tested in lower case for them): most lines hold none, and
 * skip the patterns. Keep them in step when a pattern changes. "George Ourfalian/Agence France-Presse — Getty Images",
 * "Hassan Ammar/Associated Press", "REUTERS/Omar Sanadiki", "(Getty Images/AFP/N. Kolesnikova)",
 * "Photo: AP", "© Reuters".
 */
export const CREDIT_LINE: Array<{ pattern: RegExp; needs: string[] }> = [
  { pattern: /^\(?(?:photo|image|picture|foto|bild|credit|source|quelle|fuente)s?(?: credit)?\s*[:/]\s*.{1,80}\)?$/i, needs: [':', '/'] },
  { pattern: /^\(?(?:©|\(c\)|copyright)\s*.{1,80}\)?$/i, needs: ['©', '(c)', 'copyright'] },
  {
    pattern: new RegExp(`^\\(?[\\p{L}.'’ -]{0,60}/\\s*(?:${agencyAlt})(?:\\s*(?:/|—|–|-|via)\\s*[\\p{L}.'’ -]{1,60})*\\)?$`, 'u'),
    needs: ['/'],
  },
  { pattern: new RegExp(`^\\(?(?:${agencyAlt})(?:\\s*Photo)?\\s*/\\s*[\\p{L}.'’ /-]{1,60}\\)?$`, 'u'), needs: ['/'] },
  {
    pattern: new RegExp(`^\\(?[\\p{Lu}][\\p{L}.'’-]*(?: [\\p{Lu}][\\p{L}.'’-]*){0,3}\\s*(?:for|via)\\s+(?:${agencyAlt})\\)?$`, 'u'),
    needs: ['for', 'via'],
  },
  {
    pattern: /^\(?[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,4}\s*\/\s*[\p{Lu}][\p{L}.'’ -]{1,40}(?:\s*[—–-]\s*[\p{Lu}][\p{L}.'’ -]{1,40})?\)?$/u,
    needs: ['/'],
  },
];

/** A caption that ends with its credit: "… December 5, 2016. REUTERS/Omar Sanadiki", "… (Getty Images/AFP/N. K.)". */
export const CAPTION_WITH_CREDIT: RegExp[] = [
  new RegExp(`(?:^|[\\s.])(?:${agencyAlt})(?:\\s*Photo)?\\s*/\\s*[\\p{L}.'’ -]{1,50}$`, 'u'),
  new RegExp(`\\((?:[^()]*/)?\\s*(?:${agencyAlt})\\s*(?:/[^()]*)?\\)$`, 'u'),
  /\((?:photo|image|picture|foto|bild|credit)s?\s*:?[^()]{1,60}\)$/i,
  /\s(?:photo|image|picture|credit)s?\s*:\s*[\p{Lu}][^.]{1,60}$/iu,
];

/**
 * A caption that ends with a parenthesised credit naming any agency or photographer: "(AP Photo/Lise
 * Moor)", "(Getty Images/AFP/N. Kolesnikova)", an agency we have never heard of with a photographer
 * "(Harbour Press Agency/L. Moor)". Every part is capitalised, and one part is a person's name (a
 * space or an initial's full stop), so prose ending in "(EU/EEA)" or "(Democrats/Republicans)" is not
 * a caption.
 */
export const PAREN_CREDIT = /\(\s*[\p{Lu}][\p{L}.'’&-]*(?:\s+[\p{L}.'’&-]+){0,5}(?:\s*\/\s*[\p{Lu}][\p{L}.'’&-]*(?:\s+[\p{Lu}][\p{L}.'’&-]*){0,3}){1,3}\)$/u;
/** The person's-name part that `PAREN_CREDIT` needs: "L. Moor", "Lise Moor" after a slash. */
export const PAREN_CREDIT_NAME = /\/\s*[\p{Lu}][\p{L}'’-]*(?:\.\s*|\s+)[\p{Lu}][^()/]*\)$/u;

/**
 * Words that make a trailing "— <Name>" a photo credit rather than a byline or attribution: "— Lumen
 * Photo Agency", "— Jane Roe Photography", "— City Pictures".
 */
const CREDIT_NOUN = '(?:Photo|Photos|Photography|Photographer|Agency|Images|Pictures|Pics|Foto|Fotos|Fotografie|Bild|Bilder)';

/**
 * A caption whose credit is a trailing "— Lumen Photo Agency" (capitalised words holding a credit
 * noun), without sentence punctuation before the dash.
 */
export const TRAILING_CREDIT = new RegExp(
  `^(.*?[^\\s.!?"”’'])\\s+[—–]\\s*(?:[\\p{Lu}][\\p{L}.'’&-]*\\s+){0,4}${CREDIT_NOUN}(?:\\s+[\\p{Lu}][\\p{L}.'’&-]*){0,2}$`,
  'u',
);

/** A caption whose credit is a trailing "— Reuters" without sentence punctuation before the dash. */
export const TRAILING_AGENCY = new RegExp(`^(.*?[^\\s.!?"”’'])\\s+[—–]\\s*(?:${agencyAlt})$`, 'u');

/** A closing attribution fused onto the last paragraph: "… decimated.” — Al Jazeera". */
export const FUSED_ATTRIBUTION = new RegExp(`^(.*[.!?"”’'])\\s+([—–]\\s*(?:${agencyAlt}|[\\p{Lu}][\\p{L}]+(?: [\\p{Lu}][\\p{L}]+){0,3}))$`, 'u');

/**
 * Stand-alone attribution lines after a story: "NYtimes", "aw/mkg (dpa, Reuters, AFP)",
 * "— Reuters", "(Reuters)", "Source: AFP", "With agencies", "Compiled by …".
 */
export const ATTRIBUTION_LINE: RegExp[] = [
  new RegExp(`^[—–-]?\\s*\\(?(?:${agencyAlt})(?:\\s*(?:,|and|&|/)\\s*(?:${agencyAlt}))*\\)?\\.?$`, 'u'),
  new RegExp(`^[a-z]{1,4}(?:/[a-z]{1,4})+\\s*\\((?:${agencyAlt})(?:\\s*,\\s*(?:${agencyAlt}))*\\)$`, 'u'),
  /^[a-z]{1,4}(?:\/[a-z]{1,4})+\s*\([^()]{1,60}\)$/,
  new RegExp(`^(?:source|sources|quelle|fuente|with|additional reporting by|reporting by|compiled by|edited by|writing by)\\s*:?\\s*.{0,80}(?:${agencyAlt}).{0,40}$`, 'iu'),
  /^(?:with|from) (?:wire|news) (?:services|agencies)\.?$/i,
];

/** `ATTRIBUTION_LINE` merged (see `anyOf`). */
export const ATTRIBUTION_LINE_ANY: RegExp[] = anyOf(ATTRIBUTION_LINE);

/** Image file names saved as alt or title text: "06Syria facebookJumbo", "IMG_2041.jpg". */
export const IMAGE_FILE_NAME: RegExp[] = [
  /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i,
  /^\S*\d\S*[a-z][A-Z]\S*(?:\s+\S+)?$/,
  /^\S+\s+\S*(?:Jumbo|Master\d*|Large|Thumb|Thumbnail|Square|Wide|Vertical|Horizontal)\d*$/,
  /^(?:IMG|DSC|DSCN|PXL|image|photo)[_-]?\d+/i,
];

/** `CREDIT_LINE`, `IMAGE_FILE_NAME` and `CAPTION_WITH_CREDIT` merged (see `anyOf`). */
export const CREDIT_LINE_ANY: RegExp[] = anyOf(CREDIT_LINE.map((r) => r.pattern));
/** Every string some `CREDIT_LINE` row needs: a line (lower-cased) holding none is no credit line. */
export const CREDIT_LINE_NEEDS: string[] = [...new Set(CREDIT_LINE.flatMap((r) => r.needs))];
export const IMAGE_FILE_NAME_ANY: RegExp[] = anyOf(IMAGE_FILE_NAME);
export const CAPTION_WITH_CREDIT_ANY: RegExp[] = anyOf(CAPTION_WITH_CREDIT);

/**
 * Whether a line may match a row of `IMAGE_FILE_NAME`, from what its scan noted: every row needs an
 * ASCII digit, or a single run of white space (two tokens), or a file extension after a dot four or
 * five characters from the end. Most short lines have none and skip the patterns. Keep in step with
 * the table (the tests check it on every sample line).
 */
export function mayBeImageFileName(l: Pick<Line, 'text' | 'hasDigit' | 'spaceRuns'>): boolean {
  const t = l.text;
  return l.hasDigit || l.spaceRuns === 1 || t.charCodeAt(t.length - 4) === 46 || t.charCodeAt(t.length - 5) === 46;
}

/** The words a `CAPTION_WITH_CREDIT` row needs before a colon (lower case). */
const CAPTION_LABEL_WORDS = ['photo', 'image', 'picture', 'credit'];

/**
 * Whether a line may match a row of `CAPTION_WITH_CREDIT` or `PAREN_CREDIT`: each needs a slash, a
 * closing parenthesis at the end, or a colon after one of `CAPTION_LABEL_WORDS` (in any case).
 * `lowered` gives the line in lower case, asked only for lines with a colon. Keep in step with the
 * tables.
 */
export function mayBeCaptionWithCredit(l: Pick<Line, 'text' | 'hasSlash' | 'hasColon'>, lowered: () => string): boolean {
  if (l.hasSlash || l.text.charCodeAt(l.text.length - 1) === 41) return true;
  if (!l.hasColon) return false;
  const low = lowered();
  for (const w of CAPTION_LABEL_WORDS) if (low.includes(w)) return true;
  return false;
}

/** Three 7-bit characters: the key of a trigram in `containsAnyOf`. */
const TRIGRAM_MASK = (1 << 21) - 1;

/**
 * A test for whether a string holds any of `words` (ASCII, lower case, at least three characters
 * each), by one scan that looks a word up only where its first three characters stand: cheaper than
 * a regex alternation tried at every position, or one `includes` per word.
 */
export function containsAnyOf(words: string[]): (s: string) => boolean {
  const byTrigram = new Map<number, string[]>();
  const seen = new Uint8Array(1 << 21);
  for (const w of words) {
    if (w.length < 3 || !/^[\x20-\x7e]+$/.test(w) || w !== w.toLowerCase()) throw new Error(`containsAnyOf: ${w}`);
    const key = (w.charCodeAt(0) << 14) | (w.charCodeAt(1) << 7) | w.charCodeAt(2);
    seen[key] = 1;
    const list = byTrigram.get(key);
    if (list) list.push(w);
    else byTrigram.set(key, [w]);
  }
  return (s: string) => {
    // The trigram rolls along the string, one character read per position; `run` counts the ASCII
    // characters ending here, since no word holds any other.
    let key = 0;
    let run = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        run = 0;
        continue;
      }
      key = ((key << 7) | c) & TRIGRAM_MASK;
      if (++run < 3 || seen[key] === 0) continue;
      for (const w of byTrigram.get(key)!) if (s.startsWith(w, i - 2)) return true;
    }
    return false;
  };
}

/** Footer blurbs that are prose (so look like body) but are site boilerplate. */
export const FOOTER_PROSE: { reason: RemovalReason; pattern: RegExp }[] = [
  { reason: 'error-report', pattern: /\b(?:identified an error|spot(?:ted)? an error|report an error|inaccuracy|inconsistency in this article|contact our editorial team|committed to promptly addressing|strives to deliver the most accurate)\b/i },
  { reason: 'footer', pattern: /\b(?:all rights reserved|may not be (?:published|reproduced|redistributed)|without (?:the )?(?:prior )?(?:written )?permission|this material may not be)\b/i },
  { reason: 'newsletter', pattern: /\b(?:sign up for (?:our|the) .{0,30}newsletter|delivered (?:straight )?to your inbox|subscribe to our newsletter)\b/i },
  { reason: 'paywall', pattern: /\b(?:you have reached your (?:free )?(?:article )?limit|subscribe (?:now )?for (?:unlimited|full) access)\b/i },
  { reason: 'comments', pattern: /^(?:your email address will not be published|required fields are marked|comments are moderated)\b/i },
];

/**
 * One scan that any footer blurb passes, before the patterns above say which kind it is. It runs on
 * the lower-cased line without the `i` flag: case-insensitive alternations are several times slower
 * in V8, and this scan runs on every prose line (the patterns above are all lower case).
 */
export const FOOTER_PROSE_ANY = new RegExp(FOOTER_PROSE.map((f) => `(?:${f.pattern.source})`).join('|'));

/**
 * Words one of which every `FOOTER_PROSE` row needs (a part of each alternative): a lower-cased line
 * holding none skips `FOOTER_PROSE_ANY`. Keep in step with the table.
 */
export const FOOTER_PROSE_NEEDS = containsAnyOf([
  'error', 'inaccuracy', 'inconsistency', 'editorial team', 'promptly', 'accurate', 'rights reserved', 'may not be',
  'permission', 'newsletter', 'inbox', 'limit', 'access', 'your email', 'required fields', 'comments are',
]);

/** A line that opens as a byline in one of the languages seen: "By Jane Roe", "Von Anna Berg", "Par …". */
export const BYLINE_START = /^(?:by|von|par|por|di|door)\s+\p{Lu}/iu;

/** Function words of the languages most often seen; their density tells prose from labels. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your not no has have had will would can could should may might said says ' +
    'who which what when where while after before about into over than then there also more most some any all one ' +
    'der die das und oder aber von zu im in am an auf mit für ist sind war waren ein eine einer nicht sich dem den des es er sie wir ' +
    'le la les et ou mais de du des un une est sont était dans sur pour par avec au aux ce cette qui que il elle ils ne pas ' +
    'el los las y o pero del un una es son fue en con por para al que se su sus lo como ' +
    'il lo gli e o ma di da un una è sono era nel con per che si non ' +
    'o os as e ou mas do da dos das um uma é são foi em no na com por para que se não ' +
    'de het een en of maar van te in op met voor is zijn was niet dat die'
  ).split(' '),
);

/**
 * Labels that open a date line: "Published April 7, 2025, 11:42 a.m.", "Updated: 4:18 PM CEST May 21,
 * 2025", "Veröffentlicht am 10.04.2025". A line holding only a label and a date is metadata.
 */
export const DATE_LABEL =
  /^(?:(?:last |first )?(?:updated|published|posted|modified|created)(?: on| at)?|date|dated|veröffentlicht(?: am)?|aktualisiert(?: am)?|stand|publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?|actualizado(?: el)?|pubblicato(?: il)?|aggiornato(?: il)?|gepubliceerd(?: op)?|bijgewerkt(?: op)?)\s*:?\s*/i;

/**
 * The words a date line may hold besides numbers: months and weekdays (full and short, several
 * languages), clock words and joiners ("at", "um", "de"). Time zones are any all-capital token.
 */
export const DATE_WORDS = new Set(
  (
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december ' +
    'mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday ' +
    'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ' +
    'am pm a.m. p.m. a.m p.m h uhr at on um à de del of the'
  ).split(' '),
);

/** Month names and short forms: a date line needs one of these or a numeric date. */
export const MONTH_WORDS = new Set(
  (
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december ' +
    'januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre'
  ).split(' '),
);
