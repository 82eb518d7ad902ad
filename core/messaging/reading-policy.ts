/**
 * Whether a reading may be stored, given who sent it and what the artist chose. A refused
 * reading is still recorded (with the reason) so the diagnostics page can say why nothing
 * was added.
 */
import type { Reading } from './reading';
import type { Sender } from './router';
import type { Settings } from '../settings';
import { siteLabel } from '../sites';

export function readingRefusal(reading: Pick<Reading, 'site'>, sender: Sender, settings: Settings): string | null {
  if (sender.kind !== 'content') return 'readings are accepted only from the dashboards’ pages';
  // A page can only vouch for what it shows: a reading claiming another site's data is forged
  // or confused, and would be filed under the wrong source.
  if (reading.site !== sender.site.id) return `the reading is for ${siteLabel(reading.site)} but came from a page on ${sender.site.label}`;
  if (sender.incognito && !settings.readInPrivateWindows) {
    return 'read in a private window: not stored (turn on “Read in private windows” in the settings to store these)';
  }
  return null;
}
