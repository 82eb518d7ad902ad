/**
 * Who sent a message, with the dashboards the artist added: a content script on a built-in
 * dashboard is classified at once (core/messaging/router.ts); one on any other host counts
 * only while that host is an added dashboard whose access the browser grants (the same answer
 * that registers its scripts, ./dashboard-scripts.ts). Without access the scripts would not
 * run there, so such a message is forged or stale, and nobody we answer.
 */
import { classifySender, type Sender, type SenderInfo } from '../../core/messaging/router';
import type { TaughtSite } from '../../core/taught-sites';

export async function classifyDashboardSender(
  info: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
  grantedTaughtSites: () => Promise<readonly TaughtSite[]>,
): Promise<Sender | null> {
  const builtIn = classifySender(info, extensionId, extensionOrigin);
  // Only our own content scripts in a tab, over https, can be on an added dashboard.
  if (builtIn || info.id !== extensionId || !info.tab || !info.url?.startsWith('https://')) return builtIn;
  return classifySender(info, extensionId, extensionOrigin, await grantedTaughtSites());
}
