// @vitest-environment happy-dom
/** What a dashboard page renders, collected for the checks against the page (lib/page-evidence.ts). */
import { describe, expect, it } from 'vitest';
import { collectPageEvidence } from '../../../lib/page-evidence';
import { datedSeriesOf } from '../../../core/page-check/dated';

const page = (html: string) => new DOMParser().parseFromString(`<html lang="de"><body>${html}</body></html>`, 'text/html');

describe('collectPageEvidence', () => {
  it('reads each table’s days and each chart’s dated points with the words that name their track', () => {
    const doc = page(`
      <section data-isrc="CHA012400001"><h2>Harbour Lights</h2>
        <table><caption>Harbour Lights · Spotify</caption><tr><th>Datum</th><th>Streams</th></tr><tr><td>10.03.2026</td><td>1.234</td></tr></table>
      </section>
      <figure><figcaption>Acoustic</figcaption><svg aria-label="Chart"><rect aria-label="11.03.2026: 987 Streams"></rect><rect title="no day: 5"></rect></svg></figure>
      <p>Gesamt 2.221</p>`);
    const evidence = collectPageEvidence(doc, 'de');
    // Raw texts here; their days are read in the background (cs:checkPage).
    expect(evidence.locale).toBe('de');
    expect(datedSeriesOf(evidence.sources, evidence.locale)).toEqual([
      { kind: 'table', context: 'Harbour Lights · Spotify · CHA012400001 · Harbour Lights', figures: [{ day: '2026-03-10', count: 1234 }] },
      { kind: 'chart', context: 'Chart · Acoustic', figures: [{ day: '2026-03-11', count: 987 }] },
    ]);
    expect(evidence.numbers).toEqual(expect.arrayContaining([1234, 2221]));
  });

  it('a page without tables or dated labels gives loose numbers only', () => {
    expect(collectPageEvidence(page('<p>1,204 streams</p>'), 'en')).toMatchObject({ numbers: [1204], sources: [] });
  });
});
