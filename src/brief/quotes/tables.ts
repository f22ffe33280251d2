/**
 * Data tables for quote attribution: speech verbs, pronouns, abbreviations that do not end a sentence,
 * and words that carry no meaning when two wordings of a remark are compared. A new language or house
 * style is a row here, not a branch in the code.
 */

/**
 * Speech-verb phrases, as regular-expression sources matched case-insensitively on word boundaries.
 * `display` is how the verb is reported; "described … as" keeps its object gap. Longer phrases first so
 * "was quoted as saying" wins over "saying". German rows cover the example corpus's German report.
 */
export const SPEECH_VERBS: ReadonlyArray<{ re: string; display: string; inverted?: boolean; participle?: boolean }> = [
  { re: '(?:was|were|is|are|has been|had been) quoted as saying', display: 'was quoted as saying' },
  { re: 'quoted as saying', display: 'was quoted as saying' },
  { re: 'according to', display: 'according to', inverted: true },
  { re: 'described [^.,;:“"„«]{1,60}? as', display: 'described … as' },
  { re: 'describes [^.,;:“"„«]{1,60}? as', display: 'described … as' },
  { re: 'called [^.,;:“"„«]{1,40}?', display: 'called' },
  { re: 'said in a statement', display: 'said' },
  { re: 'wrote on (?:twitter|x|facebook|telegram|instagram)', display: 'wrote' },
  { re: 'said', display: 'said' },
  { re: 'says', display: 'says' },
  { re: 'told', display: 'told' },
  { re: 'tells', display: 'told' },
  { re: 'added', display: 'added' },
  { re: 'adds', display: 'added' },
  { re: 'adding', display: 'added', participle: true },
  { re: 'saying', display: 'said', participle: true },
  { re: 'continued', display: 'continued' },
  { re: 'explained', display: 'explained' },
  { re: 'stated', display: 'stated' },
  { re: 'declared', display: 'declared' },
  { re: 'warned', display: 'warned' },
  { re: 'insisted', display: 'insisted' },
  { re: 'asked', display: 'asked' },
  { re: 'replied', display: 'replied' },
  { re: 'wrote', display: 'wrote' },
  { re: 'writes', display: 'wrote' },
  { re: 'noted', display: 'noted' },
  { re: 'argued', display: 'argued' },
  { re: 'claimed', display: 'claimed' },
  { re: 'urged', display: 'urged' },
  { re: 'acknowledged', display: 'acknowledged' },
  { re: 'conceded', display: 'conceded' },
  { re: 'recalled', display: 'recalled' },
  { re: 'announced', display: 'announced' },
  { re: 'tweeted', display: 'tweeted' },
  { re: 'posted', display: 'posted' },
  { re: 'commented', display: 'commented' },
  { re: 'remarked', display: 'remarked' },
  { re: 'vowed', display: 'vowed' },
  { re: 'promised', display: 'promised' },
  { re: 'stressed', display: 'stressed' },
  { re: 'emphasi[sz]ed', display: 'emphasised' },
  { re: 'cautioned', display: 'cautioned' },
  { re: 'admitted', display: 'admitted' },
  { re: 'responded', display: 'responded' },
  { re: 'countered', display: 'countered' },
  { re: 'complained', display: 'complained' },
  { re: 'suggested', display: 'suggested' },
  { re: 'predicted', display: 'predicted' },
  { re: 'boasted', display: 'boasted' },
  { re: 'pleaded', display: 'pleaded' },
  { re: 'shouted', display: 'shouted' },
  { re: 'joked', display: 'joked' },
  { re: 'confirmed', display: 'confirmed' },
  { re: 'testified', display: 'testified' },
  { re: 'wondered', display: 'wondered' },
  // Present tense and feature-writing verbs ("she shares", "he reveals", "she explains").
  { re: 'explains', display: 'explained' },
  { re: 'notes', display: 'noted' },
  { re: 'recalls', display: 'recalled' },
  { re: 'admits', display: 'admitted' },
  { re: 'argues', display: 'argued' },
  { re: 'warns', display: 'warned' },
  { re: 'insists', display: 'insisted' },
  { re: 'shares', display: 'shared' },
  { re: 'shared', display: 'shared' },
  { re: 'reveals', display: 'revealed' },
  { re: 'revealed', display: 'revealed' },
  { re: 'concluded', display: 'concluded' },
  { re: 'observed', display: 'observed' },
  { re: 'quipped', display: 'quipped' },
  { re: 'laughed', display: 'laughed' },
  { re: 'tweets', display: 'tweeted' },
  // German: "sagte Vell", "erklärte die Ministerin", "so Vell"
  { re: 'sagte', display: 'sagte' },
  { re: 'sagt', display: 'sagt' },
  { re: 'erklärte', display: 'erklärte' },
  { re: 'betonte', display: 'betonte' },
  { re: 'meinte', display: 'meinte' },
  { re: 'warnte', display: 'warnte' },
  { re: 'teilte [^.,;:“"„«]{1,40}? mit', display: 'teilte … mit' },
];

/** Third-person pronouns that stand for a person named earlier. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'er', 'sie']);

/** Words that begin a definite description pointing back to one introduced earlier ("the official"). */
export const DEFINITE: ReadonlySet<string> = new Set(['the', 'that', 'this', 'der', 'die', 'das']);

/**
 * Determiners that introduce a described speaker ("one opposition official", "a Syrian army officer"):
 * the antecedents a later "the official said" points back to.
 */
export const INDEFINITE_RE_SOURCE = '(?:one|an?|another|two|three|several|some|a\\s+senior|ein|eine|einer)';

/** Abbreviations whose period does not end a sentence (compared lower case, without the period). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sr', 'jr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr',
  'maj', 'adm', 'brig', 'prof', 'rev', 'hon', 'pres', 'no', 'nos', 'vs', 'etc', 'approx', 'dept', 'est',
  'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'mt', 'ft', 'fig', 'al', 'bzw', 'ca', 'dr', 'nr', 'z.b', 'u.a', 'vgl',
]);

/** Prepositions and conjunctions that make a name the object of a phrase, not the speaker ("between Kerry and Lavrov"). */
export const OBJECT_LEADS: ReadonlySet<string> = new Set([
  'of', 'for', 'to', 'with', 'between', 'and', 'by', 'from', 'about', 'on', 'at', 'in', 'against', 'meeting',
  'met', 'than', 'like', 'or', 'toward', 'towards', 'under', 'over', 'after', 'before',
]);

/** Clause openers that end a speaker phrase after an inverted verb ("said X, speaking from Turkey"). */
export const NP_STOPS_RE = /,\s*(?:speaking|adding|according|as|after|before|when|while|during|in\s+a|in\s+an|who\s+(?:added|said))\b|\s+(?:on|last|this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning)\b|[.;:!?]\s|[.;:!?]$/i;

/**
 * Function words ignored when two wordings of a remark are matched: what identifies a remark is its
 * content words ("armed groups refuse leave eastern Aleppo terrorists"), and stop words would make two
 * different remarks of one speaker look alike.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is',
  'are', 'was', 'were', 'be', 'been', 'being', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'i', 'you',
  'he', 'she', 'they', 'them', 'our', 'us', 'his', 'her', 'their', 'my', 'me', 'will', 'would', 'can', 'could',
  'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no', 'so', 'if', 'there', 'what', 'which', 'who', 'all',
  'any', 'such', 'than', 'then', 'also', 'just', 'very', 'into', 'about', 'up', 'out', 'more', 'most',
  'der', 'die', 'das', 'und', 'ist', 'wir', 'sind', 'in', 'ein', 'eine', 'nicht', 'es', 'zu', 'mit',
]);
