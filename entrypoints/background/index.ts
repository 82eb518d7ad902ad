import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { routeMessage } from '../../core/messaging/router';
import { createTabLimiter } from '../../core/messaging/rate-limit';
import { openStore } from '../../core/store';
import { createHandlers, storeOpener } from './handlers';
import { dashboardScripts, syncDashboardScripts } from './dashboard-scripts';
import { classifyDashboardSender } from './senders';

export default defineBackground(() => {
  // One connection for the handlers and the added dashboards' scripts.
  const store = storeOpener(() => openStore());
  const taughtSites = () => store().then((opened) => opened.listTaughtSites());
  const scripts = dashboardScripts();
  const handlers = createHandlers(store, undefined, (fragment) => browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${fragment}` }), {
    precomputeOverview: true,
    // The history page's dashboards: their access as the browser grants it, their scripts after each change.
    dashboards: { granted: (origin) => browser.permissions.contains({ origins: [origin] }), sync: (opened) => syncDashboardScripts(opened), lastFailure: () => scripts.lastFailure() },
  });
  // Per tab, content scripts get TAB_MESSAGE_LIMIT (a restarted worker starts afresh: fine).
  const tabLimiter = createTabLimiter(() => Date.now());
  // Registered synchronously on every start: a stopped worker / suspended event page is woken
  // by the message itself, and a listener added later would miss it.
  browser.runtime.onMessage.addListener((message, sender) =>
    classifyDashboardSender(sender, browser.runtime.id, browser.runtime.getURL('/'), () => scripts.grantedTaughtSites(taughtSites)).then((classified) =>
      routeMessage(message, classified, handlers, { tabLimiter }),
    ),
  );
  // Access to an added dashboard given or taken back (the history page, the browser's own
  // settings): its scripts follow, and so does who may send from it.
  const resync = () => void scripts.sync(taughtSites).catch(() => undefined);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  // First run: the welcome page, in the artist's language (not after an update).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
  // Every start: registrations made before (persisted, or lost with a browser that keeps none) meet today's list and access.
  resync();
});
