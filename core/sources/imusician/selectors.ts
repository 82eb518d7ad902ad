/**
 * Every DOM selector the iMusician trends fallback uses, in one place. iMusician's trends
 * markup is not public: these follow plain HTML (tables, selects, data-* hooks) rather than
 * class names, and are proven only by the HYPOTHETICAL fixture page
 * test/fixtures/imusician/trends-table.html (see its README). Adjust here once a real page
 * sample ("Save a sample of this page") shows the real markup.
 */
export const IMUSICIAN_SELECTORS = {
  /** Any table; a table counts only when its header names a date and a count column. */
  table: 'table',
  /** Rows of a table (header rows included; the header is the first row with th cells). */
  row: 'tr',
  /** Cells of a row. */
  cell: 'th, td',
  /** A container that names its track: `<section data-isrc="CHXXX2400001">`. */
  trackContainer: '[data-isrc]',
  /** Where a page or container shows the track's title and ISRC ("Harbour Lights · ISRC CH-XXX-24-00001"). */
  trackHeading: 'h1, h2, h3, h4, caption, [data-track-title]',
  /** The store filter's chosen option (live page: :checked; a parsed page: [selected]). */
  storeFilterChecked: 'select[name*="store" i] option:checked, select[name*="shop" i] option:checked',
  storeFilterSelected: 'select[name*="store" i] option[selected], select[name*="shop" i] option[selected]',
} as const;
