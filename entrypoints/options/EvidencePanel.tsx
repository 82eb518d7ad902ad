/**
 * The evidence report for support (docs/domain.md: the ISRC and both counts for a few specific
 * days): pick days (the anomalies by default) and sales-statement months (those put in from the
 * Money tab), preview the Markdown, copy it or download it.
 */
import { useMemo, useState } from 'preact/hooks';
import { EvidenceError, evidenceReport } from '../../core/evidence';
import type { History } from '../../core/model/history';
import type { TrackView } from '../../core/views/types';
import { formatDay, formatMonth } from '../../components/format';
import { formatMessage, t, tParts } from '../../components/i18n';
import { leadingReason, ReasonChip } from '../../components/ReasonChip';
import { MoneyChip } from '../../components/MoneyChip';
import { downloadText } from './download';

interface EvidencePanelProps {
  view: TrackView;
  /** ISO instant: what was known then. */
  asOf: string;
  locale?: string;
  announce: (message: string) => void;
  /** Copies text (navigator.clipboard in the page). */
  copy?: (text: string) => Promise<void>;
  /** Sales-statement months chosen at first (from the Money tab). */
  initialMonths?: readonly string[];
}

/** The months a report can include: those a sales report covers, most recent first. */
function evidenceMonths(view: Pick<TrackView, 'money'>): string[] {
  return [...new Set((view.money?.months ?? []).map((row) => row.month))].sort().reverse();
}

/** The days a report can include: those with a distributor count or a reason worth a look. */
export function evidenceDays(view: Pick<TrackView, 'days'>): string[] {
  return [...new Set(view.days.filter((row) => row.distributor !== null || row.spotify !== null).map((row) => row.day))].sort().reverse();
}

/** The default choice: settled days with an ANOMALY (what the report picks on its own). */
export function anomalyDays(view: Pick<TrackView, 'days'>): string[] {
  return [...new Set(view.days.filter((row) => row.status === 'settled' && row.reasons.some((reason) => reason.code === 'ANOMALY')).map((row) => row.day))].sort();
}

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

export function EvidencePanel({ view, asOf, locale, announce, copy = clipboardCopy, initialMonths = [] }: EvidencePanelProps) {
  const isrc = view.track.isrc;
  const anomalies = useMemo(() => anomalyDays(view), [view]);
  // The days that stand out first, then every other day, most recent first.
  const days = useMemo(() => {
    const standOut = new Set(anomalies);
    return [...[...anomalies].reverse(), ...evidenceDays(view).filter((day) => !standOut.has(day))];
  }, [view, anomalies]);
  // Months from the Money tab come alone: the days then start empty, the artist adds any.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initialMonths.length > 0 ? [] : anomalies));
  const months = useMemo(() => evidenceMonths(view), [view]);
  const [chosenMonths, setChosenMonths] = useState<ReadonlySet<string>>(() => new Set(initialMonths));
  const rowsByDay = useMemo(() => {
    const map = new Map<string, TrackView['days'][number]>();
    for (const row of view.days) if (!map.has(row.day) || row.reasons.some((reason) => reason.level === 'unexplained')) map.set(row.day, row);
    return map;
  }, [view]);

  const report = useMemo(() => {
    if (!isrc || (chosen.size === 0 && chosenMonths.size === 0)) return null;
    try {
      const history: History = { tracks: [view.track], observations: view.observations };
      // Which recipe read which reading: the report says it per distributor.
      if (view.provenance.length > 0) history.provenance = view.provenance;
      const days = chosen.size > 0 || chosenMonths.size === 0 ? [...chosen] : undefined;
      return { text: evidenceReport(history, { isrc, days, months: [...chosenMonths], asOf, money: view.money, say: formatMessage }), error: null };
    } catch (error) {
      if (error instanceof EvidenceError) return { text: null, error: error.message };
      throw error;
    }
  }, [view, isrc, chosen, chosenMonths, asOf]);

  if (!isrc) {
    return (
      <div class="cc-note" data-testid="evidence-no-isrc">
        <p>{tParts('evidenceNoIsrc', { link: <a href="#linking">{t('historyNavLinking')}</a> })}</p>
      </div>
    );
  }

  const toggle = (day: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(day);
    else next.delete(day);
    setChosen(next);
  };
  const toggleMonth = (month: string, on: boolean) => {
    const next = new Set(chosenMonths);
    if (on) next.add(month);
    else next.delete(month);
    setChosenMonths(next);
  };
  const fileName = `crosscount-evidence-${isrc}-${asOf.slice(0, 10)}.md`;
  return (
    <div class="hp-evidence">
      <fieldset class="hp-evidence__days">
        <legend>{t('evidenceDaysLegend', { chosen: chosen.size })}</legend>
        <p class="cc-muted hp-evidence__hint">
          {anomalies.length > 0 ? t('evidenceHintChosen', { count: anomalies.length }) : t('evidenceHintNone')}
        </p>
        <div class="hp-evidence__actions">
          <button type="button" class="cc-button" onClick={() => setChosen(new Set(anomalies))} disabled={anomalies.length === 0}>
            {t('evidenceOnlyAnomalies')}
          </button>
          <button type="button" class="cc-button" onClick={() => setChosen(new Set())} disabled={chosen.size === 0}>
            {t('evidenceClear')}
          </button>
        </div>
        <ul class="hp-evidence__list">
          {days.map((day) => {
            const reason = leadingReason(rowsByDay.get(day)?.reasons ?? []);
            return (
              <li key={day}>
                <label>
                  <input type="checkbox" checked={chosen.has(day)} onChange={(event) => toggle(day, (event.currentTarget as HTMLInputElement).checked)} />
                  <time dateTime={day}>
                    {formatDay(day, locale)} {day.slice(0, 4)}
                  </time>
                </label>
                {reason && <ReasonChip reason={reason} />}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {months.length > 0 && (
        <fieldset class="hp-evidence__days" data-testid="evidence-months">
          <legend>{t('evidenceMoneyMonths', { count: chosenMonths.size })}</legend>
          <p class="cc-muted hp-evidence__hint">{t('evidenceMoneyMonthsHint')}</p>
          <ul class="hp-evidence__list">
            {months.map((month) => {
              const flagged = (view.money?.months ?? []).filter((row) => row.month === month).flatMap((row) => row.flags.filter((flag) => flag.level !== 'expected').map((flag) => ({ flag, row })));
              return (
                <li key={month}>
                  <label>
                    <input type="checkbox" checked={chosenMonths.has(month)} onChange={(event) => toggleMonth(month, (event.currentTarget as HTMLInputElement).checked)} />
                    <time dateTime={month}>{formatMonth(month, locale)}</time>
                  </label>
                  {flagged.slice(0, 2).map(({ flag, row }) => (
                    <MoneyChip key={`${row.store}-${flag.code}`} flag={flag} />
                  ))}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <section class="hp-evidence__preview" aria-labelledby="evidence-preview-title">
        <h3 id="evidence-preview-title">{t('evidencePreview')}</h3>
        {report?.error && (
          <p class="cc-alert" role="alert">
            {report.error}
          </p>
        )}
        {report === null ? (
          <p class="cc-muted">{t('evidenceChooseDay')}</p>
        ) : (
          report.text && (
            <>
              <div class="hp-evidence__actions">
                <button
                  type="button"
                  class="cc-button cc-button--primary"
                  onClick={() =>
                    copy(report.text!).then(
                      () => announce(t('evidenceCopied')),
                      () => announce(t('evidenceCopyFailed')),
                    )
                  }
                >
                  {t('evidenceCopy')}
                </button>
                <button
                  type="button"
                  class="cc-button"
                  onClick={() => {
                    downloadText(fileName, report.text!, 'text/markdown;charset=utf-8');
                    announce(t('evidenceDownloading', { file: fileName }));
                  }}
                >
                  {t('evidenceDownload')}
                </button>
              </div>
              <pre class="hp-evidence__text" data-testid="evidence-preview" tabIndex={0} aria-label={t('evidencePreviewLabel')}>
                {report.text}
              </pre>
            </>
          )
        )}
      </section>
    </div>
  );
}
