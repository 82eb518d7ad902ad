import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { classifySender, routeMessage } from '../../core/messaging/router';
import { createTabLimiter } from '../../core/messaging/rate-limit';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  const handlers = createHandlers(undefined, undefined, (fragment) => browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${fragment}` }), {
    precomputeOverview: true,
  });
  // Per tab, content scripts get TAB_MESSAGE_LIMIT (a restarted worker starts afresh: fine).
  const tabLimiter = createTabLimiter(() => Date.now());
  // Registered synchronously on every start: a stopped worker / suspended event page is woken
  // by the message itself, and a listener added later would miss it.
  browser.runtime.onMessage.addListener((message, sender) =>
    routeMessage(message, classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')), handlers, { tabLimiter }),
  );
  // First run: the welcome page, in the artist's language (not after an update).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
});
