/**
 * `compare --json` (docs/contracts.md §2 in docs/contracts.md) as text chunks, one track at a time:
 * the rows of a track are built, written and dropped before the next track's, so a history of
 * any size prints without its whole result (or one string of it) in memory. The text is
 * exactly `JSON.stringify(compare(…), null, 2)`.
 */
import type { ColumnarComparison } from './columnar';
import { trackComparison } from './index';
import type { TrackComparison } from './types';

const INDENT = '    ';

/**
 * `weeksOf`: a track's weekly comparisons (core/views/weeks.ts), written as its `weeks` list
 * after `sources` when there are any; a track without weeks is written exactly as before.
 */
export function* compareJsonChunks(result: ColumnarComparison, weeksOf?: (track: TrackComparison) => readonly object[]): Generator<string> {
  yield `{\n  "asOf": ${JSON.stringify(result.asOf)},\n  "tracks": [`;
  if (result.tracks.length === 0) {
    yield ']\n}\n';
    return;
  }
  for (let i = 0; i < result.tracks.length; i++) {
    // A nested value at depth 2 is its own two-space JSON with every line indented by four.
    const track = trackComparison(result.tracks[i]!);
    const weeks = weeksOf?.(track) ?? [];
    const text = JSON.stringify(weeks.length > 0 ? { ...track, weeks } : track, null, 2).replace(/\n/g, `\n${INDENT}`);
    yield `${i === 0 ? '' : ','}\n${INDENT}${text}`;
  }
  yield '\n  ]\n}\n';
}
