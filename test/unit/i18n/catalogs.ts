/** The five catalogs as the build ships them, and a way to render a test in one of them. */
import { useCatalog } from '../../../components/i18n';
import en from '../../../public/_locales/en/messages.json';
import de from '../../../public/_locales/de/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import it from '../../../public/_locales/it/messages.json';
import es from '../../../public/_locales/es/messages.json';

export type Catalog = Readonly<Record<string, { message: string; description?: string }>>;
export const CATALOGS: Readonly<Record<'en' | 'de' | 'fr' | 'it' | 'es', Catalog>> = { en, de, fr, it, es };

/** Speak `language` (as the browser would, English for keys it lacks) with `locale`'s numbers. */
export function speak(language: keyof typeof CATALOGS, locale: string = language): void {
  useCatalog(CATALOGS[language], locale, en);
}
