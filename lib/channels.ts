/** Names of the page-observer channels (main world → isolated content script), one per site. */
export const SPOTIFY_CHANNEL = 'crosscount:spotify:v1';
export const IMUSICIAN_CHANNEL = 'crosscount:imusician:v1';
