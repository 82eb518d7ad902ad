/** iMusician as data (core/sources/site.ts; what is known of it: ./README.md). */
import type { SiteDescriptor } from '../site';
import { DEFAULT_SETTLE_DAYS } from '../../model/settle';
import { BUILT_IN_SOURCE_LABELS, IMUSICIAN_SOURCE } from '../../model/ids';

/** iMusician's app and its data calls share one host. */
export const IMUSICIAN_HOST = 'www.imusician.pro';

export const IMUSICIAN_SITE: SiteDescriptor<typeof IMUSICIAN_SOURCE> = {
  id: IMUSICIAN_SOURCE,
  label: BUILT_IN_SOURCE_LABELS[IMUSICIAN_SOURCE],
  side: 'distributor',
  matches: [`https://${IMUSICIAN_HOST}/*`],
  dataHosts: [IMUSICIAN_HOST],
  channel: 'crosscount:imusician:v1',
  settleDays: DEFAULT_SETTLE_DAYS,
  words: { openHint: 'overlayHintImusician' },
};
