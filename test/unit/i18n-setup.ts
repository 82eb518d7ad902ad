/**
 * Unit tests read the English catalog directly: WXT's fake browser has no i18n. A test that
 * checks another language calls useCatalog itself (and restores English after it).
 */
import { beforeEach } from 'vitest';
import { useCatalog } from '../../components/i18n';
import en from '../../public/_locales/en/messages.json';

beforeEach(() => useCatalog(en, 'en'));
