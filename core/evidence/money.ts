/**
 * The money part of an evidence report: for the chosen months, what the sales reports say (the
 * report's streams, revenue in its own currency, rate per stream) beside Spotify for
 * Artists' streams and eligibility, and each flag with its sentence, so a statement question
 * can go to support with the numbers (docs/contracts.md §3).
 */
import { formatCount, sourceName, storeName } from '../compare/format';
import type { MoneyFlagCode, MoneyTrack } from '../money';

/** Chip labels as the screens show them (English: the report goes to support teams). */
const FLAG_LABELS: Readonly<Record<MoneyFlagCode, string>> = {
  STATEMENT_PENDING: 'Pending',
  BELOW_THRESHOLD: 'Below threshold',
  REVENUE_WITHOUT_STREAMS: 'Paid, 0 streams',
  REVENUE_BEFORE_RELEASE: 'Before release',
  INELIGIBLE_WITH_REVENUE: 'Paid while not eligible',
  ELIGIBLE_WITHOUT_REVENUE: 'Eligible, not paid',
  RATE_OUTLIER: 'Unusual rate',
};

const rate = (value: number | null) => (value === null ? '—' : value.toPrecision(3));

export function moneySection(track: MoneyTrack, months: readonly string[]): string[] {
  const chosen = new Set(months);
  const rows = track.months.filter((row) => chosen.has(row.month));
  const lines = ['## Sales reports', ''];
  lines.push("- Amounts as the distributors' sales reports state them, each in its own currency (never added across currencies), summed over countries and rows; corrections included.");
  if (track.unpaidSpotifyStreams > 0) {
    lines.push(`- ${formatCount(track.unpaidSpotifyStreams)} Spotify streams of this recording fell in months it was under 1,000 streams in 12 months: Spotify pays no recording royalty for them.`);
  }
  lines.push('');
  if (rows.length === 0) {
    lines.push(`No sales report line for ${[...chosen].sort().join(', ')}.`, '');
    return lines;
  }
  lines.push('| Month | Report | Store | Report streams | Revenue | Per stream | Spotify for Artists | Eligible |', '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const revenue = row.revenue ? `${row.revenue.amount} ${row.revenue.currency}` : 'no money column';
    const eligible = row.eligible === null ? '—' : row.eligible ? 'yes' : 'no';
    lines.push(`| ${row.month} | ${sourceName(row.source)} | ${storeName(row.store)} | ${formatCount(row.streams)} | ${revenue} | ${rate(row.perStream)} | ${row.s4aStreams === null ? '—' : formatCount(row.s4aStreams)} | ${eligible} |`);
  }
  lines.push('');
  for (const row of rows) {
    if (row.flags.length === 0) continue;
    lines.push(`### ${row.month}, ${sourceName(row.source)}, ${storeName(row.store)}`, '');
    for (const flag of row.flags) lines.push(`- ${FLAG_LABELS[flag.code]} (${flag.level}): ${flag.message}`);
    lines.push('');
  }
  return lines;
}
