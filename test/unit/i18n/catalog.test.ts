/**
 * The five catalogs stay complete and consistent (docs/i18n.md): a key missing in any
 * language, a placeholder that differs from English, a plural form a language does not have,
 * or a stale core/i18n/keys.ts fails here, before an artist sees a hole in a sentence.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../core/i18n/message';
import { generateKeysSource, messageFamilies } from '../../../scripts/i18n/keys-source';
import { formatMessage, t } from '../../../components/i18n';
import { CATALOGS, speak, type Catalog } from './catalogs';

const ROOT = resolve(import.meta.dirname, '../../..');
const LANGUAGES = Object.keys(CATALOGS) as (keyof typeof CATALOGS)[];
const en = CATALOGS.en;

/** Placeholders of a message family, `count` aside (a plural form may spell "one" out). */
function familyPlaceholders(catalog: Catalog, base: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(catalog)) {
    if (key === base || (key.startsWith(`${base}_`) && messageFamilies(catalog).get(base)?.plural)) {
      forms.set(key, placeholdersOf(entry.message).filter((name) => name !== 'count'));
    }
  }
  return forms;
}

describe('the catalogs', () => {
  const families = messageFamilies(en);

  it('name their keys as browser.i18n accepts them', () => {
    for (const language of LANGUAGES) {
      for (const key of Object.keys(CATALOGS[language])) expect(key, `${language}: ${key}`).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    }
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English message and no other', (language) => {
    const catalog = CATALOGS[language];
    const theirs = messageFamilies(catalog);
    expect([...theirs.keys()].filter((key) => !families.has(key)), `${language}: keys English does not have`).toEqual([]);
    expect([...families.keys()].filter((key) => !theirs.has(key)), `${language}: keys missing`).toEqual([]);
    for (const [key, family] of families) expect(theirs.get(key)?.plural, `${language}: ${key} plural or not as in English`).toBe(family.plural);
  });

  it.each(LANGUAGES)('%s uses exactly the placeholders of the English message', (language) => {
    const catalog = CATALOGS[language];
    for (const key of families.keys()) {
      const expected = [...new Set([...familyPlaceholders(en, key).values()].flat())].sort();
      for (const [form, names] of familyPlaceholders(catalog, key)) expect(names, `${language}: ${form}`).toEqual(expected);
    }
  });

  it.each(LANGUAGES)('%s has the plural forms its grammar needs, and only those', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
    const catalog = CATALOGS[language];
    for (const [key, family] of families) {
      if (!family.plural) continue;
      expect(catalog[`${key}_other`], `${language}: ${key}_other`).toBeDefined();
      if (categories.includes('one')) expect(catalog[`${key}_one`], `${language}: ${key}_one`).toBeDefined();
      for (const form of Object.keys(catalog).filter((name) => name.startsWith(`${key}_`))) {
        expect(categories, `${language}: ${form} is not a plural form of ${language}`).toContain(form.slice(key.length + 1));
      }
    }
  });

  it.each(LANGUAGES)('%s has no empty message and no "$" (browser.i18n would read it as a placeholder)', (language) => {
    for (const [key, entry] of Object.entries(CATALOGS[language])) {
      expect(entry.message.trim(), `${language}: ${key}`).not.toBe('');
      expect(entry.message, `${language}: ${key}`).not.toContain('$');
    }
  });

  it.each(LANGUAGES)('%s fits the stores: name ≤ 45, description ≤ 132 characters', (language) => {
    expect([...CATALOGS[language].extName!.message].length).toBeLessThanOrEqual(45);
    expect([...CATALOGS[language].extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('tells translators what each English message is for', () => {
    for (const key of families.keys()) {
      const first = en[key] ?? en[`${key}_one`] ?? en[`${key}_other`];
      expect(first?.description, key).toBeTruthy();
    }
  });

  it('core/i18n/keys.ts is generated from the English catalog (run "npm run i18n")', () => {
    expect(readFileSync(resolve(ROOT, 'core/i18n/keys.ts'), 'utf8')).toBe(generateKeysSource(en));
  });

  it('every message is used somewhere (a dead string is a translation nobody reads)', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !path.endsWith(join('i18n', 'keys.ts'))) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['components', 'core', 'entrypoints', 'lib']) walk(resolve(ROOT, dir));
    sources.push(readFileSync(resolve(ROOT, 'wxt.config.ts'), 'utf8'));
    const all = sources.join('\n');
    const unused = [...families.keys()].filter((key) => !all.includes(`'${key}'`) && !all.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});

describe('t', () => {
  it.each(LANGUAGES)('fills every placeholder of every %s message', (language) => {
    speak(language);
    for (const [key, family] of messageFamilies(en)) {
      const names = new Set(family.texts.flatMap(placeholdersOf));
      const params = Object.fromEntries([...names].map((name) => [name, name === 'count' ? 2 : 'X']));
      if (family.plural) params.count = 2;
      expect(formatMessage({ key, params }), `${language}: ${key}`).not.toMatch(/\{[A-Za-z]/);
    }
  });

  it('formats numbers, shares and days in the sentence’s language', () => {
    speak('de', 'de-DE');
    expect(t('trailingOf', { streams: 1234, threshold: 1000 })).toBe('1.234 von 1.000 Streams in den letzten 12 Monaten');
    expect(t('projectionDays', { count: 1, day: { day: '2026-04-21' } })).toBe('bei diesem Tempo noch etwa 1 Tag (Di., 21. Apr.)');
    speak('fr', 'fr-FR');
    expect(t('popupSummary', { count: 1234, earning: 2 })).toBe('1\u202f234 enregistrements · 2 rémunéré(s)');
    speak('en', 'en-US');
    expect(t('popupSummary', { count: 1, earning: 1 })).toBe('1 recording · 1 earning');
  });

  it('picks the plural form by the language’s rules (French counts 0 as singular)', () => {
    speak('fr');
    expect(t('unexplainedDays', { count: 0 })).toBe('0 jour inexpliqué');
    speak('en');
    expect(t('unexplainedDays', { count: 0 })).toBe('0 unexplained days');
  });

  it('falls back to English for a key a language lacks, as the browser does', () => {
    speak('de');
    expect(t('untitled')).toBe('Ohne Titel');
  });
});
