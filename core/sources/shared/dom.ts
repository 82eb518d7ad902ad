/**
 * The little of the DOM the readers' fallbacks use, so they run on a live page, on happy-dom in
 * tests, or on anything with querySelectorAll.
 */
export interface DomElementLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<DomElementLike>;
  /** The element around it (a headline figure's label sits beside the figure, not in it). */
  readonly parentElement?: DomElementLike | null;
}

export interface DomRootLike {
  querySelectorAll(selector: string): ArrayLike<DomElementLike>;
}
