/** The typed client for content scripts and extension pages (one place that names `browser`). */
import { browser } from 'wxt/browser';
import { createClient } from '../core/messaging/client';

export const send = createClient((message) => browser.runtime.sendMessage(message));
