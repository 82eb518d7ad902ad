/**
 * The key vocabulary of the structural recogniser. iMusician's Trends responses are not
 * publicly documented (core/sources/imusician/README.md), so keys are matched after
 * normalising ("track_title", "trackTitle", "Track-Title" → "tracktitle") against short
 * lists of plausible spellings. Lists stay short on purpose: every extra spelling is one
 * more way for an unrelated structure to look like a daily series.
 */

/** Lower case, letters and digits only. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Keys a point's day can be under. */
export const DATE_KEYS: ReadonlySet<string> = new Set(['date', 'day', 'x', 'period', 'datetime', 'reportdate', 'reportingdate']);

/** Keys a point's count can be under. */
export const COUNT_KEYS: ReadonlySet<string> = new Set(['count', 'streams', 'streamcount', 'streamscount', 'value', 'y', 'quantity', 'total', 'plays']);

/** Keys naming the store of a series or a row. */
export const STORE_KEYS: ReadonlySet<string> = new Set(['store', 'shop', 'platform', 'dsp', 'service', 'storename', 'shopname', 'platformname', 'dspname']);

/** Keys whose value names a store only when the value is a store we know ("Spotify"). */
export const LABEL_KEYS: ReadonlySet<string> = new Set(['name', 'label']);

/** A key under which every child is one store's data: "stores", "byShop", "perPlatform" … */
export function isStoreContainerKey(key: string): boolean {
  return /store|shop|platform|dsp|service/.test(key);
}

export const ISRC_KEYS: ReadonlySet<string> = new Set(['isrc', 'trackisrc']);
/** Ids that can only be a track's. */
export const TRACK_ID_KEYS: ReadonlySet<string> = new Set(['trackid', 'songid', 'recordingid']);
export const RELEASE_ID_KEYS: ReadonlySet<string> = new Set(['releaseid', 'productid', 'albumid']);
/** Titles that can only be a track's. */
export const TRACK_TITLE_KEYS: ReadonlySet<string> = new Set(['tracktitle', 'trackname', 'songtitle', 'songname']);
/** Keys of a nested object that describes the track (`{track: {isrc, title}}`). */
export const TRACK_OBJECT_KEYS: ReadonlySet<string> = new Set(['track', 'song', 'recording']);
/** Keys of a nested object that describes the release (`{release: {id}}`). */
export const RELEASE_OBJECT_KEYS: ReadonlySet<string> = new Set(['release', 'product', 'album']);
/** Keys whose presence says the object is about a track (so a bare `id` is the track's). */
export const TRACKISH_KEYS: ReadonlySet<string> = new Set(['isrc', 'artist', 'artists', 'artistname', 'version', 'trackversion', 'releaseid', 'releasetitle']);

/** A key (or an ancestor key) that names tracks: `tracks: [{id, title, …}]`. */
export function isTrackContextKey(key: string): boolean {
  return /track|song|recording/.test(key);
}

/** Fields saying what a series measures (`{metric: "downloads", data: […]}`). */
export const METRIC_KEYS: ReadonlySet<string> = new Set(['metric', 'type', 'kind', 'measure', 'metrictype', 'unit']);

/**
 * Words that mark a series as something other than a daily stream count, or as a slice of
 * one (a country's share is not the track's total). Matched inside normalised keys and
 * metric values; such series are never stored.
 */
// Not "sale" (iMusician may well call streams "sales trends") nor "view" ("overview").
const NOT_STREAMS = /download|revenue|earning|royalt|income|payout|amount|money|price|currency|listener|follower|saves|countr|territor|region|market|gender|agegroup|agerange/;

/** The word that makes a key or metric value "not daily streams", or null. */
export function notStreamsWord(text: string): string | null {
  return NOT_STREAMS.exec(text.toLowerCase())?.[0] ?? null;
}

/** Row fields that make a list of rows something other than one series of stream counts. */
export const NOT_STREAM_ROW_KEYS: ReadonlySet<string> = new Set(['currency', 'amount', 'revenue', 'earnings', 'country', 'countrycode', 'territory', 'region', 'market', 'downloads']);
