/**
 * Hard-wrapped dumps. Text browsers and converters (lynx and w3m dumps, html-to-text's defaults) break
 * every paragraph into lines of at most a fixed width, so a paragraph reads as a run of
 * twelve-word lines, a caption and its paragraph run together, and a sentence is cut wherever the
 * column ends. A greedy wrapper breaks a line exactly when the next word does not fit: knowing the
 * width, that is testable line by line, which is what `wrapJoins` does.
 *
 * The width is found from the page: in a wrapped dump hardly a line of several words is longer than
 * it, and many long lines end within a few characters of it. An innerText dump has paragraphs of
 * hundreds of characters, whose lengths spread with no common ceiling.
 */

/** Widths wrappers use lie between these (html-to-text 80, lynx 72–79, w3m 80, `fmt` 75). */
const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 200;
/** Lines at least this long are the ones a wrap fills: shorter ones end a paragraph or are labels. */
const LONG_LINE_CHARS = 30;
/**
 * A line the wrapper broke is filled to within this many characters of the width: the gap is the
 * word carried to the next line, and words are rarely longer.
 */
const FILLED_SLACK = 25;
/**
 * A page is wrapped when its long lines pile up under a ceiling: at least MIN_CEILING_LINES of them,
 * and MIN_CEILING_SHARE of all, end within CEILING_CHARS of the width, and hardly any go past it. In
 * an unwrapped dump the longest lines are outliers, not a pile. On WCXB dev: 2 of the 793 innerText
 * dumps pass (an article the site itself broke into 78-column lines, and a list of teasers cut at
 * 74, which TRUNCATED keeps apart); of html-to-text's 80-column dumps of the same pages, 95%.
 */
const CEILING_CHARS = 8;
const MIN_CEILING_LINES = 8;
const MIN_CEILING_SHARE = 0.15;
/** A list item or quote opens its own line; a wrapped continuation never starts with a marker. */
const STARTS_BLOCK = /^\s*(?:[*•·▪◦+]\s|\d{1,3}[.)]\s|>)/;

/** A line with this many link targets (markup.ts removed them) is part of a menu, not wrapped prose. */
const MENU_LINKS = 2;
/** A teaser cut short ("…the biggest..."): a list of them fills lines to the width without being wrapped prose. */
const TRUNCATED = /(?:\.\.\.|…)\s*$/;

/** Length of a line without the white space at its end (what the wrapper measured). */
function measured(line: string): number {
  let n = line.length;
  while (n > 0 && (line.charCodeAt(n - 1) === 32 || line.charCodeAt(n - 1) === 9 || line.charCodeAt(n - 1) === 13)) n--;
  return n;
}

/** Whether a line holds two or more words (a single long token, a URL, can overflow any width). */
function severalWords(line: string): boolean {
  // A space with a non-space before and after it somewhere: no trimmed copy needed.
  const first = line.search(NON_SPACE);
  if (first < 0) return false;
  const space = line.indexOf(' ', first);
  return space > 0 && space < measured(line) - 1;
}
const NON_SPACE = /\S/;

/**
 * Long lines that may stand over the width (a table row, preformatted text, a line of words the
 * wrapper could not break): this share of them, at least one.
 */
const OVERFLOW_SHARE = 0.03;

/** The column a dump is hard-wrapped at, or null when it is not wrapped. */
export function wrapWidth(lines: readonly string[]): number | null {
  // Most dumps are not wrapped and hold paragraphs longer than any wrap: a count of those, on lengths
  // alone, settles it before any line is read word by word.
  let long = 0;
  let over = 0;
  for (const l of lines) {
    const n = l.length;
    if (n < LONG_LINE_CHARS) continue;
    long++;
    if (n > MAX_WRAP_WIDTH && measured(l) > MAX_WRAP_WIDTH && severalWords(l)) over++;
  }
  if (over > Math.max(1, Math.floor(OVERFLOW_SHARE * long))) return null;
  const lengths: number[] = [];
  for (const l of lines) {
    const n = measured(l);
    if (n >= LONG_LINE_CHARS && severalWords(l)) lengths.push(n);
  }
  if (lengths.length < MIN_CEILING_LINES) return null;
  lengths.sort((a, b) => b - a);
  const width = lengths[Math.max(1, Math.floor(OVERFLOW_SHARE * lengths.length))]!;
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return null;
  let ceiling = 0;
  for (const n of lengths) if (n <= width && n >= width - CEILING_CHARS) ceiling++;
  return ceiling >= MIN_CEILING_LINES && ceiling >= MIN_CEILING_SHARE * lengths.length ? width : null;
}

/** Length of a line's first word, leading white space skipped. */
function firstWordLength(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  let j = i;
  while (j < line.length && line.charCodeAt(j) !== 32 && line.charCodeAt(j) !== 9) j++;
  return j - i;
}

/**
 * For a hard-wrapped dump, which lines continue the line before them (1) rather than start a new one
 * (0); null for a dump that is not wrapped. Line i continues line i − 1 when both hold text, the
 * earlier one is filled near the width, and the first word of line i would not have fitted after it.
 * Read on the lines as the wrapper saw them, before any markup is removed; `linksPerLine` (from
 * `unmarkDump`) keeps lines of links apart.
 *
 * @example wrapJoins(dump.split('\n')) // Uint8Array [0, 1, 1, 0, …] or null
 */
export function wrapJoins(lines: readonly string[], linksPerLine: Uint16Array | null = null): Uint8Array | null {
  const width = wrapWidth(lines);
  if (width === null) return null;
  const joins = new Uint8Array(lines.length);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const prevLength = measured(prev);
    if (prevLength < width - FILLED_SLACK || line.trim() === '' || STARTS_BLOCK.test(line) || TRUNCATED.test(prev)) continue;
    // A run of links wrapped over lines is a menu: its lines stay apart, as innerText shows menu items.
    if (linksPerLine !== null && (linksPerLine[i - 1]! >= MENU_LINKS || linksPerLine[i]! >= MENU_LINKS)) continue;
    if (prevLength + 1 + firstWordLength(line) > width) joins[i] = 1;
  }
  return joins;
}
