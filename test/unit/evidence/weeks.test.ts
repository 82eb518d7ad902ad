/**
 * The evidence report's weeks (issue 17: "a weekly series is compared per week"): a week that
 * stands out is quoted for support with both figures, every reading of the weekly count with its
 * time, the recipe that read it and the reason, in the artist's language (the history page's
 * report) or English (the CLI). Data: ../views/weekly-history.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../../components/i18n';
import { evidenceReport } from '../../../core/evidence/index';
import { addDays } from '../../../core/model/day';
import { speak } from '../i18n/catalogs';
import { AS_OF, INCIDENT, ISRC, RECIPE, WEEKS, weeklyHistory } from '../views/weekly-history';

afterEach(() => speak('en'));

describe('the evidence report with weekly counts', () => {
  it('by default quotes the settled week nothing explains, with both figures, its reading, the recipe and the reason', () => {
    const report = evidenceReport(weeklyHistory(false), { isrc: ISRC, asOf: AS_OF });
    expect(report).toContain('## DistroKid: weekly counts');
    expect(report).toContain("- Compared: DistroKid's weekly counts for Spotify and Spotify for Artists daily streams summed over the same 7 days.");
    expect(report).toContain("- Read from DistroKid's dashboard by the recipe `DistroKid weekly streams` (taught by the artist, confirmed 2025-03-10 08:00 UTC).");
    expect(report).toContain('| Week (UTC) | Spotify for Artists (7 days) | DistroKid | Difference | Ratio | Status |');
    const rows = report.split('\n').filter((line) => /^\| (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}/.test(line));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^\\| Mon ${INCIDENT} – Sun ${addDays(INCIDENT, 6)} \\| [\\d,]+ \\| [\\d,]+ \\| −[\\d,]+ \\| 4\\d % \\| settled \\|$`));
    expect(report).toContain(`### Mon ${INCIDENT} – Sun ${addDays(INCIDENT, 6)}`);
    expect(report).toMatch(/- Spotify for Artists: [\d,]+ \(7 of 7 days summed\)/);
    expect(report).toContain(`(read ${addDays(INCIDENT, 8)} 09:00 UTC)`);
    expect(report).toMatch(/- Anomaly \(unexplained\): DistroKid shows [\d,]+ against Spotify for Artists' [\d,]+ for these 7 days/);
    // A weekly-only recording has distributor counts: no "no distributor counts" line, no "no day stands out".
    expect(report).not.toContain('There are no distributor counts');
    expect(report).not.toContain('No settled day stands out');
  });

  it('chosen days bring the weeks that hold them, pending ones included', () => {
    const report = evidenceReport(weeklyHistory(true), { isrc: ISRC, asOf: AS_OF, days: [addDays(WEEKS[1]!, 3), addDays(WEEKS[5]!, 6)] });
    expect(report).toContain('## iMusician');
    expect(report).toContain(`### Mon ${WEEKS[1]} – Sun ${addDays(WEEKS[1]!, 6)}`);
    expect(report).toContain(`### Mon ${WEEKS[5]} – Sun ${addDays(WEEKS[5]!, 6)}`);
    expect(report).toMatch(/\| pending \|/);
    expect(report).not.toContain(`### Mon ${INCIDENT}`);
    // The weeks follow the days.
    expect(report.indexOf('## DistroKid: weekly counts')).toBeGreaterThan(report.indexOf('## iMusician'));
  });

  it('without weekly counts the report is as it was', () => {
    const daily = weeklyHistory(true, false);
    expect(evidenceReport(daily, { isrc: ISRC, asOf: AS_OF })).not.toContain('weekly');
  });

  it('in the artist’s language', () => {
    speak('de', 'de-DE');
    const report = evidenceReport(weeklyHistory(false), { isrc: ISRC, asOf: AS_OF, say: formatMessage });
    expect(report).toContain(`Rezept \`${RECIPE.recipeName}\``);
    expect(report).toContain('## DistroKid: Wochenzahlen');
    expect(report).toContain('- Verglichen: die Wochenzahlen von DistroKid für Spotify und die täglichen Streams in Spotify for Artists, über dieselben 7 Tage zusammengezählt.');
    expect(report).toContain('| Woche (UTC) | Spotify for Artists (7 Tage) | DistroKid | Differenz | Anteil | Status |');
    expect(report).toMatch(/- Spotify for Artists: [\d.]+ \(7 von 7 Tagen zusammengezählt\)/);
    expect(report).toMatch(/- Auffällig \(ungeklärt\): DistroKid zeigt/);
  });
});
