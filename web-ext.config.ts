import { defineWebExtConfig } from 'wxt';

// `npm run dev` does not start a browser itself: as root or without a display that crashes
// (read ECONNRESET). Load the dev build by hand; wxt.config.ts prints where it is.
export default defineWebExtConfig({ disabled: true });
