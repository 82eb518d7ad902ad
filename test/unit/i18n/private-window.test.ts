/**
 * The private-window refusal names the setting that lifts it: by the setting's own catalog key
 * (core/messaging/reading-policy.ts), so the sentence and the settings page's label cannot drift.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../components/i18n';
import { readingRefusal } from '../../../core/messaging/reading-policy';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { CATALOGS, speak } from './catalogs';

describe('the private-window refusal', () => {
  it.each(Object.keys(CATALOGS) as Array<keyof typeof CATALOGS>)('%s: names the settings label word for word', (language) => {
    const refusal = readingRefusal({ site: 'spotify' }, { kind: 'content', site: { id: 'spotify', label: 'Spotify for Artists' }, incognito: true } as never, DEFAULT_SETTINGS);
    expect(refusal).toMatchObject({ key: 'refusedPrivateWindow' });
    speak(language);
    const label = CATALOGS[language].settingsPrivate!.message;
    expect(formatMessage(refusal!)).toContain(label);
    expect(formatMessage(refusal!)).not.toContain('{setting}');
  });
});
