/**
 * Byline cleaning: from whatever an author field or byline element says ("By Jane Doe and John Roe,
 * Staff Writer | Updated March 3, 2024") to the names alone ("Jane Doe, John Roe"). A value that is
 * not clearly a person's name (a URL, a handle, "admin", the site's own name) is refused: a missing
 * byline costs less than a wrong one.
 */
import { CREDENTIAL_RE, GENERIC_AUTHORS, ROLE_WORDS_RE } from './patterns.ts';

/** A person's name is at most this many words ("Maria del Carmen Ruiz de la Fuente" is 7). */
const MAX_NAME_WORDS = 7;
/** …and at most this many characters; longer strings are sentences or bios. */
const MAX_NAME_CHARS = 60;
/** Shorter than this is initials on an avatar ("NB"), not a byline. */
const MIN_NAME_CHARS = 3;
/** More names than this in one byline is a list of contributors or a tag cloud, not a byline. */
const MAX_NAMES = 6;

const LEAD_RE = /^(?:(?:written|posted|published|reported|words|story|text|compiled|produced)\s+)?by\s*[:\-–]?\s*|^(?:authors?|written by|posted by|byline|writer|reporter)\s*[:\-–]\s*/i;
/** Text after which a byline element stops naming people: dates, "Updated", separators, reading time. */
const TAIL_RE =
  /\s*(?:[|•·]|\b(?:reviewed|edited|fact[- ]?checked|medically reviewed|photos?)\s+by\b|\s[-–—]\s|\b(?:updated|published|posted|last updated|modified|on)\b\s*:?\s*(?=[A-Z0-9]|\w+ \d)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d+\s+min(?:ute)?s?\b|\bfollow\b|\bread more\b|\bview all\b).*$/i;
/** Seniority and status words that open a job description after a name. */
const SENIORITY_RE = /\s(?:Senior|Former|Chief|Head|Lead|Principal|Deputy|Associate|Contributing|Managing|Executive|Sr\.|Jr\. (?=[A-Z][a-z]+ (?:Writer|Editor|Reporter)))\b/;

/** Roles whose holder is not the writer: such a byline names someone else. */
const NOT_WRITER_RE = /^(?:reviewed|edited|fact[- ]?checked|medically reviewed|photos?|photograph(?:y|ed)|illustrat\w+|video|images?|source)\b/i;

/** A byline may name a team: "The Currency editors", "Everfit Team". */
const TEAM_WORD_RE = /^(team|editors|staff|desk|newsroom)$/i;

function isUrlOrHandle(s: string): boolean {
  return /^https?:|^www\.|\.(com|org|net|co|io)\b|^@|\/|@\w+\.\w+/.test(s.trim());
}

function titleCased(word: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(word) || /^(de|da|del|della|di|du|van|von|der|den|la|le|bin|al|el|y|e|ibn|ter|ten|dos|das)$/i.test(word);
}

/** One candidate name, trimmed of punctuation; null when it does not look like a person or team. */
function cleanName(raw: string, siteNames: string[]): string | null {
  const name = raw.replace(/^[\s,;:.\-–—'"“”]+|[\s,;:\-–—'"“”]+$/g, '').replace(/\s+/g, ' ');
  if (name.length < MIN_NAME_CHARS || name.length > MAX_NAME_CHARS || /\d/.test(name) || isUrlOrHandle(name)) return null;
  const lower = name.toLowerCase();
  if (GENERIC_AUTHORS.has(lower)) return null;
  if (siteNames.some((s) => s && lower === s.toLowerCase())) return null;
  const words = name.split(' ');
  if (words.length > MAX_NAME_WORDS) return null;
  if (!/\p{L}/u.test(name)) return null;
  // Names are capitalised in scripts that have case; lower-case words are a sentence fragment.
  if (/\p{Ll}/u.test(name) && !words.every((w, i) => titleCased(w) || /^[&.'’-]$/.test(w) || (i === words.length - 1 && i > 0 && TEAM_WORD_RE.test(w)))) return null;
  return name;
}

/**
 * Clean one raw byline into names joined by ", ", or null when no plausible name remains.
 * `siteNames` are the outlet's names: a byline equal to one of them is a placeholder, not a person.
 *
 * @example cleanByline('By Jane Doe and John Roe, Staff Writer', []) // 'Jane Doe, John Roe'
 */
export function cleanByline(raw: string, siteNames: string[] = []): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '' || NOT_WRITER_RE.test(s)) return null;
  // "Updated March 3 · Written by Jane Doe": the names start at the "by".
  const by = /\b(?:written|posted|words|story|reported)\s+by\b|(?:^|\s·\s)by\b/i.exec(s);
  if (by && by.index > 0) s = s.slice(by.index).replace(/^\s*·\s*/, '');
  for (let i = 0; i < 2; i++) s = s.replace(LEAD_RE, '');
  s = s.replace(TAIL_RE, '').trim();
  // The outlet's name after the writer's ("Jane Doe USA TODAY") is a credit line, not a second author.
  for (const site of siteNames) {
    if (site.length >= 3 && s.length > site.length && s.toLowerCase().endsWith(` ${site.toLowerCase()}`)) s = s.slice(0, -site.length).trim();
  }
  // A role or seniority word ends the names: "Liz Kenny Former McKinsey Consultant", "Jane Doe,
  // Senior Director, Content & Marketing" — what follows describes the job, not more people.
  const seniority = SENIORITY_RE.exec(s);
  if (seniority && seniority.index > 0) s = s.slice(0, seniority.index).trim();
  const commaSegments = s.split(/\s*[,;]\s*/);
  const roleAt = commaSegments.findIndex((seg, i) => i > 0 && ROLE_WORDS_RE.test(seg) && !CREDENTIAL_RE.test(seg));
  if (roleAt > 0) s = commaSegments.slice(0, roleAt).join(', ');
  if (s === '') return null;
  const parts = s.split(/\s*(?:,|;|\band\b|&|\+|\bund\b|\bet\b|\by\b)\s*/i).filter((p) => p !== '');
  const names: string[] = [];
  for (const part of parts) {
    if (CREDENTIAL_RE.test(part.replace(/\s+/g, ' ').replace(/[\s.]+$/, '').trim())) {
      if (names.length > 0) names[names.length - 1] += `, ${part.trim()}`;
      continue;
    }
    if (ROLE_WORDS_RE.test(part)) {
      // "Jane Doe Staff Writer" (no comma): keep what precedes the role if it is a name.
      const before = part.slice(0, part.search(ROLE_WORDS_RE)).trim();
      const n = before ? cleanName(before, siteNames) : null;
      if (n && n.split(' ').length >= 2) names.push(n);
      continue;
    }
    const n = cleanName(part, siteNames);
    if (n) names.push(n);
    else if (names.length === 0) return null; // the first part is no name: the whole is not a byline
  }
  if (names.length === 0 || names.length > MAX_NAMES) return null;
  return [...new Set(names)].join(', ');
}
