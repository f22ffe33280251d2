/**
 * The dateline: the place that opens a news story's first paragraph ("BEIRUT, Lebanon —",
 * "BEIRUT/MOSCOW (Reuters) -", "WASHINGTON, March 3 (Xinhua) --", "NEW DELHI:"). Read only; the
 * paragraph itself is left as written.
 */
import { resolveCreditList } from './sources.ts';
import { NOT_PLACE_OPENINGS } from './tables.ts';

/** A place written in capitals: up to four words, slash-joined places allowed ("BEIRUT/MOSCOW"). */
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}.'’-]*`;
const CAPS_PLACE = String.raw`${CAPS_WORD}(?:\s+${CAPS_WORD}){0,3}(?:\s*\/\s*${CAPS_WORD}(?:\s+${CAPS_WORD}){0,3})*`;
/**
 * A region or country after the city, in ordinary case ("Lebanon", "Calif.") or as initials ("N.Y.");
 * a second all-capitals part ("JANE DOE, BYLINE:") is a transcript label, not a region.
 */
const REGION = String.raw`(?:\p{Lu}\p{Ll}[\p{L}.'’-]*|\p{Lu}\.(?:\p{Lu}\.)+)(?:\s+\p{Lu}\p{Ll}[\p{L}.'’-]*){0,2}`;
/** A mixed-case place ("Berlin", "Kuala Lumpur"), accepted only before a wire credit. */
const MIXED_PLACE = String.raw`\p{Lu}[\p{L}.'’-]+(?:[ /]\p{Lu}[\p{L}.'’-]+){0,3}`;
const MONTH_DAY = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?`;
const DASH = String.raw`(?:[—–]|--?)`;

const CAPS_DATELINE = new RegExp(
  String.raw`^(?<place>${CAPS_PLACE}(?:,\s*${REGION}){0,2}?)(?:,\s*${MONTH_DAY})?\s*(?:\((?<wire>[^()]{1,60})\))?\s*(?:${DASH}|:)\s`,
  'u',
);
const MIXED_DATELINE = new RegExp(
  String.raw`^(?<place>${MIXED_PLACE}(?:,\s*${REGION}){0,2}?)(?:,\s*${MONTH_DAY})?\s*\((?<wire>[^()]{1,60})\)\s*${DASH}\s`,
  'u',
);

const PLACE_LEAD = new RegExp(
  String.raw`^(?:${CAPS_PLACE}|${MIXED_PLACE})(?:,\s*${REGION}){0,2}(?:,\s*${MONTH_DAY})?$`,
  'u',
);

/**
 * True when the text before a wire credit is a dateline place ("RIVERTON, Valdoria",
 * "WASHINGTON, March 3", "Berlin") and not the start of a sentence. A label ("UPDATE") is not a place.
 */
export function isDatelinePlace(lead: string): boolean {
  const text = lead.trim().replace(/,$/u, '').trim();
  if (text === '' || !PLACE_LEAD.test(text)) return false;
  const head = text.split(/[,/]/u)[0]?.trim() ?? '';
  return !NOT_PLACE_OPENINGS.has(head.toUpperCase());
}

/**
 * The sources a dateline's parentheses name, or null: table names anywhere, other organisation names
 * only when they are not a part of the place itself ("RIVERTON (Valdoria) -").
 */
export function datelineWire(place: string, wire: string): string[] | null {
  const names = resolveCreditList(wire, 'dateline');
  if (!names) return null;
  const parts = new Set(place.split(/\s*[,/]\s*/u).map((p) => p.trim().toLowerCase()));
  return names.some((n) => parts.has(n.toLowerCase())) ? null : names;
}

/** Fewest letters in a place; shorter capitals ("US —", "UN:") are organisations, not datelines. */
const MIN_PLACE_LETTERS = 3;

/**
 * The dateline place at the start of a paragraph, or null.
 *
 * @example findDateline('BEIRUT, Lebanon — With the Syrian…') // 'BEIRUT, Lebanon'
 * @example findDateline('BEIRUT/MOSCOW (Reuters) - The Russian…') // 'BEIRUT/MOSCOW'
 */
export function findDateline(paragraph: string): string | null {
  const text = paragraph.trimStart();
  const caps = CAPS_DATELINE.exec(text);
  if (caps?.groups) {
    const place = (caps.groups['place'] ?? '').trim();
    const wire = caps.groups['wire'];
    const head = place.split(',')[0]?.trim() ?? '';
    const letters = head.replace(/[^\p{L}]/gu, '').length;
    const wireOk = wire === undefined || datelineWire(place, wire) !== null;
    if (wireOk && letters >= MIN_PLACE_LETTERS && !NOT_PLACE_OPENINGS.has(head.toUpperCase())) return place;
  }
  const mixed = MIXED_DATELINE.exec(text);
  if (mixed?.groups) {
    const place = (mixed.groups['place'] ?? '').trim();
    if (datelineWire(place, mixed.groups['wire'] ?? '') && !NOT_PLACE_OPENINGS.has((place.split(',')[0] ?? '').trim().toUpperCase())) return place;
  }
  return null;
}
