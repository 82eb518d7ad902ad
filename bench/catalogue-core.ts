/**
 * Child process of bench/catalogue.ts: the core on the largest catalogue it is measured on
 * (bench/synthetic-history.ts, 1,000 recordings, ≈ 2.2 M observations): the history in memory
 * as observation objects (as the store or a parsed file hands it over), its columns, then
 * compare + eligibility over them. Prints one JSON line with times and this process's peak
 * resident memory.
 */
import { historyColumns } from '../core/columns/build';
import { compareColumns } from '../core/compare/index';
import { eligibility } from '../core/eligibility/index';
import { syntheticHistory } from './synthetic-history';

const data = syntheticHistory();
let t0 = performance.now();
const columns = historyColumns(data.history);
const columnsMs = performance.now() - t0;
t0 = performance.now();
const compared = compareColumns(columns, { asOf: data.asOf });
const evaluated = eligibility(columns, { asOfDay: data.asOfDay });
const coreMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    observations: data.history.observations.length,
    recordings: data.history.tracks.length,
    columnsMs,
    coreMs,
    tracks: compared.tracks.length + evaluated.tracks.length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
);
