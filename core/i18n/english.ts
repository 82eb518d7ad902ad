/**
 * Messages in English for the command line and the public `message` fields of `compare --json`
 * and `eligibility --json` (docs/contracts.md): the same English catalog the extension shows,
 * with the CLI's own fixed number and date forms ("1,234", "91 %", "Thu 3 Apr"), so scripts
 * see the same text on every machine.
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { formatCount, formatDay, formatInstant, formatMonth, formatPercent } from '../compare/format';
import { fillTemplate, resolveKey, type Message, type MessageParam } from './message';

const catalog = en as Readonly<Record<string, { message: string }>>;
const has = (key: string) => Object.hasOwn(catalog, key);

/** One parameter as the English text shows it. */
export function englishParam(param: MessageParam): string {
  if (typeof param === 'number') return formatCount(param);
  if (typeof param === 'string') return param;
  if ('percent' in param) return formatPercent(param.percent);
  if ('day' in param) return formatDay(param.day);
  if ('date' in param) return param.date;
  if ('isoDay' in param) return `${formatDay(param.isoDay).slice(0, 3)} ${param.isoDay}`;
  if ('decimal' in param) return formatDecimal(param.decimal);
  if ('list' in param) return param.list.map(englishParam).join(', ');
  if ('month' in param) return formatMonth(param.month);
  if ('instant' in param) return formatInstant(param.instant);
  if ('values' in param) return param.values.map((value) => formatCount(value)).join(' → ');
  // Exact, unambiguous amounts for support teams and scripts: "4.12 EUR", "0.0031 EUR".
  if ('money' in param) return `${param.money.amount} ${param.money.currency}`;
  if ('rate' in param) return `${param.rate.value.toPrecision(2)} ${param.rate.currency}`;
  return englishMessage(param.text);
}

/** "12", "1.8", "0.3": whole numbers from 10 up. */
function formatDecimal(value: number): string {
  return value >= 10 ? formatCount(value) : (Math.round(value * 10) / 10).toString();
}

export function englishMessage(message: Message): string {
  const key = resolveKey(message.key, message.params, 'en', has);
  const template = catalog[key]?.message;
  if (template === undefined) throw new Error(`no English message "${message.key}" (public/_locales/en/messages.json)`);
  return fillTemplate(template, message.params, englishParam);
}

