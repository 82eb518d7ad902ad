/**
 * Data responses are read in the background, not in the dashboard's content script: the
 * content script hands over what the page received (`cs:parseResponse`, with what it knows of
 * the visit so far) and gets back what the site's reader made of it and the address's path
 * template. The readers stay out of every dashboard's script (BENCHMARKS.md, "Content
 * scripts"); what they read and refuse is exactly as before.
 */
import type { Day } from '../model/day';
import { parseImusicianResponse } from './imusician/parse-response';
import { IMUSICIAN_RECIPE } from './imusician/recipe';
import { imusicianPathTemplate } from './imusician/urls';
import { parseSpotifyResponse } from './spotify/parse-response';
import { matchSpotifyDataUrl } from './spotify/routes';
import type { SpotifyParseResult } from './spotify/result';
import type { ImusicianParseResult } from './imusician/result';
import { safeUrl } from './shared/url';
import { IMUSICIAN_SOURCE, SPOTIFY_SOURCE } from '../model/ids';

export interface ResponseToParse {
  url: string;
  status: number;
  body: unknown;
  text: string | null;
  /** The visit so far (Spotify for Artists): the last finished day and the titles seen. */
  latestDate: Day | null;
  today: Day;
  titles: ReadonlyArray<readonly [string, string]>;
}

/**
 * A reader's result as it travels back: the context's titles as pairs (a Map does not cross),
 * and the built-in recipe that read it (its provenance, core/recipes/built-in.ts) when one did.
 */
export type ParsedResponse = {
  template: string;
  result: (Omit<SpotifyParseResult, 'context'> | Omit<ImusicianParseResult, 'context'>) & { context: { latestDate?: Day; titles?: Array<[string, string]> }; recipe?: { id: string; name: string } };
};

export function parseSiteResponse(site: string, input: ResponseToParse): ParsedResponse {
  const { url, status, body, text } = input;
  if (site === SPOTIFY_SOURCE) {
    const result = parseSpotifyResponse({ url, status, body, text }, { latestDate: input.latestDate, today: input.today, titles: new Map(input.titles) });
    const { latestDate, titles } = result.context;
    return {
      template: matchSpotifyDataUrl(url)?.template ?? '(a path the reader does not know)',
      result: { ...result, context: { ...(latestDate ? { latestDate } : {}), ...(titles && titles.size > 0 ? { titles: [...titles] } : {}) } },
    };
  }
  if (site === IMUSICIAN_SOURCE) {
    const parsed = safeUrl(url);
    const result = parseImusicianResponse({ url, status, body, text }, { today: input.today });
    // Read with iMusician's built-in recipe: its observations record it (not the trends table's, read in the page).
    const recipe = result.observations.length > 0 ? { recipe: { id: IMUSICIAN_RECIPE.id, name: IMUSICIAN_RECIPE.name } } : {};
    return { template: parsed ? imusicianPathTemplate(parsed) : '(not an address)', result: { ...result, context: {}, ...recipe } };
  }
  throw new Error(`no reader for the site "${site.slice(0, 40)}"`);
}
