/**
 * The Money tab (docs/ui.md "Money"): did the artist get paid for what they streamed? Per month
 * and store, the report's streams, revenue in its own currency, the rate per stream, Spotify
 * for Artists' streams and eligibility, and the flags as chips; a chart of revenue and rate per
 * store for each currency (never two currencies on one axis, never added together), with the
 * table as its text equivalent; and a way to put a month into the evidence report.
 */
import { storeName, sourceName } from '../../core/compare/format';
import { ELIGIBILITY_THRESHOLD } from '../../core/eligibility/rules';
import type { MoneyMonth, MoneyTrack } from '../../core/money';
import { formatCount, formatMoney, formatMonth, formatRate } from '../../components/format';
import { t } from '../../components/i18n';
import { MoneyChip } from '../../components/MoneyChip';
import { moneyCharts, type CurrencyChart } from './money-chart';

interface MoneyPanelProps {
  money: MoneyTrack | null;
  locale?: string;
  /** Puts the month into the evidence report (and shows it). */
  onEvidence?: (month: string) => void;
}

/** Store colours, distinguishable in light and dark; the legend names each. */
const PALETTE = ['#1f7a4d', '#5b3cc4', '#b35900', '#1669a8', '#a3246b', '#5c6b00'];
const WIDTH = 560;
const HEIGHT = 120;
const PAD = { left: 8, right: 8, top: 8, bottom: 18 };

export function MoneyPanel({ money, locale, onEvidence }: MoneyPanelProps) {
  if (!money || money.months.length === 0) {
    return (
      <div data-testid="money-panel">
        {money && money.unpaidSpotifyStreams > 0 && <UnpaidFact streams={money.unpaidSpotifyStreams} />}
        <p class="cc-muted">{t('moneyNoReport')}</p>
      </div>
    );
  }
  const currencies = [...new Set(money.months.flatMap((row) => (row.revenue ? [row.revenue.currency] : [])))].sort();
  const charts = moneyCharts(money.months);
  return (
    <div class="hp-money" data-testid="money-panel">
      <p>{t('moneyIntro')}</p>
      {money.unpaidSpotifyStreams > 0 && <UnpaidFact streams={money.unpaidSpotifyStreams} />}
      {currencies.length > 1 && (
        <p class="cc-note" data-testid="money-currencies">
          {t('moneyCurrenciesApart', { currencies: currencies.join(', ') })}
        </p>
      )}
      {charts.map((chart) => (
        <MoneyChart key={chart.currency} chart={chart} locale={locale} />
      ))}
      <div class="hp-scroll">
        <MoneyTable rows={money.months} locale={locale} onEvidence={onEvidence} />
      </div>
    </div>
  );
}

function UnpaidFact({ streams }: { streams: number }) {
  return (
    <p class="hp-money__unpaid" data-testid="money-unpaid">
      {t('moneyUnpaid', { count: streams, threshold: ELIGIBILITY_THRESHOLD })} <span class="cc-muted">{t('moneyUnpaidContext')}</span>
    </p>
  );
}

function MoneyTable({ rows, locale, onEvidence }: { rows: readonly MoneyMonth[]; locale?: string; onEvidence?: (month: string) => void }) {
  return (
    <table class="cc-table" data-testid="money-table">
      <thead>
        <tr>
          <th scope="col">{t('moneyColMonth')}</th>
          <th scope="col">{t('moneyColSource')}</th>
          <th scope="col">{t('moneyColStore')}</th>
          <th scope="col" class="cc-num">
            {t('moneyColStreams')}
          </th>
          <th scope="col" class="cc-num">
            {t('moneyColRevenue')}
          </th>
          <th scope="col" class="cc-num">
            {t('moneyColRate')}
          </th>
          <th scope="col" class="cc-num">
            Spotify for Artists
          </th>
          <th scope="col">{t('moneyColEligible')}</th>
          <th scope="col">{t('moneyColFlags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.month}|${row.source}|${row.store}|${row.revenue?.currency ?? ''}`} class={row.pending ? 'cc-row--pending' : undefined} data-testid="money-row" data-month={row.month}>
            <th scope="row">{formatMonth(row.month, locale)}</th>
            <td>{sourceName(row.source)}</td>
            <td>{storeName(row.store)}</td>
            <td class="cc-num">{formatCount(row.streams, locale)}</td>
            <td class="cc-num">{row.revenue ? formatMoney(row.revenue, locale) : '—'}</td>
            <td class="cc-num">{row.revenue ? formatRate(row.perStream, row.revenue.currency, locale) : '—'}</td>
            <td class="cc-num">{formatCount(row.s4aStreams, locale)}</td>
            <td>{row.eligible === null ? '—' : row.eligible ? t('moneyYes') : t('moneyNo')}</td>
            <td>
              {row.flags.map((flag) => (
                <MoneyChip key={flag.code} flag={flag} />
              ))}
              {onEvidence && row.flags.some((flag) => flag.level !== 'expected') && (
                <button type="button" class="cc-link" data-testid={`money-evidence-${row.month}`} onClick={() => onEvidence(row.month)}>
                  {t('moneyAddToEvidence')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MoneyChart({ chart, locale }: { chart: CurrencyChart; locale?: string }) {
  const { months, stores } = chart;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, months.length);
  const barWidth = Math.max(2, slot * 0.7);
  const x = (index: number) => PAD.left + slot * index + (slot - barWidth) / 2;
  const revenueY = (value: number) => PAD.top + plotHeight - (chart.maxRevenue === 0 ? 0 : (value / chart.maxRevenue) * plotHeight);
  const rateY = (value: number) => PAD.top + plotHeight - (chart.maxRate === 0 ? 0 : (value / chart.maxRate) * plotHeight);
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  const monthLabels = months.map((month, index) =>
    index % labelEvery === 0 ? (
      <text key={month} x={x(index) + barWidth / 2} y={HEIGHT - 4} text-anchor="middle" class="hp-money-chart__label">
        {formatMonth(month, locale)}
      </text>
    ) : null,
  );
  return (
    <figure class="hp-money-chart" data-testid="money-chart">
      <figcaption>{t('moneyChartTitle', { currency: chart.currency })}</figcaption>
      <ul class="hp-money-chart__legend">
        {stores.map((series, index) => (
          <li key={series.store}>
            <span class="hp-money-chart__swatch" style={{ background: PALETTE[index % PALETTE.length] }} aria-hidden="true" />
            {storeName(series.store)}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t('moneyChartRevenue')}. ${t('moneyChartLabel', { currency: chart.currency })}`} class="hp-money-chart__svg">
        <title>{t('moneyChartRevenue')}</title>
        {months.map((month, index) => {
          let base = 0;
          return stores.map((series, storeIndex) => {
            const value = Math.max(0, series.revenue[index] ?? 0);
            if (value === 0) return null;
            const top = revenueY(base + value);
            const bottom = revenueY(base);
            base += value;
            return <rect key={`${month}-${series.store}`} x={x(index)} y={top} width={barWidth} height={Math.max(1, bottom - top)} fill={PALETTE[storeIndex % PALETTE.length]} />;
          });
        })}
        {monthLabels}
      </svg>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t('moneyChartRate')}. ${t('moneyChartLabel', { currency: chart.currency })}`} class="hp-money-chart__svg">
        <title>{t('moneyChartRate')}</title>
        {stores.map((series, storeIndex) => {
          const points = series.rate.flatMap((value, index) => (value === null ? [] : [`${x(index) + barWidth / 2},${rateY(value)}`]));
          const colour = PALETTE[storeIndex % PALETTE.length];
          return (
            <g key={series.store}>
              <polyline points={points.join(' ')} fill="none" stroke={colour} stroke-width={2} />
              {points.map((point) => {
                const [cx, cy] = point.split(',');
                return <circle key={point} cx={cx} cy={cy} r={3} fill={colour} />;
              })}
            </g>
          );
        })}
        {monthLabels}
      </svg>
      <p class="cc-muted hp-money-chart__scale">
        {t('moneyChartScale', { revenue: { money: { amount: chart.maxRevenue.toFixed(2), currency: chart.currency } }, rate: { rate: { value: chart.maxRate, currency: chart.currency } } })}
      </p>
    </figure>
  );
}
