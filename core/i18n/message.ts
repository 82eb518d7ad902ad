/**
 * Words as data (docs/i18n.md). The core never phrases a sentence for the screens: it returns a
 * message key and its parameters, and each side phrases them in its own language — the
 * extension from the browser's `_locales` catalog, the CLI in English from the same catalog.
 *
 * A parameter says what kind of value it is, so every language formats it its own way
 * ("1,234" / "1.234", "Thu 3 Apr" / "Do., 3. Apr.").
 */

/** One value inside a message. */
export type MessageParam =
  /** A count: formatted with the locale's thousands separators. */
  | number
  /** A name (a title, a dashboard's name): shown as it is. */
  | string
  /** A share, 0.91 → "91 %". */
  | { readonly percent: number }
  /** A UTC calendar day, "2025-04-03" → "Thu 3 Apr". */
  | { readonly day: string }
  /** A UTC calendar day with its year, for dates that may be far back: "2025-04-03" → "3 Apr 2025". */
  | { readonly date: string }
  /** A rate with at most one decimal: 1.8 → "1.8" / "1,8"; whole from 10 up. */
  | { readonly decimal: number }
  /** Several values, separated by commas. */
  | { readonly list: readonly MessageParam[] }
  /** A day for support teams, its ISO date with the weekday: "Thu 2025-04-03". */
  | { readonly isoDay: string }
  /** A calendar month, "2025-04" → "April 2025". */
  | { readonly month: string }
  /** An ISO instant, shown with its UTC time. */
  | { readonly instant: string }
  /** Counts in the order they were read: "127 → 131". */
  | { readonly values: readonly number[] }
  /** An amount of money exactly as a report states it ("4.12", ISO 4217 currency): "€4.12", "4,12 €". */
  | { readonly money: { readonly amount: string; readonly currency: string } }
  /** A rate per stream in a currency, two significant digits: "€0.0031". */
  | { readonly rate: { readonly value: number; readonly currency: string } }
  /** A whole message inside this one (its own key and parameters). */
  | { readonly text: Message };

export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
}

/** The plural categories a message family may have (Intl.PluralRules). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a message text uses, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/**
 * Fills `{name}` placeholders. A placeholder without a parameter stays visible as `{name}`:
 * a missing word must show up in review, not vanish from the sentence.
 */
export function fillTemplate(text: string, params: MessageParams | undefined, format: (param: MessageParam) => string): string {
  if (!params) return text;
  // An empty optional part ("{paired}" at the end) leaves no trailing space behind.
  return text
    .replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : format(value);
    })
    .trimEnd();
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The catalog key for a message: the key itself when the catalog has it, else the plural form
 * for `count` in `locale` (`key_one`, `key_few`, …), falling back to `key_other`.
 */
export function resolveKey(key: string, params: MessageParams | undefined, locale: string, has: (key: string) => boolean): string {
  if (has(key)) return key;
  const count = params?.count;
  if (typeof count === 'number') {
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const form = `${key}_${rules.select(count)}`;
    if (has(form)) return form;
  }
  return `${key}_other`;
}

/**
 * A text kept with data (a reading's reason, what a response yielded): a message the screens
 * phrase, or — in records written before messages existed — English words, shown as they are.
 * Only what reads stored records takes this type (core/model/reading.ts, the store, the
 * diagnostics); what readers produce now is a `Message`, so the compiler refuses new English.
 */
export type SavedText = string | Message;

/** `text` with every string in it at most `max` characters, so a record stays within its schema's bounds. */
export function clipSavedText(text: SavedText, max: number): SavedText {
  return typeof text === 'string' ? text.slice(0, max) : clipMessage(text, max);
}

/** A message with every string parameter in it at most `max` characters (what readers produce now: never words). */
export function clipMessage(text: Message, max: number): Message {
  return text.params ? { key: text.key, params: clipParams(text.params, max) } : text;
}

function clipParams(params: MessageParams, max: number): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, clipParam(value, max)]));
}

function clipParam(param: MessageParam, max: number): MessageParam {
  if (typeof param === 'string') return param.slice(0, max);
  if (typeof param === 'number') return param;
  if ('text' in param) return { text: clipMessage(param.text, max) };
  if ('list' in param) return { list: param.list.slice(0, 20).map((item) => clipParam(item, max)) };
  return param;
}
