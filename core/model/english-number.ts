/**
 * English number text ("12,345"), as `value.toLocaleString('en-US')` gives it, from one shared
 * formatter: toLocaleString builds a new formatter on every call, which a catalogue's
 * thousands of caveats pay for again and again.
 */
const EN_US = new Intl.NumberFormat('en-US');

export function englishNumber(value: number): string {
  return EN_US.format(value);
}
