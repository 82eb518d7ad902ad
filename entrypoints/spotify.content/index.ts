import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://artists.spotify.com/*'],
  main() {},
});
