/**
 * The artist's language on every screen (docs/i18n.md): `t(key, params)` reads the browser's
 * `_locales` catalog (browser.i18n, so the browser's language picks it, English by default)
 * and formats numbers, shares and days with the same locale — never "1,234" inside a German
 * sentence. Shared by overlays, popup, history page and welcome page.
 */
import { browser } from 'wxt/browser';
import type { MessageKey, MessageParamsByKey } from '../core/i18n/keys';
import { fillTemplate, resolveKey, type Message, type MessageParam, type MessageParams, type SavedText } from '../core/i18n/message';
import { formatCount, formatDate, formatDay, formatDecimal, formatInstant, formatLongMonth, formatMoney, formatPercent, formatRate, formatWeekday } from './format';

/** The languages Crosscount speaks; anything else gets English (the manifest's default_locale). */
const LANGUAGES = ['en', 'de', 'fr', 'it', 'es'] as const;

type Catalog = Readonly<Record<string, { readonly message: string }>>;

/** A catalog text by key, '' when there is none (browser.i18n.getMessage's own contract). */
type Lookup = (key: string) => string;

let lookup: Lookup | null = null;
let locale: string | null = null;

/** The browser's language when Crosscount speaks it ("de-AT" stays "de-AT"), else "en". */
function supportedLocale(language: string | undefined): string {
  const tag = (language ?? '').replace(/_/g, '-');
  const base = tag.split('-')[0]!.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? tag : 'en';
}

/** The locale of the words on screen, for every number and date beside them. */
export function uiLocale(): string {
  return (locale ??= supportedLocale(browser.i18n.getUILanguage()));
}

/** Uses a catalog object instead of browser.i18n: unit tests and the Node-side demo. */
export function useCatalog(catalog: Catalog, catalogLocale: string, fallback?: Catalog): void {
  lookup = (key) => catalog[key]?.message ?? fallback?.[key]?.message ?? '';
  locale = catalogLocale;
}

function text(key: string): string {
  lookup ??= (name) => browser.i18n.getMessage(name as never) ?? '';
  return lookup(key);
}

function formatParam(param: MessageParam): string {
  const at = uiLocale();
  if (typeof param === 'number') return formatCount(param, at);
  if (typeof param === 'string') return param;
  if ('percent' in param) return formatPercent(param.percent, at);
  if ('day' in param) return formatDay(param.day, at);
  if ('date' in param) return formatDate(param.date, at);
  if ('isoDay' in param) return `${formatWeekday(param.isoDay, at)} ${param.isoDay}`;
  if ('decimal' in param) return formatDecimal(param.decimal, at);
  if ('list' in param) return param.list.map(formatParam).join(', ');
  if ('month' in param) return formatLongMonth(param.month, at);
  if ('instant' in param) return formatInstant(param.instant, at);
  if ('values' in param) return param.values.map((value) => formatCount(value, at)).join(' → ');
  if ('money' in param) return formatMoney(param.money, at);
  if ('rate' in param) return formatRate(param.rate.value, param.rate.currency, at);
  return formatMessage(param.text);
}

/** A message the core built (a reason, a caveat): its key and parameters, in the artist's language. */
export function formatMessage(message: Message): string {
  const key = resolveKey(message.key, message.params, uiLocale(), (name) => text(name) !== '');
  const template = text(key);
  // A key no catalog has is a bug the catalog test catches; show the key, not an empty line.
  return template === '' ? message.key : fillTemplate(template, message.params, formatParam);
}

/** A text kept with data: a message in the artist's language, or the English of an older record as it is. */
export function formatSavedText(text: SavedText): string {
  return typeof text === 'string' ? text : formatMessage(text);
}

type ParamArgs<K extends MessageKey> = MessageParamsByKey[K] extends undefined ? [] : [MessageParamsByKey[K]];

/** `t('popupSummary', { count: 3, earning: 1 })` → "3 recordings · 1 earning". */
export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return formatMessage({ key, params: params[0] as MessageParams | undefined });
}

/**
 * A message whose placeholders are elements (a bold dashboard name, a link): the text's parts
 * in order, with each placeholder replaced by its element. Text stays text.
 */
export function tParts<K extends MessageKey, T>(key: K, parts: Readonly<Record<keyof NonNullable<MessageParamsByKey[K]>, T>>): (string | T)[] {
  const template = text(resolveKey(key, undefined, uiLocale(), (name) => text(name) !== '')) || key;
  const out: (string | T)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
    const part = (parts as Record<string, T>)[match[1]!];
    if (part === undefined) continue;
    if (match.index > last) out.push(template.slice(last, match.index));
    out.push(part);
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** "Spotify for Artists or iMusician" in the artist's language. */
export function formatAlternatives(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(items);
}
