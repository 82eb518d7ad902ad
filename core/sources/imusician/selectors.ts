/**
 * Every DOM selector the iMusician trends fallback uses, in one place. iMusician's trends
 * markup is not public: these follow plain HTML (tables, selects, data-* hooks) rather than
 * class names, and are proven only by the HYPOTHETICAL fixture page
 * test/fixtures/imusician/trends-table.html (see its README; `IMUSICIAN_SELECTOR_PROOFS`).
 * Adjust here once a real page sample ("Save a sample of this page") shows the real markup.
 */
import type { SelectorProof } from '../shared/proof';

export const IMUSICIAN_SELECTORS = {
  /** Any table; a table counts only when its header names a date and a count column. */
  table: 'table',
  /** Rows of a table (header rows included; the header is the first row with th cells). */
  row: 'tr',
  /** Cells of a row. */
  cell: 'th, td',
  /** Header cells: the first row holding one is the table's header. */
  headerCell: 'th',
  /** Footer rows (a "Total" line), never read as a day. */
  footerRow: 'tfoot tr',
  /** A container that names its track: `<section data-isrc="CHXXX2400001">`. */
  trackContainer: '[data-isrc]',
  /** Where a page or container shows the track's title and ISRC ("Harbour Lights · ISRC CH-XXX-24-00001"). */
  trackHeading: 'h1, h2, h3, h4, caption, [data-track-title]',
  /** The store filter's chosen option (live page: :checked; a parsed page: [selected]). */
  storeFilterChecked: 'select[name*="store" i] option:checked, select[name*="shop" i] option:checked',
  storeFilterSelected: 'select[name*="store" i] option[selected], select[name*="shop" i] option[selected]',
} as const;

const TRENDS_TABLE = 'imusician/trends-table.html';

export const IMUSICIAN_SELECTOR_PROOFS: Readonly<Record<keyof typeof IMUSICIAN_SELECTORS, SelectorProof>> = {
  table: { provenBy: [TRENDS_TABLE] },
  row: { provenBy: [TRENDS_TABLE] },
  cell: { provenBy: [TRENDS_TABLE] },
  headerCell: { provenBy: [TRENDS_TABLE] },
  footerRow: { provenBy: [TRENDS_TABLE] },
  trackContainer: { provenBy: [TRENDS_TABLE] },
  trackHeading: { provenBy: [TRENDS_TABLE] },
  // A parsed page has no live state: the parser takes the `selected` attribute for :checked.
  storeFilterChecked: { provenBy: [TRENDS_TABLE] },
  storeFilterSelected: { provenBy: [TRENDS_TABLE] },
};
