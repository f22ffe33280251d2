/**
 * Everything the text-level signals know about the news world, as data: wires and papers with their
 * aliases and domains, photo-credit shapes, footer phrasings that name the publishing site, byline
 * roles, and the language-code mapping. Code in this folder holds rules; names live here.
 */

import { wholeWordsAnyCase } from './letters.ts';

export type SourceKind = 'wire' | 'paper' | 'broadcaster' | 'site';

/** A newsroom that writes its own copy: a wire agency, a paper, a broadcaster or a web-native site. */
export interface SourceEntry {
  /** Canonical display name. */
  name: string;
  kind: SourceKind;
  /** Spellings pages use, matched case- and punctuation-insensitively ("NYtimes" = "NY Times"). */
  aliases: string[];
  /** Registrable domains; a page URL on one of these names the outlet. */
  domains: string[];
}

export const SOURCES: SourceEntry[] = [
  { name: 'Reuters', kind: 'wire', aliases: ['Reuters', 'Thomson Reuters', 'Reuters News'], domains: ['reuters.com'] },
  {
    name: 'Associated Press',
    kind: 'wire',
    aliases: ['AP', 'Associated Press', 'The Associated Press', 'AP News'],
    domains: ['apnews.com', 'ap.org'],
  },
  { name: 'AFP', kind: 'wire', aliases: ['AFP', 'Agence France-Presse', 'Agence France Presse'], domains: ['afp.com'] },
  { name: 'dpa', kind: 'wire', aliases: ['dpa', 'Deutsche Presse-Agentur', 'Deutsche Presse Agentur'], domains: ['dpa.com'] },
  { name: 'EFE', kind: 'wire', aliases: ['EFE', 'Agencia EFE'], domains: ['efe.com'] },
  { name: 'ANSA', kind: 'wire', aliases: ['ANSA'], domains: ['ansa.it'] },
  { name: 'PA Media', kind: 'wire', aliases: ['PA', 'PA Media', 'Press Association', 'PA Wire'], domains: [] },
  { name: 'UPI', kind: 'wire', aliases: ['UPI', 'United Press International'], domains: ['upi.com'] },
  { name: 'Xinhua', kind: 'wire', aliases: ['Xinhua', 'Xinhua News Agency'], domains: ['xinhuanet.com', 'news.cn'] },
  { name: 'Interfax', kind: 'wire', aliases: ['Interfax'], domains: ['interfax.ru', 'interfax.com'] },
  { name: 'TASS', kind: 'wire', aliases: ['TASS', 'ITAR-TASS'], domains: ['tass.com', 'tass.ru'] },
  { name: 'RIA Novosti', kind: 'wire', aliases: ['RIA Novosti', 'RIA'], domains: ['ria.ru'] },
  { name: 'Kyodo', kind: 'wire', aliases: ['Kyodo', 'Kyodo News'], domains: ['kyodonews.net'] },
  { name: 'Jiji Press', kind: 'wire', aliases: ['Jiji', 'Jiji Press'], domains: ['jiji.com'] },
  { name: 'Yonhap', kind: 'wire', aliases: ['Yonhap', 'Yonhap News Agency'], domains: ['yna.co.kr', 'en.yna.co.kr'] },
  { name: 'Anadolu Agency', kind: 'wire', aliases: ['Anadolu', 'Anadolu Agency'], domains: ['aa.com.tr'] },
  { name: 'Press Trust of India', kind: 'wire', aliases: ['PTI', 'Press Trust of India'], domains: ['ptinews.com'] },
  { name: 'IANS', kind: 'wire', aliases: ['IANS', 'Indo-Asian News Service'], domains: [] },
  { name: 'ANI', kind: 'wire', aliases: ['ANI', 'Asian News International'], domains: ['aninews.in'] },
  { name: 'Australian Associated Press', kind: 'wire', aliases: ['AAP', 'Australian Associated Press'], domains: ['aap.com.au'] },
  { name: 'The Canadian Press', kind: 'wire', aliases: ['CP', 'Canadian Press', 'The Canadian Press'], domains: ['thecanadianpress.com'] },
  { name: 'Bernama', kind: 'wire', aliases: ['Bernama'], domains: ['bernama.com'] },
  { name: 'Antara', kind: 'wire', aliases: ['Antara', 'ANTARA News'], domains: ['antaranews.com'] },
  { name: 'Sputnik', kind: 'wire', aliases: ['Sputnik'], domains: ['sputniknews.com'] },
  { name: 'SANA', kind: 'wire', aliases: ['SANA', 'Syrian Arab News Agency'], domains: ['sana.sy'] },
  { name: 'IRNA', kind: 'wire', aliases: ['IRNA', 'Islamic Republic News Agency'], domains: ['irna.ir'] },
  { name: 'KUNA', kind: 'wire', aliases: ['KUNA', 'Kuwait News Agency'], domains: ['kuna.net.kw'] },
  { name: 'WAM', kind: 'wire', aliases: ['WAM', 'Emirates News Agency'], domains: ['wam.ae'] },
  { name: 'Ukrinform', kind: 'wire', aliases: ['Ukrinform'], domains: ['ukrinform.net', 'ukrinform.ua'] },
  { name: 'Bloomberg', kind: 'wire', aliases: ['Bloomberg', 'Bloomberg News'], domains: ['bloomberg.com'] },
  {
    name: 'The New York Times',
    kind: 'paper',
    aliases: ['The New York Times', 'New York Times', 'NYTimes', 'NY Times', 'NYT', 'nytimes.com'],
    domains: ['nytimes.com'],
  },
  {
    name: 'The Washington Post',
    kind: 'paper',
    aliases: ['The Washington Post', 'Washington Post', 'WaPo', 'washingtonpost.com'],
    domains: ['washingtonpost.com'],
  },
  { name: 'The Wall Street Journal', kind: 'paper', aliases: ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'], domains: ['wsj.com'] },
  { name: 'Financial Times', kind: 'paper', aliases: ['Financial Times', 'The Financial Times', 'FT'], domains: ['ft.com'] },
  { name: 'The Guardian', kind: 'paper', aliases: ['The Guardian', 'Guardian', 'theguardian.com'], domains: ['theguardian.com'] },
  { name: 'The Independent', kind: 'paper', aliases: ['The Independent'], domains: ['independent.co.uk'] },
  { name: 'The Telegraph', kind: 'paper', aliases: ['The Telegraph', 'The Daily Telegraph'], domains: ['telegraph.co.uk'] },
  { name: 'Los Angeles Times', kind: 'paper', aliases: ['Los Angeles Times', 'LA Times'], domains: ['latimes.com'] },
  { name: 'USA Today', kind: 'paper', aliases: ['USA Today', 'USA TODAY'], domains: ['usatoday.com'] },
  { name: 'Le Monde', kind: 'paper', aliases: ['Le Monde'], domains: ['lemonde.fr'] },
  { name: 'Der Spiegel', kind: 'paper', aliases: ['Der Spiegel', 'Spiegel', 'Spiegel Online'], domains: ['spiegel.de'] },
  { name: 'Haaretz', kind: 'paper', aliases: ['Haaretz'], domains: ['haaretz.com'] },
  { name: 'The Times of Israel', kind: 'paper', aliases: ['The Times of Israel', 'Times of Israel'], domains: ['timesofisrael.com'] },
  { name: 'Arab News', kind: 'paper', aliases: ['Arab News'], domains: ['arabnews.com'] },
  { name: 'Al Jazeera', kind: 'broadcaster', aliases: ['Al Jazeera', 'Aljazeera', 'Al Jazeera English', 'Al-Jazeera'], domains: ['aljazeera.com', 'aljazeera.net'] },
  { name: 'DW', kind: 'broadcaster', aliases: ['DW', 'Deutsche Welle', 'DW News', 'DW.com'], domains: ['dw.com', 'dw.de'] },
  { name: 'BBC', kind: 'broadcaster', aliases: ['BBC', 'BBC News', 'British Broadcasting Corporation'], domains: ['bbc.co.uk', 'bbc.com'] },
  { name: 'CNN', kind: 'broadcaster', aliases: ['CNN'], domains: ['cnn.com'] },
  { name: 'NPR', kind: 'broadcaster', aliases: ['NPR', 'National Public Radio'], domains: ['npr.org'] },
  { name: 'Sky News', kind: 'broadcaster', aliases: ['Sky News'], domains: ['news.sky.com'] },
  { name: 'France 24', kind: 'broadcaster', aliases: ['France 24', 'France24'], domains: ['france24.com'] },
  { name: 'Euronews', kind: 'broadcaster', aliases: ['Euronews'], domains: ['euronews.com'] },
  { name: 'RFE/RL', kind: 'broadcaster', aliases: ['RFE/RL', 'Radio Free Europe/Radio Liberty', 'Radio Free Europe'], domains: ['rferl.org'] },
  { name: 'Voice of America', kind: 'broadcaster', aliases: ['VOA', 'Voice of America'], domains: ['voanews.com'] },
  { name: 'NHK', kind: 'broadcaster', aliases: ['NHK', 'NHK World'], domains: ['nhk.or.jp'] },
  { name: 'ABC News', kind: 'broadcaster', aliases: ['ABC News'], domains: ['abcnews.go.com', 'abc.net.au'] },
  { name: 'CBS News', kind: 'broadcaster', aliases: ['CBS News'], domains: ['cbsnews.com'] },
  { name: 'NBC News', kind: 'broadcaster', aliases: ['NBC News'], domains: ['nbcnews.com'] },
  { name: 'Fox News', kind: 'broadcaster', aliases: ['Fox News'], domains: ['foxnews.com'] },
  { name: 'RT', kind: 'broadcaster', aliases: ['RT', 'Russia Today'], domains: ['rt.com'] },
  { name: 'Politico', kind: 'site', aliases: ['Politico', 'POLITICO'], domains: ['politico.com', 'politico.eu'] },
  { name: 'Axios', kind: 'site', aliases: ['Axios'], domains: ['axios.com'] },
  { name: 'Middle East Eye', kind: 'site', aliases: ['Middle East Eye', 'MEE'], domains: ['middleeasteye.net'] },
];

/**
 * Photo and video credit shapes. A line (or caption) carrying one credits a picture, not the copy, so
 * a wire named in it is never the article's original source, and a date in it is only weak evidence.
 * `needs` is a character every match holds: lines without it skip the pattern (every line of a page
 * is tested, and most hold no slash).
 */
export const PHOTO_CREDIT_PATTERNS: Array<{ pattern: RegExp; needs?: string }> = [
  // "REUTERS/Omar Sanadiki", "AFP/Getty", "EPA-EFE/…": an upper-case agency, a slash, a person.
  { pattern: /\b\p{Lu}{2,}(?:[ -]\p{Lu}{2,})?\s?\/\s?\p{Lu}\p{Ll}/u, needs: '/' },
  // "Hassan Ammar/Associated Press", "George Ourfalian/Agence France-Presse — Getty Images".
  {
    pattern: /\p{L}[\p{L}.'’-]*\s?\/\s?(?:The )?(?:Associated Press|Agence France-Presse|Getty Images|AFP|Reuters|EPA|AP|Bloomberg|dpa|Xinhua|Anadolu|SOPA Images|NurPhoto)\b/u,
    needs: '/',
  },
  // "(Getty Images/AFP/N. Kolesnikova)", "(picture-alliance/dpa/…)".
  { pattern: /\((?:[^()]*\/)?\s*(?:Getty Images|Reuters|AFP|AP|EPA|picture[- ]alliance|dpa|imago|Shutterstock|Xinhua)[^()]*\/[^()]*\)/iu, needs: '/' },
  // "Photo: AFP", "Photograph: …", "Image credit: …", "Foto: …", "Credit: …".
  { pattern: /^(?:photo|photograph|image|picture|video|foto|bild|credit|photo credit|image credit)s?\s*(?:credit)?\s*[:©]/iu },
  // Agency and stock names as whole words in any case (built without the case-insensitive flag, for speed).
  { pattern: wholeWordsAnyCase(['Getty Images', 'Shutterstock', 'AP Photo', 'EPA-EFE', 'picture-alliance', 'picture alliance', 'imago images', 'Alamy', 'iStock']) },
  { pattern: /©\s*(?:Reuters|AFP|AP|EPA|Getty|dpa)\b/iu, needs: '©' },
];

/**
 * Phrasings with which a site names itself in its own footer or boilerplate. `name` captures the
 * outlet; legal suffixes are trimmed afterwards.
 */
const SITE_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}\p{N}&'’-]*(?:\.(?:com|net|org|co\.uk|de|fr|in))?)`;
const SITE_NAME = String.raw`(?<name>(?:The\s+)?${SITE_WORD}(?:\s+(?:of\s+|the\s+|&\s+)?${SITE_WORD}){0,4})`;
export const OUTLET_FOOTER_PATTERNS: RegExp[] = [
  new RegExp(String.raw`^${SITE_NAME}\s+(?:strives|is committed|is dedicated|aims|endeavou?rs)\s+to\s+(?:deliver|provide|bring|offer|keep|inform|publish|report|present|ensure)\b`, 'u'),
  // "© 2024 The Daily Example.", "Copyright © 2020 - 2025 Example Inc.", "© Copyright Example Ltd".
  new RegExp(String.raw`^(?:Copyright\s*)?(?:©|\([cC]\))\s*(?:Copyright\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?${SITE_NAME}\s*(?:[.,|;·]|All rights|$)`, 'u'),
  // "Copyright 2024 The Daily Example": without the sign, the year is what makes it a copyright line.
  new RegExp(String.raw`^(?:Copyright|COPYRIGHT)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*${SITE_NAME}\s*(?:[.,|;·]|All rights|$)`, 'u'),
  // "© Example Kurier 2025": the sign first, the year after the name.
  new RegExp(String.raw`^(?:Copyright\s*)?(?:©|\([cC]\))\s*${SITE_NAME}\s*,?\s+\d{4}(?:\s*[-–]\s*\d{4})?\.?\s*(?:[.,|;·]|All rights|$)`, 'u'),
  // "The Daily Example © 2024", "Example Media Ltd © 2016. All rights reserved".
  new RegExp(String.raw`^${SITE_NAME}\s*(?:©|\([cC]\))\s*\d{4}(?:\s*[-–]\s*\d{4})?\.?\s*(?:All rights reserved|$)`, 'u'),
];
/**
 * Literal marks one of which every match of OUTLET_FOOTER_PATTERNS holds (the copyright sign or word,
 * or the verb of a mission statement): a line with none is not a footer naming its site, and skipping
 * it spares the patterns on every other line of the page. Keep in step with the patterns above.
 */
export const OUTLET_FOOTER_MARKS: string[] = ['©', '(c)', '(C)', 'Copyright', 'COPYRIGHT', 'strives', 'committed', 'dedicated', 'aims', 'endeavo'];


/**
 * The notice a wire attaches to its copy ("This material may not be published, broadcast, rewritten
 * or redistributed"): a copyright line carrying it credits the story, not the site that shows it.
 */
const WIRE_COPY_NOTICE_OPENING = 'may not be';
export const WIRE_COPY_NOTICE: RegExp = new RegExp(String.raw`\b${WIRE_COPY_NOTICE_OPENING} (?:published|reproduced|broadcast|rewritten|redistributed)\b`, 'iu');
/**
 * A test every WIRE_COPY_NOTICE match passes, several times cheaper than the case-insensitive
 * Unicode pattern (whose word boundaries cost most): its opening words with each letter in either
 * case, the only forms a case-insensitive match gives these letters.
 */
export const WIRE_COPY_NOTICE_OPENING_ANY_CASE: RegExp = new RegExp(
  [...WIRE_COPY_NOTICE_OPENING].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toUpperCase()}${ch.toLowerCase()}]`)).join(''),
);

/** Legal and generic tails removed from an outlet name read from a footer ("Example Media Ltd."). */
export const LEGAL_SUFFIXES: RegExp = /[\s,]+(?:Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|GmbH|plc|PLC|S\.A\.|AG|Co\.|Corp\.?|Corporation|Pty|Pte\.?|SpA|SPA|S\.p\.A\.|B\.V\.|N\.V\.)$/u;

/** Footer "names" that are not sites: copyright lines often carry these instead of a publisher. */
export const NOT_OUTLET_NAMES: Set<string> = new Set(
  ['all rights reserved', 'all', 'the', 'copyright', 'getty images', 'shutterstock', 'privacy policy', 'terms', 'contact us', 'us'].map((s) =>
    s.toLowerCase(),
  ),
);

/**
 * Words that make a capitalised name a newsroom rather than a person ("Meridian Press", "Lakeshore
 * Gazette", "Eastwind News"). A credit naming something outside `SOURCES` is believed only where the
 * page's shape is weak evidence (a dash after the last sentence, a bare last line) if the name holds
 * one of these; a wire dateline's parentheses are strong enough on their own. Compared lower-case,
 * whole words; German and Romance compounds are matched by `ORGANISATION_WORD_SUFFIXES`.
 */
export const ORGANISATION_WORDS: Set<string> = new Set(
  [
    'press', 'news', 'newswire', 'wire', 'agency', 'agencia', 'agence', 'agenzia', 'service', 'services', 'times', 'post',
    'herald', 'daily', 'weekly', 'journal', 'gazette', 'tribune', 'chronicle', 'courier', 'courant', 'observer',
    'express', 'mail', 'telegraph', 'telegram', 'standard', 'star', 'sun', 'mirror', 'examiner', 'inquirer',
    'enquirer', 'independent', 'guardian', 'globe', 'record', 'register', 'review', 'reporter', 'bulletin',
    'dispatch', 'sentinel', 'monitor', 'voice', 'echo', 'leader', 'ledger', 'beacon', 'lantern', 'clarion',
    'messenger', 'mercury', 'gazeta', 'zeitung', 'welle', 'nachrichten', 'rundschau', 'kurier', 'presse', 'nouvelles',
    'noticias', 'notizie', 'diario', 'periodico', 'quotidien', 'magazine', 'media', 'network', 'networks',
    'broadcasting', 'broadcaster', 'radio', 'television', 'tv', 'channel', 'online', 'digital', 'briefing', 'report',
    'international', 'associated', 'bureau', 'syndicate', 'newsroom', 'insider',
  ],
);

/** Endings of one-word newsroom names in compounding languages ("Alpenkurier", "Abendzeitung"). */
export const ORGANISATION_WORD_SUFFIXES: string[] = ['kurier', 'zeitung', 'presse', 'blatt', 'nachrichten', 'post', 'news', 'times'];

/**
 * Words that make a name a picture agency or a photo desk: a name holding one credits a photograph
 * ("— Lumen Photo Agency", "Example Images"), never the copy.
 */
export const PHOTO_AGENCY_WORDS: Set<string> = new Set(
  ['photo', 'photos', 'photograph', 'photographs', 'photography', 'photographer', 'pictures', 'picture', 'images', 'image', 'imaging', 'stock', 'foto', 'fotos', 'bild', 'bilder', 'pool', 'video', 'footage', 'illustration', 'graphic', 'graphics'],
);

/**
 * Words that make a capitalised line a prompt, a heading or a label rather than a newsroom's name
 * ("Follow Us On Social Media", "Media Contact", "Read More News"). Found on WCXB dev HTML bodies,
 * whose last lines are often such prompts in title case.
 */
export const NOT_ORGANISATION_WORDS: Set<string> = new Set(
  ['us', 'our', 'your', 'my', 'we', 'you', 'follow', 'share', 'read', 'more', 'contact', 'contacts', 'subscribe', 'sign', 'join', 'get', 'click', 'see', 'view', 'watch', 'about', 'all', 'latest', 'top', 'best', 'tips', 'how', 'what', 'why', 'guide', 'free', 'related', 'social', 'policy', 'terms', 'privacy', 'faq', 'help', 'home', 'login', 'register', 'newsletter', 'tags', 'topics', 'categories'],
);

/** Lower-case joining words allowed inside an organisation's name ("Voice of the People", "Crumb and Kettle"). */
export const NAME_JOINERS: Set<string> = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'el', 'del', 'der', 'die', 'das', 'al', 'y', 'e', 'i', 'und', 'et', 'on']);

/** Labels that introduce an explicit source credit line ("Source: AFP", "Quelle: dpa"). */
export const SOURCE_LABELS: string[] = ['Source', 'Sources', 'Quelle', 'Quellen', 'Fuente', 'Fonte', 'Source(s)', 'Via', 'With', 'Agencies'];

/**
 * Labels on header date lines, by how strongly they mean "first published". `dates.ts` matches each in
 * any case, ending at a word boundary and after no letter: not after a word boundary, as scraped text
 * fuses a label onto the digits before it ("April 26, 2024Updated on:").
 */
export const DATE_LABEL_WEIGHTS: Array<{ labels: string[]; weight: number }> = [
  { labels: ['published', 'posted', 'first published', 'publication date', 'veröffentlicht', 'publié', 'publicado', 'pubblicato'], weight: 3 },
  { labels: ['updated', 'last updated', 'last update', 'modified', 'aktualisiert', 'mis à jour', 'actualizado', 'aggiornato'], weight: 1 },
];

/** Job titles after a name in "Jane Doe | Reporter" / "By Jane Doe, Staff Writer" header lines. */
export const BYLINE_ROLES: string[] = [
  'Reporter',
  'Senior Reporter',
  'Staff Reporter',
  'Correspondent',
  'Foreign Correspondent',
  'Staff Writer',
  'Senior Writer',
  'Senior Correspondent',
  'Chief Correspondent',
  'Special Correspondent',
  'Managing Editor',
  'Deputy Editor',
  'Editor-in-Chief',
  'Staff',
  'Freelance Writer',
  'Guest Author',
  'Guest Contributor',
  'Writer',
  'Contributor',
  'Contributing Writer',
  'Editor',
  'News Editor',
  'Senior Editor',
  'Columnist',
  'Journalist',
  'Author',
  'Analyst',
];

/**
 * Words that make a byline's "name" a group or a site account, not a person ("By Team Example",
 * "By Site Admin"). Seen on WCXB dev text dumps: "By Team <product>" taken as an author. "Example
 * Staff" and "<Product> Team" stay: the WCXB gold names such desks as authors.
 */
export const NOT_PERSON_WORDS: Set<string> = new Set(['admin', 'administrator', 'webmaster', 'editors', 'newsroom']);
/** First words that make a byline's "name" a group ("Team Example Data"). */
export const NOT_PERSON_FIRST_WORDS: Set<string> = new Set(['team', 'the']);

/** Words that introduce a byline, by language. */
export const BYLINE_PREFIXES: string[] = ['By', 'Written by', 'Words by', 'Reporting by', 'Von', 'Por', 'Par', 'Di', 'Door', 'Av'];

/** Lower-case name particles allowed inside a person's name ("Staffan de Mistura", "Ursula von der Leyen"). */
export const NAME_PARTICLES: Set<string> = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'ter', 'y']);

/** All-caps openings that are labels, not places, so never a dateline ("UPDATE —", "EXCLUSIVE:"). */
export const NOT_PLACE_OPENINGS: Set<string> = new Set([
  'UPDATE',
  'UPDATED',
  'BREAKING',
  'BREAKING NEWS',
  'EXCLUSIVE',
  'WATCH',
  'VIDEO',
  'PHOTOS',
  'LIVE',
  'ANALYSIS',
  'OPINION',
  'EDITORIAL',
  'COMMENT',
  'NOTE',
  "EDITOR'S NOTE",
  'EDITOR’S NOTE',
  'FILE',
  'CORRECTION',
  'FACT CHECK',
  'REVIEW',
  'ADVERTISEMENT',
  'SPONSORED',
  'READ MORE',
  'RELATED',
  'TLDR',
  'TL;DR',
  'PMCID',
  'PMID',
  'DOI',
  'FAQ',
  'BYLINE',
  'HOST',
  'TRANSCRIPT',
  'SUMMARY',
  'ABSTRACT',
  'WARNING',
  'DISCLAIMER',
  'DISCLOSURE',
  'IMPORTANT',
  'TIP',
  'PS',
  'NB',
]);

/**
 * CLD3 emits a few legacy or non-639-1 codes. Mapped to ISO 639-1 where one exists; null where the
 * language has no two-letter code (it is then reported as unknown rather than as a wrong code).
 */
export const CLD3_TO_ISO_639_1: Record<string, string | null> = {
  iw: 'he',
  in: 'id',
  ji: 'yi',
  jw: 'jv',
  fil: 'tl',
  ceb: null,
  haw: null,
  hmn: null,
  und: null,
};
