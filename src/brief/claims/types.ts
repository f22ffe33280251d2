/** The records of the claims-and-numbers part of the story brief. */

import { z } from 'zod';

/** A figure as written, normalised: "more than 300" → { value: 300, qualifier: 'more-than' }. */
export const NumberMention = z.object({
  value: z.number().nullable().describe('The point value (a share as 0..1, a percent as 0..100), or null for a pure range'),
  low: z.number().nullable().describe('Lower bound when the text gives or implies one (ranges, vague amounts), else null'),
  high: z.number().nullable().describe('Upper bound, likewise'),
  qualifier: z.enum(['exact', 'more-than', 'less-than', 'about', 'at-least', 'up-to', 'several', 'range']),
  unit: z.enum(['count', 'percent', 'share', 'money', 'year', 'date', 'other']),
  raw: z.string().describe('The figure with its qualifier as written ("more than 300")'),
  sentence: z.string().describe('The sentence it was read from, verbatim'),
});
export type NumberMention = z.infer<typeof NumberMention>;

/** One figure an article states, with what it counts, where and as of when. */
export interface Claim {
  id: string;
  /** What is counted: "people killed", "rebel fighters", "share of city seized". */
  counts: string;
  /** Key terms: the event verb, the cause, the counted noun's modifiers ("killed", "rebel shelling"). */
  subject: string[];
  /** The nearest place the sentence names (display form), or null. */
  where: string | null;
  /**
   * As of when: YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a year; resolved from the sentence's
   * time reference (or, without one, its paragraph's) against the article date; the article date itself
   * when the text gives no time; null for an undated article without an absolute date.
   */
  when: string | null;
  value: NumberMention;
  articleId: string;
  /** The sentence, verbatim from the article. */
  evidence: string;
  /** Start of a cumulative period ("since mid-November" → 2016-11-15), or null for a point figure. */
  since: string | null;
  /** Matching key of the counted thing: singular head noun, canonical verb, unit ("people|killed|count"). */
  key: string;
  /** Normalised cause ("rebel shelling"), or null. */
  cause: string | null;
  /** Matching keys of every place the sentence names. */
  places: string[];
  /** Lower-case modifiers of the counted noun ("russian" in "Russian nurses"). */
  modifiers: string[];
  /** False for figures too generic to compare across articles ("some 300 people" with no verb). */
  alignable: boolean;
}

/** Comparable claims across sources and how they relate. */
export const ClaimGroup = z.object({
  label: z
    .enum(['agree', 'disagree', 'evolving', 'single'])
    .describe('agree = same value; disagree = same thing, same time, different values; evolving = the value changed between dates; single = one value only'),
  counts: z.string().describe('What is counted ("people killed")'),
  where: z.string().nullable(),
  values: z
    .array(
      z.object({
        value: NumberMention,
        when: z.string().nullable().describe('As of when (YYYY-MM-DD, YYYY-MM or YYYY)'),
        articleIds: z.array(z.string()).min(1),
        sources: z.array(z.string()).min(1).describe('Independent source names; copies count once'),
        evidence: z.array(z.string()).describe('The sentences stating it, verbatim'),
      }),
    )
    .min(1),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;
