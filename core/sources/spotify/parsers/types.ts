import type { SpotifyReadContext, SpotifyParseResult } from '../result';
import type { SpotifyRoute } from '../routes';

/**
 * One response family. `body` has already passed camelKeys (snake_case keys are camelCase
 * here) and is never null: empty responses are handled before the parsers run.
 */
export type SpotifyBodyParser = (body: unknown, route: SpotifyRoute, context: SpotifyReadContext) => SpotifyParseResult;
