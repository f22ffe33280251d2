/**
 * The quote records of the story brief. Zod schemas first (as in src/records), so a brief written to a
 * file or sent over HTTP is validated with the definition that documents it.
 */
import { z } from 'zod';

/** Who said a remark: a resolved entity, or a description the text gives instead of a name. */
export const QuoteSpeaker = z.object({
  name: z.string().nullable().describe('Display name of the resolved person or organisation, e.g. "Sergey V. Lavrov"'),
  key: z.string().nullable().describe('Entity key shared by spelling variants ("lavrov"); null when no name is known'),
  description: z
    .string()
    .nullable()
    .describe('How the text describes the speaker when it gives no name ("one opposition official, who declined to be identified"), or the role around a name'),
});
export type QuoteSpeaker = z.infer<typeof QuoteSpeaker>;

/** One direct quote in one article: a remark, possibly split around its attribution ("“A,” he said. “B.”"). */
export const RawQuote = z.object({
  articleId: z.string(),
  /** The verbatim quoted spans in reading order (outer quote marks and a trailing comma removed). */
  parts: z.array(z.string()).min(1).describe('Verbatim quoted spans, in order'),
  /** `parts` joined by QUOTE_PART_JOINER: one remark, read as a reader would. */
  text: z.string(),
  speaker: QuoteSpeaker,
  verb: z.string().nullable().describe('The speech verb as written, normalised to lower case: said, told, added, described … as, was quoted as saying'),
  context: z.string().describe('The sentence around the quote, long quoted spans shortened'),
  /** 0-based paragraph index of the first part. */
  paragraph: z.number().int().nonnegative(),
  /** Character offset of the first part inside its paragraph. */
  offset: z.number().int().nonnegative(),
});
export type RawQuote = z.infer<typeof RawQuote>;

/** One wording of a remark and the articles and independent sources that carry it. */
export const QuoteVariant = z.object({
  text: z.string(),
  parts: z.array(z.string()).min(1).describe('Verbatim spans of the first cited article; the other cited articles carry the same words up to case and punctuation'),
  articleIds: z.array(z.string()).min(1),
  sources: z.array(z.string()).min(1).describe('Independent source names; copies count once'),
});
export type QuoteVariant = z.infer<typeof QuoteVariant>;

/** One remark across a story, with every wording outlets gave it. */
export const Quote = z.object({
  speaker: QuoteSpeaker,
  verb: z.string().nullable(),
  variants: z.array(QuoteVariant).min(1).describe('Wordings, most independent sources first'),
  differences: z.array(z.string()).describe('Word-level differences between the first variant and each other one, e.g. "regarded as" vs "considered to be"'),
  context: z.string(),
});
export type Quote = z.infer<typeof Quote>;

/** Joins the parts of a remark split around its attribution, in `text`. */
export const QUOTE_PART_JOINER = ' … ';
