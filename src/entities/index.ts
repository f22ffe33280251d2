/**
 * Entity layer: the people, places and organisations an article names, with spelling variants and
 * short forms folded onto one key, for clustering (shared evidence between articles) and briefs.
 *
 * `extractEntities` is a pure function over an Article's title and paragraphs; `mergeEntities` joins the
 * per-article lists of a story; `entityKey` is the matching key both use.
 */
export type { Entity, EntityKind, EntityInput } from './types.ts';
export { extractEntities } from './extract.ts';
export { mergeEntities } from './merge.ts';
export { entityKey } from './fold.ts';
