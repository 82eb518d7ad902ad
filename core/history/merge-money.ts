/**
 * The money part of a merge (docs/contracts.md §3): every record under its input's result
 * track id, sorted, each series' revisions compacted (model/money.ts). A union, like the
 * observations: merging a file with itself, or with a newer export of the same report, adds
 * no second copy of an amount.
 */
import type { History } from '../model/history';
import { normaliseMoney, type MoneyRecord } from '../model/money';

export function mergeMoney(histories: readonly History[], idMaps: readonly ReadonlyMap<string, string>[]): MoneyRecord[] {
  const remapped: MoneyRecord[] = [];
  histories.forEach((history, index) => {
    const idMap = idMaps[index]!;
    for (const record of history.money ?? []) {
      const track = idMap.get(record.track);
      if (track === undefined) throw new Error(`money refers to track "${record.track}", which its history does not have`);
      remapped.push(track === record.track ? record : { ...record, track });
    }
  });
  return normaliseMoney(remapped);
}
