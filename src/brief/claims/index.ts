/**
 * Claims and numbers, the figures part of the story brief: `extractClaims` reads every figure an
 * article states (casualties, counts, shares, money; years and dates serve as time references) with
 * what it counts, where, as of when and its verbatim evidence sentence; `alignClaims` lines up
 * comparable figures across independent sources and labels them agree / disagree / evolving / single;
 * `scoreClaims` measures disagreement recall and precision against hand-made gold. Pure: no I/O, no clock.
 */
export { ClaimGroup, NumberMention, type Claim } from './types.ts';
export { extractClaims } from './extract.ts';
export { alignClaims, compatible, sameValue, interval, ALIGN_WINDOW_DAYS, ABOUT_TOLERANCE } from './align.ts';
export { findNumbers, tokenize } from './numbers.ts';
export { timeRefs, type TimeRef } from './time.ts';
export { splitSentences } from './sentences.ts';
export { scoreClaims, type GoldClaimGroup, type ClaimScore } from './score.ts';
