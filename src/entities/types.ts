/** The entity records shared by clustering and briefs. */

export type EntityKind = 'person' | 'place' | 'organization';

/** One person, place or organisation as one article (or, after `mergeEntities`, many articles) names it. */
export interface Entity {
  kind: EntityKind;
  /** The best display form, e.g. "Sergei Lavrov". */
  name: string;
  /** Normalised matching key shared by spelling variants ("lavrov", "united states"). */
  key: string;
  /** How often the text mentions it, short forms ("Mr. Lavrov", "Lavrov") included. */
  mentions: number;
  /** Surface forms seen, titles and possessives removed, in order of first appearance. */
  variants: string[];
  /** Character offset of the first mention in `[title, ...paragraphs].join('\n\n')`. */
  firstOffset: number;
}

export interface EntityInput {
  title?: string | null;
  paragraphs: string[];
}
