/**
 * Both series over time with uPlot (docs/ui.md): Spotify for Artists and the distributor, pending
 * days shaded, a reason band under the plot (amber: possible, red: unexplained), anomaly
 * markers and revision dots. Colours come from the theme's variables and follow the system's
 * light or dark scheme. The same numbers are in the table under it and in the Days tab.
 */
import { t } from '../../components/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { sourceName } from '../../core/compare/format';
import { formatCount, formatDay } from '../../components/format';
import type { ChartData } from './chart-data';

const CHART_HEIGHT = 260;

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** "Spotify for Artists and iMusician, daily streams from Mon 3 Mar to Sun 20 Apr; 2 anomalies; pending from Wed 16 Apr." */
export function chartSummary(data: ChartData, locale?: string): string {
  if (data.days.length === 0) return t('chartNoDaily');
  const names = data.distributorSource ? t('chartBoth', { name: sourceName(data.distributorSource) }) : 'Spotify for Artists';
  const parts = [t('chartRange', { names, first: formatDay(data.days[0]!, locale), last: formatDay(data.days.at(-1)!, locale) })];
  const anomalies = data.anomalies.filter((value) => value !== null).length;
  if (anomalies > 0) parts.push(t('chartAnomalies', { count: anomalies }));
  const revised = data.revisions.filter((value) => value !== null).length;
  if (revised > 0) parts.push(t('chartRevised', { count: revised }));
  if (data.pendingFrom !== null) parts.push(t('chartPendingFrom', { day: formatDay(data.days[data.pendingFrom]!, locale) }));
  return `${parts.join('; ')}.`;
}

export function Chart({ data, locale }: { data: ChartData; locale?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [dark, setDark] = useState(prefersDark);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  useEffect(() => {
    const element = host.current;
    if (!element || data.x.length === 0) return;
    const styles = getComputedStyle(element);
    const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    const spotify = color('--cc-spotify', '#138a43');
    const distributor = color('--cc-distributor', '#5b3cc4');
    const unexplained = color('--cc-unexplained-fg', '#9b1c17');
    const possible = color('--cc-possible-fg', '#6b4600');
    const muted = color('--cc-muted', '#5a606b');
    const grid = color('--cc-border', '#d5d8de');
    const pending = color('--cc-pending', 'rgba(120,128,140,0.14)');
    const background = color('--cc-bg', '#ffffff');
    const count = (_u: uPlot, value: number | null) => (value === null || value === undefined ? '—' : formatCount(value, locale));
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const markers = (stroke: string, fill: string, size: number): uPlot.Series => ({ stroke, fill, width: 0, paths: () => null, points: { show: true, size, stroke, fill, width: 2 } });

    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: CHART_HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.08)] } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((tick) => formatCount(tick, locale)), size: 56 }],
      cursor: { points: { size: 7 } },
      series: [
        { label: t('colDay'), value: (_u, ts) => (ts === null || ts === undefined ? '—' : formatDay(new Date(ts * 1000).toISOString().slice(0, 10), locale)) },
        { label: 'Spotify for Artists', stroke: spotify, width: 2, value: count },
        { label: data.distributorSource ? sourceName(data.distributorSource) : t('colDistributor'), stroke: distributor, width: 2, dash: [6, 3], value: count },
        { ...markers(unexplained, unexplained, 10), label: t('chipAnomaly'), value: count },
        { ...markers(muted, background, 7), label: t('chipRevised'), value: count },
      ],
      hooks: {
        drawClear: [
          (u) => {
            const { ctx } = u;
            const { left, top, width, height } = u.bbox;
            const halfDay = data.x.length > 1 ? (u.valToPos(data.x[1]!, 'x', true) - u.valToPos(data.x[0]!, 'x', true)) / 2 : 4;
            ctx.save();
            if (data.pendingFrom !== null) {
              const from = Math.max(left, u.valToPos(data.x[data.pendingFrom]!, 'x', true) - halfDay);
              ctx.fillStyle = pending;
              ctx.fillRect(from, top, left + width - from, height);
            }
            // The reason band: a strip along the bottom of the plot, one cell per day.
            const band = Math.max(4, Math.round(5 * devicePixelRatio));
            data.levels.forEach((level, index) => {
              if (level !== 'possible' && level !== 'unexplained') return;
              const centre = u.valToPos(data.x[index]!, 'x', true);
              ctx.fillStyle = level === 'unexplained' ? unexplained : possible;
              ctx.globalAlpha = level === 'unexplained' ? 0.9 : 0.45;
              ctx.fillRect(centre - halfDay, top + height - band, Math.max(1, halfDay * 2), band);
            });
            ctx.restore();
          },
        ],
      },
    };
    let plot: uPlot | null = null;
    try {
      plot = new uPlot(options, [data.x, data.spotify, data.distributor, data.anomalies, data.revisions] as uPlot.AlignedData, element);
      setFailed(false);
    } catch {
      // No canvas (a test DOM, a locked-down browser): the table below carries the numbers.
      setFailed(true);
    }
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot?.setSize({ width: Math.max(280, element.clientWidth), height: CHART_HEIGHT })) : null;
    resize?.observe(element);
    return () => {
      resize?.disconnect();
      plot?.destroy();
    };
  }, [data, locale, dark]);

  const summary = chartSummary(data, locale);
  return (
    <figure class="hp-chart" data-testid="chart">
      <div class="hp-chart__plot" ref={host} role="img" aria-label={summary} />
      <figcaption class="cc-muted hp-chart__caption">
        {summary}
        {failed && ' The chart cannot be drawn in this browser; the table has the same numbers.'} <span class="hp-legend-key hp-legend-key--pending">Shaded: pending</span>{' '}
        <span class="hp-legend-key hp-legend-key--band">Band: amber possible, red unexplained</span>
      </figcaption>
    </figure>
  );
}

/** The chart's text equivalent (docs/ui.md: charts with a text table). */
export function ChartTable({ data, locale }: { data: ChartData; locale?: string }) {
  const name = data.distributorSource ? sourceName(data.distributorSource) : t('colDistributor');
  return (
    <details class="hp-charttable">
      <summary>{t('chartAsTable')}</summary>
      <div class="hp-scroll">
      <table class="cc-table">
        <thead>
          <tr>
            <th scope="col">{t('colDay')}</th>
            <th scope="col" class="cc-num">
              Spotify for Artists
            </th>
            <th scope="col" class="cc-num">
              {name}
            </th>
            <th scope="col">{t('chartMarks')}</th>
          </tr>
        </thead>
        <tbody>
          {data.days.map((day, index) => {
            const marks = [
              data.pendingFrom !== null && index >= data.pendingFrom ? t('chartMarkPending') : '',
              data.anomalies[index] !== null ? t('chartMarkAnomaly') : '',
              data.revisions[index] !== null ? t('chartMarkRevised') : '',
            ].filter(Boolean);
            return (
              <tr key={day}>
                <th scope="row">{formatDay(day, locale)}</th>
                <td class="cc-num">{formatCount(data.spotify[index], locale)}</td>
                <td class="cc-num">{formatCount(data.distributor[index], locale)}</td>
                <td>{marks.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </details>
  );
}
