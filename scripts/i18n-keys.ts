/** `npm run i18n`: regenerates core/i18n/keys.ts after a string was added to the English catalog. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateKeysSource, type Catalog } from './i18n/keys-source';

const root = resolve(import.meta.dirname, '..');
const catalog = JSON.parse(readFileSync(resolve(root, 'public/_locales/en/messages.json'), 'utf8')) as Catalog;
writeFileSync(resolve(root, 'core/i18n/keys.ts'), generateKeysSource(catalog));
console.log(`i18n: ${Object.keys(catalog).length} English messages → core/i18n/keys.ts`);
