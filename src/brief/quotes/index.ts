/**
 * Quotes of the story brief: every direct quote of each article with its speaker, verb and context
 * (`extractQuotes`), then the same remark across outlets merged into one quote whose wordings are
 * variants with their articles, independent sources and word-level differences (`mergeQuotes`), and
 * a scorer against hand-made gold (`scoreQuotes`). Pure functions over Article records; no I/O.
 */
export { extractQuotes, findSpans, MIN_QUOTE_WORDS, MIN_UNATTRIBUTED_WORDS } from './extract.ts';
export { mergeQuotes, wordDifferences, SAME_SPEAKER_OVERLAP, UNKNOWN_SPEAKER_OVERLAP } from './merge.ts';
export { scoreQuotes, speakerMatches, GoldQuote, QuoteGold, type QuoteScore } from './score.ts';
export { QuoteSpeaker, RawQuote, QuoteVariant, Quote, QUOTE_PART_JOINER } from './types.ts';
