/**
 * Site knowledge for the metadata reader, as data: which meta keys carry which field, in order of
 * trust, and the patterns that mark noise (comments, related lists) and non-names in bylines.
 * Keys are the lower-cased `name`/`property`/`itemprop` of a <meta>.
 */

/** Meta keys that carry the publication date, most trusted first. */
export const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'article.published',
  'article_date_original',
  'cxenseparse:recs:publishtime',
  'date',
  'originalpublicationdate',
  'release_date',
  'og:pubdate',
  'bt:pubdate',
  'datecreated',
];

/** Meta keys for a modification date: a last resort, only when nothing says "published". */
export const MODIFIED_META_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod'];

/** Meta keys that carry the headline, most trusted first. */
export const TITLE_META_KEYS = ['og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'dcterms.title', 'headline', 'title'];

/** Meta keys that carry author names. */
export const AUTHOR_META_KEYS = ['author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl', 'twitter:data1'];

/** Meta keys naming the publishing site. */
export const OUTLET_META_KEYS = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'publisher', 'dc.publisher', 'dcterms.publisher', 'twitter:site'];

/** Meta keys naming a source the copy was taken from (wire, paper). */
export const SOURCE_META_KEYS = ['original-source', 'article:source', 'dc.source', 'dcterms.source', 'source', 'syndication-source'];

/** Meta keys declaring the language. */
export const LANGUAGE_META_KEYS = ['og:locale', 'content-language', 'language', 'dc.language', 'dcterms.language'];

/**
 * One class or id token of a block whose dates and names belong to something else: comments,
 * related or recommended articles, sidebars, footers. Matched per whole token with at most one
 * prefix word and one suffix word ("site-footer", "related-posts", "comments-area"), since sub-word
 * matching flagged whole pages (WordPress body classes, Elementor "widget" wrappers) on WCXB dev.
 */
export const NOISE_TOKEN_RE =
  /^([a-z0-9]+[-_])?(comments?|commentlist|disqus|replies|related|recommended|recommendations|more-stories|read-next|readnext|sidebar|footer|popular|trending|most-read|mostread|outbrain|taboola)([-_][a-z0-9]+)?$/;

/** A class/id token of the site's header, logo or brand block, whose h1 is the site's name. */
export const CHROME_TOKEN_RE = /^([a-z0-9]+[-_])?(logo|brand|branding|site-title|site-name|sitename|masthead|navbar|site-header|top-bar|topbar)([-_][a-z0-9]+)?$/;

/** Elements that wrap the whole page or article and are never noise, whatever their classes say. */
export const NEVER_NOISE_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Class/id words of a byline or author block. */
export const BYLINE_CONTAINER_RE =
  /(^|[\s_-])(byline|by-line|author|authors|author-name|authorname|article-author|post-author|entry-author|writer|contributor|posted-by|meta-author)([\s_-]|$)/;

/** Words that, alone, are no person's name: placeholders and CMS defaults. */
export const GENERIC_AUTHORS = new Set([
  'admin',
  'administrator',
  'staff',
  'editor',
  'editors',
  'editorial',
  'editorial team',
  'editorial staff',
  'web editor',
  'webmaster',
  'author',
  'guest',
  'guest author',
  'anonymous',
  'unknown',
  'user',
  'root',
  'team',
  'news desk',
  'newsdesk',
  'desk',
  'wordpress',
  'contributor',
  'null',
  'undefined',
  'updated',
  'published',
  'posted',
  'share',
  'follow',
  'home',
  'menu',
  'by',
]);

/**
 * Job titles and roles that follow a name in a byline ("Jane Doe, Staff Writer"): dropped with the
 * comma-separated segment that holds them.
 */
export const ROLE_WORDS_RE =
  /\b(staff|senior|chief|deputy|associate|contributing|managing|executive|special|political|foreign|business|sports|science|health|tech(nology)?|news|digital|freelance|guest|local)?\s*(writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|photographer|analyst|author|intern|anchor|critic|director|manager|founder|ceo|president|host|strategist|specialist|coordinator|expert|researcher|professor|consultant|officer|ceo|cto|cfo|vp)s?\b/i;

/** Post-nominal credentials kept with a name, since they are printed as part of it ("Jane Doe, MS, RD"). */
export const CREDENTIAL_RE = /^(ph\.?\s?d\.?|m\.?d\.?|m\.?s\.?|r\.?d\.?n?\.?|m\.?p\.?h\.?|m\.?b\.?a\.?|cpa|cfp®?|cfa|j\.?d\.?|rn|np|do|dds|lcsw|e-ryt\s*\d*|ryt\s*\d*|fand|ld|ldn|cscs|cpt|ma|ba|bsc|msc|mph|facs|faap|dvm|lmft|lpc|psyd|pharmd|aprn|fnp|jr\.?|sr\.?|ii|iii|iv)$/i;
