/**
 * `compare --json` (docs/contracts.md §2 in docs/contracts.md) as text chunks, one track at a time:
 * the rows of a track are built, written and dropped before the next track's, so a history of
 * any size prints without its whole result (or one string of it) in memory. The text is
 * exactly `JSON.stringify(compare(…), null, 2)`.
 */
import type { ColumnarComparison } from './columnar';
import { trackComparison } from './index';

const INDENT = '    ';

export function* compareJsonChunks(result: ColumnarComparison): Generator<string> {
  yield `{\n  "asOf": ${JSON.stringify(result.asOf)},\n  "tracks": [`;
  if (result.tracks.length === 0) {
    yield ']\n}\n';
    return;
  }
  for (let i = 0; i < result.tracks.length; i++) {
    // A nested value at depth 2 is its own two-space JSON with every line indented by four.
    const text = JSON.stringify(trackComparison(result.tracks[i]!), null, 2).replace(/\n/g, `\n${INDENT}`);
    yield `${i === 0 ? '' : ','}\n${INDENT}${text}`;
  }
  yield '\n  ]\n}\n';
}
