/**
 * Word tables of the timeline's time-expression grammar: English and German in one table each (the
 * two languages of our corpora; their words do not collide where they are read — a lead word is only
 * looked at right before a weekday, month or year). Keys are lower case, curly apostrophes folded.
 */
import { FUTURE_MARKERS, MONTHS as EN_MONTHS, WEEKDAYS as EN_WEEKDAYS } from '../claims/tables.ts';

/** Weekday number (0 = Sunday … 6 = Saturday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ...EN_WEEKDAYS,
  ['sonntag', 0], ['montag', 1], ['dienstag', 2], ['mittwoch', 3], ['donnerstag', 4], ['freitag', 5], ['samstag', 6], ['sonnabend', 6],
]);

/** Parts of a day written after a weekday ("Tuesday evening") or fused with it in German ("Mittwochabend"). */
export const DAY_PARTS: ReadonlySet<string> = new Set([
  'morning', 'afternoon', 'evening', 'night', 'lunchtime', 'midday', 'noon',
  'morgen', 'vormittag', 'mittag', 'nachmittag', 'abend', 'nacht', 'früh',
]);

/** Month number; "may" and abbreviations are only months when capitalised (checked by the grammar). */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...EN_MONTHS,
  ['januar', 1], ['jänner', 1], ['februar', 2], ['märz', 3], ['mai', 5], ['juni', 6], ['juli', 7], ['oktober', 10], ['dezember', 12],
]);

/** Days relative to the publication day. */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1],
  ['vorgestern', -2], ['gestern', -1], ['heute', 0], ['morgen', 1], ['übermorgen', 2],
]);

/**
 * "last week" (-1), "this week" (0), "next week" (1); the German forms decline. Not "past"/"previous":
 * "in the past year" is the last twelve months, "the previous week" is relative to another date.
 */
export const PERIOD_LEADS: ReadonlyMap<string, -1 | 0 | 1> = new Map([
  ['last', -1], ['this', 0], ['next', 1], ['coming', 1],
  ['letzte', -1], ['letzten', -1], ['vergangene', -1], ['vergangenen', -1], ['vorige', -1], ['vorigen', -1],
  ['diese', 0], ['dieser', 0], ['diesem', 0], ['diesen', 0], ['dieses', 0],
  ['nächste', 1], ['nächsten', 1], ['kommende', 1], ['kommenden', 1],
]);

export const PERIOD_UNITS: ReadonlyMap<string, 'week' | 'weekend' | 'month' | 'year'> = new Map([
  ['week', 'week'], ['weekend', 'weekend'], ['month', 'month'], ['year', 'year'],
  ['woche', 'week'], ['wochenende', 'weekend'], ['monat', 'month'], ['jahr', 'year'], ['jahres', 'year'],
]);

/** Units of "two years ago" / "vor zwei Jahren". */
export const AGO_UNITS: ReadonlyMap<string, 'day' | 'week' | 'month' | 'year'> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'], ['year', 'year'], ['years', 'year'],
  ['tag', 'day'], ['tagen', 'day'], ['woche', 'week'], ['wochen', 'week'], ['monat', 'month'], ['monaten', 'month'], ['jahr', 'year'], ['jahren', 'year'],
]);

/** Small counts written out in "two years ago". */
export const COUNT_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['einem', 1], ['einer', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10],
]);

/** "early/mid/late November", "Anfang/Mitte/Ende November": the day standing for the part of the month. */
export const MONTH_PARTS: ReadonlyMap<string, { part: 'early' | 'mid' | 'late'; day: number }> = new Map([
  ['early', { part: 'early', day: 1 }], ['mid', { part: 'mid', day: 15 }], ['late', { part: 'late', day: 25 }],
  ['anfang', { part: 'early', day: 1 }], ['mitte', { part: 'mid', day: 15 }], ['ende', { part: 'late', day: 25 }],
]);

/** Lead words that make the expression the start of a period running to the report ("since mid-November"). */
export const SINCE_LEADS: ReadonlySet<string> = new Set(['since', 'seit']);

/** Lead words that point forward whatever the verb ("until Wednesday evening", "bis Mittwochabend"). */
export const FORWARD_LEADS: ReadonlySet<string> = new Set(['next', 'coming', 'until', 'till', 'nächsten', 'kommenden', 'bis', 'ab']);
/** Lead words that point back whatever the verb. */
export const BACKWARD_LEADS: ReadonlySet<string> = new Set(['last', 'past', 'previous', 'since', 'letzten', 'vergangenen', 'vorigen', 'seit']);

/** Words that may open a year expression ("in 1986", "since 2012", "im Jahr 2023"). */
export const YEAR_LEADS: ReadonlySet<string> = new Set([
  'in', 'since', 'from', 'until', 'by', 'before', 'after', 'during', 'of', 'early', 'late', 'mid',
  'im', 'seit', 'bis', 'vor', 'nach', 'ab', 'jahr', 'anfang', 'mitte', 'ende',
]);
/** Articles before a year used as an adjective ("the 2014 exit", "a 2023 inspection", "der 1964 errichtete Damm"). */
export const YEAR_ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'einem']);

/**
 * Words that make the clause's time reference a day ahead of the report: the claims stage's future
 * markers, present-tense schedule verbs ("the strike ends at 4 a.m. Wednesday"), and German modal and
 * planning words.
 */
export const FUTURE_WORDS: ReadonlySet<string> = new Set([
  ...FUTURE_MARKERS,
  'ends', 'starts', 'opens', 'closes', 'resumes', 'expires', 'meets', 'visits', 'arrives', 'convenes', 'travels', 'votes', 'plan', 'plans',
  'intends', 'intend', 'hopes', 'aims', 'must', 'should', 'deadline',
  // bare present / infinitive schedule verbs: "talks resume on Tuesday", "agreed to meet on Friday"
  'begin', 'start', 'resume', 'meet', 'visit', 'arrive', 'vote', 'travel', 'convene', 'wird', 'werden', 'soll', 'sollen', 'wollen', 'erwartet', 'geplant', 'voraussichtlich',
]);

/** Past-tense words that settle a clause as past (besides "-ed" forms); the nearest marker before the expression wins. */
export const PAST_WORDS: ReadonlySet<string> = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', "didn't", 'has', 'have', 'been', 'met', 'held', 'came', 'went', 'began', 'saw', 'flew', 'gave', 'took', 'taken',
  'fell', 'rose', 'left', 'found', 'struck', 'broke', 'fought', 'won', 'lost', 'made', 'sent', 'led', 'hit', 'shot', 'ran', 'spoke', 'wrote',
  'brought', 'kept', 'put', 'set', 'began', 'seized', 'stood', 'built', 'paid', 'sought', 'heard', 'knew', 'thought', 'chose', 'drove', 'rode',
  'war', 'waren', 'hatte', 'hatten', 'sagte', 'teilte', 'wurde', 'wurden',
]);

/** Present-tense words: a same-day event "is" happening (tense 'present' rather than 'past'). */
export const PRESENT_WORDS: ReadonlySet<string> = new Set(['is', 'are', 'am', 'remains', 'remain', 'continues', 'continue', 'says', 'ist', 'sind', 'bleibt']);
