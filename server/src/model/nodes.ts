/** A span of the document, in offsets: what per-node facts (links, marked text) are made of. */
export interface Placed {
  readonly start: number;
  readonly end: number;
}
