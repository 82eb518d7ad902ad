/**
 * Whether a reading may be stored, given who sent it and what the artist chose. A refused
 * reading is still recorded (with the reason) so the diagnostics page can say why nothing
 * was added.
 */
import type { Reading } from './reading';
import type { Sender } from './router';
import type { Settings } from '../settings';
import { siteLabel } from '../sites';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

export function readingRefusal(reading: Pick<Reading, 'site'>, sender: Sender, settings: Settings): Message | null {
  if (sender.kind !== 'content') return message('refusedNotDashboard');
  // A page can only vouch for what it shows: a reading claiming another site's data is forged
  // or confused, and would be filed under the wrong source.
  if (reading.site !== sender.site.id) return message('refusedOtherSite', { claimed: siteLabel(reading.site), page: sender.site.label });
  if (sender.incognito && !settings.readInPrivateWindows) {
    // The setting is named by its own label's key, so the refusal and the settings page cannot drift apart.
    return message('refusedPrivateWindow', { setting: { text: message('settingsPrivate') } });
  }
  return null;
}
