/**
 * iMusician's built-in knowledge, as a recipe (data, never code; core/recipes/README.md
 * "Built-in recipes"). No response shape of iMusician's is public (./README.md), so what
 * Crosscount knows is: daily per-track series are recognised by structure in the responses
 * whose address says data (and never in anything about the login, the account or money), a
 * store filter in the address names an unlabelled series, and without one it is the total
 * across stores. The engine reads with it (`readWithRecipe`, core/recipes/read.ts); readings
 * record its id as their provenance.
 *
 * Imports nothing but types and the host: the main-world observer bundles it (./urls.ts).
 */
import type { StructureRecipe } from '../../recipes/types';
import { IMUSICIAN_HOST } from './site';

export const IMUSICIAN_RECIPE_ID = 'r-builtinimusician';

export const IMUSICIAN_RECIPE: StructureRecipe = {
  version: 1,
  locate: 'structure',
  id: IMUSICIAN_RECIPE_ID,
  name: 'iMusician',
  distributor: 'imusician',
  distributorLabel: 'iMusician',
  // The observer hands responses over on every page of the app; the trends page's address is not documented (./urls.ts imusicianPage).
  page: { host: IMUSICIAN_HOST, path: '/**' },
  response: {
    host: IMUSICIAN_HOST,
    // Path markers of the app's data calls.
    data: { whole: ['api', 'graphql', 'gql', 'stat', 'stats'], within: ['trend', 'analytic', 'statistic'] },
    // Never trend data, matched inside each segment ("user-profile", "payment-methods"); "me" whole.
    never: {
      whole: ['me', 'whoami', 'self'],
      within: [
        'auth', 'login', 'logout', 'signin', 'signup', 'sign-in', 'sign-up', 'register', 'session', 'token', 'oauth', 'password',
        'user', 'profile', 'account', 'payment', 'payout', 'billing', 'invoice', 'bank', 'iban', 'wallet', 'subscription', 'checkout',
        'cart', 'kyc', 'identity', 'contract', 'tax', 'address', 'contact', 'message', 'notification', 'settings', 'consent', 'cookie',
      ],
    },
    // Static files and beacons, even when their name says "analytics" (a tracker script).
    neverLast: {
      extensions: ['js', 'mjs', 'cjs', 'css', 'map', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'htm', 'html', 'txt', 'xml', 'pdf', 'zip', 'mp3', 'wav', 'mp4'],
      whole: ['collect', 'beacon', 'pixel', 'track-event', 'event', 'events'],
    },
    operationParams: ['operationName', 'operation', 'query'],
  },
  storeFilter: ['store', 'stores', 'shop', 'shops', 'dsp', 'dsps', 'platform', 'platforms', 'service', 'services'],
  unlabelledStore: 'all',
  cadence: 'daily',
  // The day this knowledge shipped as a recipe.
  confirmedAt: '2026-12-02T00:00:00.000Z',
  origin: 'built-in',
};
