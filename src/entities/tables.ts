/**
 * Data tables for the entity layer. Everything the extractor "knows" about titles, credits, aliases and
 * name shapes lives here as data, so a new language or outlet is a row, not a branch in the code.
 * All entries are lower case and diacritic-free unless said otherwise (they are compared after `fold`).
 */

/** Honorifics that come before a name (with or without a trailing period). They mark a person. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  // English
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'reverend',
  'fr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'cmdr', 'maj', 'sgt', 'adm', 'brig', 'pres', 'hon',
  // German, French, Spanish, Italian, Portuguese, Dutch, Russian transliterated, Arabic
  'herr', 'frau', 'm', 'mme', 'mlle', 'monsieur', 'madame', 'senor', 'senora', 'sr', 'sra', 'srta', 'don', 'dona',
  'signor', 'signora', 'sig', 'dhr', 'mevr', 'gospodin', 'sheikh', 'shaikh', 'sayyid', 'hajj', 'haji',
]);

/**
 * Job titles and their modifiers that may precede a name inside a capitalised run
 * ("Russian Deputy Foreign Minister Sergei Ryabkov", "Secretary of State John Kerry", "Außenminister X").
 * Stripped from the front of a person's name; a stripped title is evidence that the rest is a person.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'deputy', 'foreign', 'secretary', 'state', 'general', 'chancellor',
  'king', 'queen', 'prince', 'princess', 'crown', 'emperor', 'pope', 'emir', 'sultan', 'ayatollah', 'grand',
  'mufti', 'imam', 'rabbi', 'bishop', 'archbishop', 'cardinal', 'father', 'sister', 'brother', 'judge', 'justice',
  'chief', 'senator', 'congressman', 'congresswoman', 'representative', 'governor', 'mayor', 'ambassador',
  'envoy', 'special', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'colonel', 'lieutenant',
  'major', 'captain', 'sergeant', 'admiral', 'marshal', 'field', 'director', 'chairman', 'chairwoman', 'chair',
  'ceo', 'cfo', 'coo', 'founder', 'executive', 'managing', 'interior', 'defence', 'defense', 'finance',
  'economy', 'trade', 'energy', 'health', 'home', 'affairs', 'attorney', 'solicitor', 'speaker', 'leader',
  'opposition', 'acting', 'former', 'late', 'undersecretary', 'under', 'assistant', 'coach', 'officer',
  'premier', 'senior', 'first', 'lady', 'secretary-general', 'director-general', 'high', 'commissioner',
  // German, French, Spanish, Italian, Portuguese, Dutch
  'prasident', 'prasidentin', 'kanzler', 'kanzlerin', 'bundeskanzler', 'bundeskanzlerin', 'minister',
  'ministerin', 'aussenminister', 'aussenministerin', 'burgermeister', 'burgermeisterin', 'staatssekretar',
  'president', 'presidente', 'presidenta', 'ministre', 'premier', 'ministro', 'ministra', 'primer', 'primera',
  'alcalde', 'alcaldesa', 'sindaco', 'portavoce', 'porte-parole', 'secretario', 'secretaria', 'canciller',
  'burgemeester', 'premier',
]);

/** Lower-case words right before a capitalised run that mark it as a person ("aid chief Stephen O'Brien"). */
export const PERSON_CUE_BEFORE: ReadonlySet<string> = new Set([
  'analyst', 'spokesperson', 'spokesman', 'spokeswoman', 'chief', 'envoy', 'official', 'activist', 'minister',
  'president', 'leader', 'commander', 'director', 'secretary', 'ambassador', 'correspondent', 'reporter',
  'journalist', 'editor', 'researcher', 'professor', 'lawyer', 'attorney', 'doctor', 'resident', 'witness',
  'member', 'head', 'chairman', 'ceo', 'founder', 'coach', 'player', 'actor', 'actress', 'singer', 'star',
  'rep', 'spokesperson', 'senator', 'governor', 'mayor', 'adviser', 'advisor', 'expert', 'economist',
  'colleague', 'manager', 'officer', 'mp', 'lawmaker', 'candidate', 'by',
]);

/** Verbs right after a multi-word run that make a person more likely than a place (used only as a tie-break). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'added', 'wrote', 'asked', 'explained', 'stated', 'argued', 'noted', 'insisted',
]);

/** Name particles that may appear in lower case inside a person's name ("Staffan de Mistura", "al-Assad"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter',
  'bin', 'ibn', 'bint', 'al', 'el', 'ul', 'abu',
]);

/** Hyphen-joined lower-case prefixes of Arabic names ("al-Assad", "el-Sisi"): part of the name, folded away in keys. */
export const ARTICLE_PREFIX_RE = /^(?:al|el|ad|ar|as|ash|at|az|an|ul|ibn|bin|abu|abd)[-‐‑]/i;

/** Connectors that may join two capitalised runs into one organisation or place ("Army of Islam"). */
export const JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'de', 'du', 'des', 'del', 'la', 'y', '&']);

/** Weekdays and months (English, German, French, Spanish, Italian): never an entity on their own. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'januar', 'februar', 'marz',
  'mai', 'juni', 'juli', 'oktober', 'dezember', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
  'dimanche', 'janvier', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
  'novembre', 'decembre', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'enero',
  'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre',
  'diciembre', 'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'gennaio', 'febbraio', 'aprile',
  'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'christmas', 'easter', 'ramadan',
]);

/**
 * Capitalised words and runs that are page furniture or generic, never an entity: photo and credit labels,
 * widget words, time words, and acronyms that are not organisations.
 */
export const STOP_ENTITIES: ReadonlySet<string> = new Set([
  'photo', 'photos', 'photograph', 'credit', 'credits', 'image', 'images', 'picture', 'video', 'watch', 'read',
  'share', 'advertisement', 'getty images', 'getty', 'file photo', 'file', 'caption', 'source', 'sources',
  'tv', 'am', 'pm', 'gmt', 'utc', 'est', 'edt', 'pst', 'cet', 'ok', 'ceo', 'cfo', 'faq', 'pdf', 'url', 'www',
  'god', 'today', 'yesterday', 'tomorrow', 'tonight', 'ad', 'bc', 'i', 'ii', 'iii', 'iv', 'x', 'no', 'yes',
  'state', 'government', 'president', 'minister', 'mr', 'mrs', 'ms', 'dr', 'foto', 'bild', 'quelle',
]);

/** Words that introduce a photo credit: the capitalised run right after them is a credit, not an entity. */
export const CREDIT_LEADS: ReadonlySet<string> = new Set([
  'photo', 'photos', 'photograph', 'photographs', 'credit', 'credits', 'image', 'images', 'picture', 'pictures',
  'foto', 'fotos', 'bild', 'quelle', 'copyright', 'courtesy', 'illustration',
]);

/** News agencies and picture agencies: organisations when they appear in prose, never people. */
export const AGENCIES: ReadonlySet<string> = new Set([
  'reuters', 'associated press', 'ap', 'afp', 'agence france-presse', 'agence france presse', 'getty images',
  'epa', 'xinhua', 'interfax', 'tass', 'ria novosti', 'dpa', 'anadolu', 'anadolu agency', 'bloomberg', 'efe',
  'ansa', 'kyodo', 'yonhap', 'sana', 'irna', 'upi', 'pa', 'press association', 'shutterstock', 'alamy',
]);

/** Lower-case words right after a run that make it an organisation ("Interfax news agency", "X rebel group"). */
export const ORG_CUE_AFTER: ReadonlySet<string> = new Set([
  'group', 'faction', 'militia', 'party', 'newspaper', 'agency', 'company', 'ministry', 'hospital', 'hotel',
  'organisation', 'organization', 'network', 'channel', 'television', 'daily', 'magazine', 'bank', 'firm',
  'movement', 'brigade', 'brigades', 'battalion', 'club', 'team', 'university', 'school', 'council',
  'committee', 'coalition', 'alliance', 'union', 'corporation', 'inc', 'ltd', 'broadcaster', 'website',
  'outlet', 'charity', 'airline', 'carrier', 'government', 'army', 'forces', 'monitor',
]);

/** Lower-case words right after a run that make it a place ("the al-Shaar neighbourhood"). */
export const PLACE_CUE_AFTER: ReadonlySet<string> = new Set([
  'neighbourhood', 'neighborhood', 'neighbourhoods', 'neighborhoods', 'district', 'province', 'city', 'village',
  'town', 'region', 'county', 'governorate', 'suburb', 'border', 'valley', 'river', 'airport', 'square',
]);

/** Lower-case prepositions before a single unknown run that make a place likely ("in Homs"). */
export const PLACE_CUE_BEFORE: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'around', 'inside']);

/** Head words that end an organisation's name (in addition to compromise's own orgWords). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'observatory', 'council', 'army', 'committee', 'agency', 'party', 'court', 'university', 'inc',
  'ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'corp', 'co', 'company', 'group', 'bank', 'association', 'union',
  'front', 'brigade', 'brigades', 'faction', 'movement', 'institute', 'foundation', 'commission', 'department',
  'office', 'network', 'news', 'times', 'post', 'journal', 'tribune', 'herald', 'telegraph', 'guardian',
  'parliament', 'assembly', 'senate', 'congress', 'cabinet', 'police', 'forces', 'navy', 'guard', 'guards',
  'service', 'services', 'organisation', 'organization', 'alliance', 'coalition', 'federation', 'board',
  'authority', 'administration', 'crescent', 'cross', 'helmets', 'defence', 'defense', 'agence', 'press',
  'television', 'radio', 'broadcasting', 'airlines', 'airways', 'church', 'club', 'fund', 'programme',
  'program', 'court', 'tribunal', 'bureau', 'school', 'college', 'academy', 'hospital', 'clinic', 'monitor',
  'watch', 'centre', 'center', 'initiative', 'project', 'institution', 'trust', 'society', 'league', 'brotherhood',
]);

/**
 * Words that open a place's name ("Mount Cook", "Mt Cook", "Port Elden", "Lake Velra", "Cape Town"):
 * without them such names read as "Firstname Surname" and were typed as people.
 */
export const PLACE_LEADS: ReadonlySet<string> = new Set(['mount', 'mt', 'port', 'lake', 'cape', 'fort', 'isle', 'gulf', 'bay', 'loch', 'glen']);

/** Head words that end a place's name (in addition to compromise's placeWords). */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'city', 'province', 'district', 'region', 'governorate', 'oblast', 'valley', 'river', 'sea', 'ocean', 'gulf',
  'strait', 'peninsula', 'island', 'islands', 'mountains', 'heights', 'desert', 'square', 'street', 'avenue',
  'road', 'bridge', 'airport', 'port', 'bay', 'coast', 'border', 'east', 'west', 'north', 'south', 'strip',
  'bank', 'plain', 'plains', 'county', 'state', 'territory', 'republic', 'kingdom', 'emirates', 'states',
]);

/** Modifiers ("British-based", "Russian-backed") that never belong to an organisation's name ("British-based Syrian Observatory"). */
export const BASED_SUFFIX_RE = /[-‐‑](?:based|backed|led|held|controlled|run|owned|allied|born|linked|funded|affiliated)$/i;

/**
 * Aliases for places and organisations: every spelling on the left folds to the key on the right.
 * "America" is deliberately absent: it names the continent(s) as often as the United States.
 */
export const ALIASES: ReadonlyArray<readonly [kind: 'place' | 'organization', key: string, spellings: readonly string[]]> = [
  ['place', 'united states', ['us', 'u.s', 'u.s.', 'usa', 'u.s.a', 'u.s.a.', 'united states of america', 'the united states', 'etats-unis', 'estados unidos', 'vereinigte staaten']],
  ['place', 'united kingdom', ['uk', 'u.k', 'u.k.', 'britain', 'great britain', 'the united kingdom', 'grossbritannien']],
  ['place', 'united arab emirates', ['uae', 'u.a.e', 'u.a.e.']],
  ['place', 'russia', ['russian federation']],
  ['place', 'syria', ['syrian arab republic']],
  ['place', 'south korea', ['republic of korea']],
  ['place', 'north korea', ['dprk', 'democratic people\'s republic of korea']],
  ['organization', 'united nations', ['un', 'u.n', 'u.n.', 'the united nations', 'onu', 'uno', 'vereinte nationen']],
  ['organization', 'european union', ['eu', 'e.u', 'e.u.', 'the european union']],
  ['organization', 'nato', ['north atlantic treaty organization', 'north atlantic treaty organisation', 'otan']],
  ['organization', 'international committee of the red cross', ['icrc']],
  ['organization', 'syrian observatory for human rights', ['sohr', 'syrian observatory']],
  ['organization', 'world health organization', ['who', 'world health organisation']],
  ['organization', 'international monetary fund', ['imf']],
  ['organization', 'european central bank', ['ecb']],
  ['organization', 'associated press', ['ap']],
  ['organization', 'agence france-presse', ['afp', 'agence france presse']],
];

/** Single words that name institutions and groups often written alone ("the Kremlin said"). */
export const KNOWN_ORGS: ReadonlySet<string> = new Set([
  'kremlin', 'pentagon', 'congress', 'parliament', 'senate', 'bundestag', 'duma', 'knesset', 'vatican',
  'hezbollah', 'hamas', 'taliban', 'isis', 'isil', 'daesh', 'interpol', 'europol', 'opec', 'unicef', 'unesco',
  'unhcr', 'fifa', 'uefa', 'google', 'facebook', 'twitter', 'microsoft', 'amazon', 'apple',
]);
