/**
 * Recipes: what Crosscount knows about one dashboard's data responses, as data (never code).
 * A recipe says where a daily (or weekly) per-track stream series sits in a response, where
 * its track identity and store sit, and which addresses it applies to. The artist confirms a
 * candidate once (the panel), the candidate becomes a recipe, and later visits read with it.
 * The built-in iMusician knowledge is a recipe too (`StructureRecipe`, core/recipes/built-in.ts),
 * read by the same engine entry point (`readWithRecipe`, core/recipes/read.ts).
 *
 * Everything here is pure: no browser globals, no storage. The extension keeps recipes and
 * provenance (lib/), the panel phrases candidates with `describeCandidate` (docs/i18n.md).
 */
import type { Day } from '../model/day';
import type { Message } from '../i18n/message';

/** The recipe file format and every recipe's shape version. A file of another version is refused. */
export const RECIPE_FORMAT = 'crosscount-recipes';
export const RECIPE_VERSION = 1;

export type Cadence = 'daily' | 'weekly';
export type RecipeOrigin = 'built-in' | 'taught' | 'imported';

/**
 * A path into a JSON body from some node: object keys (exact spelling), array indexes, or the
 * wildcard `'*'` (any key of an object, any item of a list). `["data","tracks","*","daily"]`.
 * Only `series` may hold wildcards; identity, store and point paths are exact.
 */
export type JsonPath = readonly (string | number)[];
export const WILDCARD = '*';

/**
 * A path relative to the series node: go `up` levels towards the root first (0 = the series
 * node itself, 1 = its parent …), then follow `path` down. `{up: 1, path: ["isrc"]}` is the ISRC
 * beside `daily` in `{isrc, title, daily: […]}`.
 */
export interface RelativePath {
  readonly up: number;
  readonly path: JsonPath;
}

/**
 * An address pattern: an https host (exact, lower case, no port) and a path pattern where `*`
 * matches any characters within one segment and `**` any number of whole segments
 * (`/api/v1/**` matches `/api/v1/stats/tracks/12`). The query string is never part of it.
 */
export interface AddressPattern {
  readonly host: string;
  readonly path: string;
}

export type HttpMethod = 'GET' | 'POST';

export interface ResponsePattern extends AddressPattern {
  readonly method: HttpMethod;
}

/** How a day is written in this response; a value in another form is "not a date". */
export type DayFormat =
  /** "2026-03-01", or that day at midnight with or without an offset ("2026-03-01T00:00:00+01:00"). */
  | 'iso'
  /** "01.03.2026" (day.month.year). */
  | 'dotted'
  /** Epoch milliseconds at midnight UTC. */
  | 'epoch-ms';

/** Where a point's day and count sit inside one point of the series. */
export type PointShape =
  /** `[{date: "2026-03-01", streams: 12}, …]`: day and value under exact paths in each row. */
  | { readonly kind: 'rows'; readonly day: JsonPath; readonly value: JsonPath }
  /** `[["2026-03-01", 12], …]` or `[[1772323200000, 12], …]`: indexes of the pair. */
  | { readonly kind: 'pairs'; readonly day: 0 | 1; readonly value: 0 | 1 }
  /** `{"2026-03-01": 12, …}`: each key a day, each value the count. */
  | { readonly kind: 'map' }
  /** `{labels: ["2026-03-01", …], data: [12, …]}`: days and values in two parallel lists. */
  | { readonly kind: 'parallel'; readonly days: RelativePath; readonly values: JsonPath };

/** The track identity of a series. At least an ISRC, or a track id with a title, or a release id with a title. */
export interface IdentityPaths {
  readonly isrc?: RelativePath;
  readonly title?: RelativePath;
  readonly trackId?: RelativePath;
  readonly releaseId?: RelativePath;
}

export type RecipeStore =
  /** The artist said which store this series counts (a store id: "spotify", "all" for every store). */
  | { readonly kind: 'fixed'; readonly store: string }
  /** The response names the store at this path (a display name: "Spotify", "Apple Music"). */
  | { readonly kind: 'path'; readonly at: RelativePath }
  /** The store is the key of an ancestor: `{stores: {Spotify: {daily: […]}}}` is `{kind: 'key', up: 1}`. */
  | { readonly kind: 'key'; readonly up: number };

/** One dashboard's knowledge of one response shape. Data only; `version` says its shape. */
export interface Recipe {
  readonly version: typeof RECIPE_VERSION;
  /** Stable id ("r-" + letters/digits); the provenance of every reading points to it. */
  readonly id: string;
  /** What the artist calls it (editable; shown as text, never as markup). */
  readonly name: string;
  /** A distributor id from DISTRIBUTORS ("distrokid" …), "other" for another address. */
  readonly distributor: string;
  /** The distributor's name as the artist saw it when confirming. */
  readonly distributorLabel: string;
  /** The dashboard page this recipe reads on. */
  readonly page: AddressPattern;
  /** The data responses it reads. */
  readonly response: ResponsePattern;
  /** Where the series sit in the response (wildcards allowed): each match is one series node. */
  readonly series: JsonPath;
  readonly points: PointShape;
  readonly dayFormat: DayFormat;
  readonly identity: IdentityPaths;
  readonly store: RecipeStore;
  /** 'weekly': each point's day is the first day of a 7-day week. */
  readonly cadence: Cadence;
  /** When the artist confirmed it (canonical ISO instant); built-in recipes carry their release date. */
  readonly confirmedAt: string;
  readonly origin: RecipeOrigin;
}

/**
 * Which responses of a dashboard are data, by the words of their address (what is known of
 * iMusician, core/sources/imusician/README.md): an https response from `host` whose path has a
 * segment that is one of `data.whole` or contains one of `data.within`, and none that is one of
 * `never.whole` or contains one of `never.within` (nor does an operation name in one of the
 * `operationParams`), and whose last segment is no static file (`neverLast.extensions`) or
 * beacon (`neverLast.whole`). Segments are matched decoded and in lower case; the query's values
 * are never matched except the operation names.
 */
export interface DataAddressWords {
  readonly host: string;
  readonly data: { readonly whole: readonly string[]; readonly within: readonly string[] };
  readonly never: { readonly whole: readonly string[]; readonly within: readonly string[] };
  readonly neverLast: { readonly extensions: readonly string[]; readonly whole: readonly string[] };
  readonly operationParams: readonly string[];
}

/**
 * Built-in knowledge of a dashboard whose response shapes are not publicly known: series are
 * found by their structure (the walk, core/sources/generic/walk.ts: a track identity around a
 * list of day/count pairs, optionally per store) in the responses its address words call data,
 * not at a path. Only Crosscount ships these (`origin` is always 'built-in'): the store and the
 * recipe files hold path recipes (`Recipe`) only, and a file carrying one is refused whole.
 */
export interface StructureRecipe {
  readonly version: typeof RECIPE_VERSION;
  readonly locate: 'structure';
  /** Stable id, of the same form as every recipe's ("r-" + letters/digits), so provenance names it. */
  readonly id: string;
  readonly name: string;
  readonly distributor: string;
  readonly distributorLabel: string;
  /** The pages it reads on. */
  readonly page: AddressPattern;
  readonly response: DataAddressWords;
  /** Query parameter names that filter stores (`?store=spotify`): matched after normalising, also with an "id(s)"/"name(s)" ending (core/sources/generic/store-filter.ts). */
  readonly storeFilter: readonly string[];
  /** The store of a series neither the body nor a store filter names ("all": the total across stores). */
  readonly unlabelledStore: string;
  readonly cadence: 'daily';
  /** Its release day (canonical ISO instant). */
  readonly confirmedAt: string;
  readonly origin: 'built-in';
}

/** Any recipe the engine reads with: a path recipe (taught, imported) or a shipped structure recipe. */
export type AnyRecipe = Recipe | StructureRecipe;

/** What a candidate would become once the artist confirms it and names its store. */
export type RecipeDraft = Omit<Recipe, 'id' | 'name' | 'distributor' | 'distributorLabel' | 'page' | 'confirmedAt' | 'origin' | 'store'> & {
  /** Null when the response names no store: the panel asks the artist. */
  readonly store: RecipeStore | null;
};

export interface CandidateIdentity {
  readonly isrc: string | null;
  readonly title: string;
  readonly trackId: string | null;
  readonly releaseId: string | null;
}

export interface CandidatePoint {
  readonly day: Day;
  readonly count: number;
}

/** A series the recogniser found in one response, that the artist may confirm. */
export interface Candidate {
  /** Stable for the same response shape and series (a hash of where + store). */
  readonly id: string;
  readonly identity: CandidateIdentity;
  /** The store id the response names, or null when it names none. */
  readonly store: string | null;
  readonly cadence: Cadence;
  /** Sorted by day, each day once. */
  readonly points: readonly CandidatePoint[];
  /** Where in the body, for people: "data.tracks[0].daily". */
  readonly where: string;
  readonly recipe: RecipeDraft;
}

export const REFUSAL_REASONS = [
  /** Money: revenue, earnings, royalties, currency. */
  'revenue',
  /** Download counts only (no streams). */
  'downloads-only',
  /** Per country or region: a slice of the track's count, not its total. */
  'countries',
  /** Listeners, followers, saves, demographics: not stream counts. */
  'not-streams',
  /** Day/count pairs without an ISRC, track id + title or release id + title around them. */
  'no-identity',
  /** Not one point per day or per week (monthly, hourly, irregular). */
  'not-daily',
  /** Two day keys or two count keys could both be it. */
  'ambiguous',
  /** A value is not a whole count, or a day not a calendar day. */
  'bad-values',
  /** The response names its store in a way we cannot turn into one store. */
  'store-unclear',
  /** Too many points, nodes or too deep: the search stopped there. */
  'too-large',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  readonly where: string;
  readonly reason: RefusalReason;
  /** One line in English for diagnostics and bug reports (no values from the body beyond short names). */
  readonly detail: string;
}

export interface Recognition {
  readonly candidates: readonly Candidate[];
  readonly refusals: readonly Refusal[];
  /** The search stopped early (depth, nodes, points or time budget). */
  readonly truncated: boolean;
}

/** One series read by a recipe: every point checked, nothing guessed. */
export interface RecipeSeries {
  readonly identity: CandidateIdentity;
  readonly store: string;
  readonly cadence: Cadence;
  readonly points: readonly CandidatePoint[];
  readonly where: string;
}

export const NO_MATCH_REASONS = [
  /** The response address or method is not the recipe's. */
  'address',
  /** The body is not a JSON object or list. */
  'not-json',
  /** The series path leads nowhere. */
  'path-missing',
  /** A point's value is not a whole number ≥ 0. */
  'not-a-count',
  /** A point's day is not a calendar day in the recipe's day format (or, weekly, not 7 days apart). */
  'not-a-date',
  /** The identity paths lead to no ISRC / id / title. */
  'identity-missing',
  /** The store path leads to no store name. */
  'store-missing',
  /** The same day twice with different counts. */
  'conflict',
  /** More series, points or nodes than the caps allow. */
  'too-large',
] as const;
export type NoMatchReason = (typeof NO_MATCH_REASONS)[number];

export type RecipeReading =
  | { readonly kind: 'read'; readonly series: readonly RecipeSeries[] }
  | { readonly kind: 'no-match'; readonly reason: NoMatchReason; readonly where: string };

export type RecipeFileResult =
  | { readonly recipes: readonly Recipe[] }
  /** `error`: one English line naming what and where; `message`: the same for the screens. */
  | { readonly error: string; readonly message: Message };

/** A distributor the artist can pick when adding a dashboard (core/recipes/distributors.ts). */
export interface Distributor {
  /** Stable id; "other" is "another address". */
  readonly id: string;
  readonly label: string;
  /** Dashboard hosts as publicly known (https, lower case); empty for "other". */
  readonly hosts: readonly string[];
  /** A public page that shows the host (for people checking the list), or null. */
  readonly source: string | null;
  /** Whether the dashboard is publicly said to show daily or weekly trends ("unknown" when nothing public says). */
  readonly trends: 'daily' | 'weekly' | 'unknown';
}

/**
 * The functions of core/recipes (each module exports its own; core/recipes/index.ts gathers them):
 *
 *   recognise(url: string, body: unknown): Recognition
 *   applyRecipe(recipe: Recipe, url: string, body: unknown): RecipeReading
 *   recipeMatchesPage(recipe: Recipe, url: string): boolean
 *   recipeMatchesResponse(recipe: Recipe, url: string, method: string): boolean
 *   confirmCandidate(candidate: Candidate, answer: ConfirmAnswer): Recipe
 *   parseRecipeFile(text: string, fileName: string): RecipeFileResult
 *   serialiseRecipes(recipes: readonly Recipe[]): string
 *   describeCandidate(candidate: Candidate): Message
 *   describeRefusal(refusal: Refusal): Message
 *   describeNoMatch(reading: Extract<RecipeReading, {kind: 'no-match'}>): Message
 */
export interface ConfirmAnswer {
  /** The dashboard page the artist confirmed on (its address becomes the page pattern). */
  readonly pageUrl: string;
  readonly distributor: Distributor;
  /** The store the artist chose, when the candidate names none (a store id, "all" for every store). */
  readonly store: string | null;
  readonly name: string;
  /** Canonical ISO instant. */
  readonly now: string;
  /** A fresh id: "r-" + 8–32 letters/digits (the caller makes it random). */
  readonly id: string;
}
