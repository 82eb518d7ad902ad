/**
 * Diagnostics: for each dashboard, the last visits and what the reader recognised there or
 * not; how much the browser stores and whether it may evict it. What an artist (or a bug
 * report) needs when a page "shows nothing".
 */
import { formatSavedText, t } from '../../components/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { ReadingRecord } from '../../core/messaging/protocol';
import { SITES } from '../../core/sites';
import { formatRelativeTime } from '../../components/format';
import { failureText, type Send } from '../../components/send';

/** The part of navigator.storage the section uses (absent in some browsers and tests). */
export interface StorageInfo {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

interface DiagnosticsSectionProps {
  send: Send;
  version: number;
  now: () => Date;
  locale?: string;
  storage?: StorageInfo | null;
  announce: (message: string) => void;
}

const VISITS_PER_SITE = 10;

/** The words of a visit's response list (one place, for the translation layer). */

/** "1.2 MB" in the locale. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

function defaultStorage(): StorageInfo | null {
  return typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.estimate === 'function' ? navigator.storage : null;
}

export function DiagnosticsSection({ send, version, now, locale, storage = defaultStorage(), announce }: DiagnosticsSectionProps) {
  const [readings, setReadings] = useState<ReadingRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [usage, setUsage] = useState<{ usage: number | null; quota: number | null; persisted: boolean | null } | null>(null);
  useEffect(() => {
    let live = true;
    send('ui:getReadings', { limit: 200 })
      .then((reply) => live && (setReadings(reply.readings), setError(null)))
      .catch((failure: unknown) => live && setError(failureText(failure)));
    return () => {
      live = false;
    };
  }, [send, version]);
  useEffect(() => {
    if (!storage) return;
    Promise.all([storage.estimate(), storage.persisted()])
      .then(([estimate, persisted]) => setUsage({ usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted }))
      .catch(() => setUsage({ usage: null, quota: null, persisted: null }));
  }, [storage, version]);

  const askToPersist = async () => {
    if (!storage) return;
    const granted = await storage.persist().catch(() => false);
    setUsage((previous) => (previous ? { ...previous, persisted: granted } : previous));
    announce(granted ? t('diagKept') : t('diagNotKept'));
  };

  return (
    <section id="diagnostics" class="hp-section" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('diagTitle')}</h2>
      {error && (
        <p class="cc-alert" role="alert">
          {t('diagVisitsFailed', { error })}
        </p>
      )}
      {readings === null ? (
        !error && <p class="cc-muted">{t('diagLoading')}</p>
      ) : (
        <div data-testid="readings" class="hp-diag">
          {SITES.map((site) => {
            const visits = readings.filter((reading) => reading.site === site.id).slice(0, VISITS_PER_SITE);
            return (
              <div key={site.id} class="hp-diag__site">
                <h3>{site.label}</h3>
                {visits.length === 0 ? (
                  <p class="cc-muted">{t('diagNoVisit')}</p>
                ) : (
                  <ul class="hp-diag__visits">
                    {visits.map((reading) => (
                      <VisitRow key={reading.id} reading={reading} now={now} locale={locale} />
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
          <p class="cc-muted">
            {t('diagSampleHint')}
          </p>
        </div>
      )}
      <h3>{t('diagStorage')}</h3>
      {!storage ? (
        <p class="cc-muted">{t('diagStorageUnknownBrowser')}</p>
      ) : usage === null ? (
        <p class="cc-muted">Measuring…</p>
      ) : (
        <div data-testid="storage">
          <p>
            {usage.usage === null
              ? t('diagStorageUnknown')
              : usage.quota !== null
                ? t('diagStorageUseOf', { used: formatBytes(usage.usage, locale), quota: formatBytes(usage.quota, locale) })
                : t('diagStorageUse', { used: formatBytes(usage.usage, locale) })}
          </p>
          <p>
            {usage.persisted === true
              ? t('diagPersisted')
              : usage.persisted === false
                ? t('diagNotPersisted')
                : t('diagPersistUnknown')}
          </p>
          {usage.persisted === false && (
            <button type="button" class="cc-button" onClick={askToPersist}>
              {t('diagAskPersist')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function VisitRow({ reading, now, locale }: { reading: ReadingRecord; now: () => Date; locale?: string }) {
  const recognised = reading.status === 'recognised' && reading.refused === null;
  return (
    <li class="hp-diag__visit">
      <div>
        <span class={`cc-chip ${recognised ? 'cc-chip--expected' : reading.refused ? 'cc-chip--possible' : 'cc-chip--unexplained'}`}>
          <span class="cc-chip__icon" aria-hidden="true">
            {recognised ? '✓' : reading.refused ? '◔' : '!'}
          </span>
          {recognised ? t('diagRecognised') : reading.refused ? t('diagNotStored') : t('diagNotRecognised')}
        </span>{' '}
        <time dateTime={reading.readAt} title={reading.readAt}>
          {formatRelativeTime(reading.readAt, now(), locale)}
        </time>{' '}
        <code class="hp-diag__path">{reading.path}</code>
      </div>
      <div class="cc-muted hp-diag__detail">
        {t('diagCounts', { counts: reading.observationCount, added: reading.addedCount })}
        {reading.recognised.length > 0 && ` · ${t('diagUnderstood', { list: reading.recognised.map(formatSavedText).join(', ') })}`}
        {reading.unrecognised.length > 0 && ` · ${t('diagNotUnderstood', { list: reading.unrecognised.map(formatSavedText).join(', ') })}`}
        {reading.reason && ` · ${formatSavedText(reading.reason)}`}
        {reading.refused && ` · ${formatSavedText(reading.refused)}`}
        {reading.dropped && <span data-testid="visit-dropped"> · {t('diagDropped', { count: reading.dropped.messages, size: formatBytes(reading.dropped.characters, locale) })}</span>}
      </div>
      {reading.responses && reading.responses.length > 0 ? <ResponseList responses={reading.responses} /> : null}
    </li>
  );
}

/** Per visit: each data response (path template and status), what it yielded, and the check against the page. */
function ResponseList({ responses }: { responses: NonNullable<ReadingRecord['responses']> }) {
  return (
    <details class="hp-diag__responses" data-testid="visit-responses">
      <summary>{t('diagResponsesSeen', { count: responses.length })}</summary>
      <ul>
        {responses.map((response, index) => (
          <li key={index} data-testid="visit-response">
            <code>{response.template}</code> {t('diagHttpStatus', { status: String(response.status) })} · {formatSavedText(response.yielded)}
            {response.check ? <span data-testid="visit-response-check"> · {formatSavedText(response.check)}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
