/** The history page's recording list with search (by title or ISRC). */
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { statusText } from '../../components/recording-status';
import type { RecordingSummary } from '../../core/views/types';
import { formatCount } from '../../components/format';

interface TrackListProps {
  recordings: readonly RecordingSummary[];
  selectedTrackId: string | null;
  onSelect: (trackId: string) => void;
  locale?: string;
}

export function matchesSearch(recording: RecordingSummary, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return recording.title.toLocaleLowerCase().includes(needle) || (recording.isrc ?? '').toLocaleLowerCase().includes(needle);
}

export function TrackList({ recordings, selectedTrackId, onSelect, locale }: TrackListProps) {
  const [query, setQuery] = useState('');
  const sorted = useMemo(() => [...recordings].sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key)), [recordings]);
  const shown = sorted.filter((recording) => matchesSearch(recording, query));
  return (
    <nav class="hp-tracks" aria-label={t('popupRecordingsLabel')}>
      <label class="hp-tracks__search">
        <span>{t('tracksSearch')}</span>
        <input type="search" value={query} placeholder={t('tracksSearchPlaceholder')} onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)} />
      </label>
      <p class="cc-muted hp-tracks__count" aria-live="polite">
        {shown.length === sorted.length ? t('tracksCount', { count: sorted.length }) : t('tracksShown', { shown: shown.length, total: sorted.length })}
      </p>
      <ul class="hp-tracks__list" data-testid="track-list">
        {shown.map((recording) => {
          const trackId = recording.trackIds[0] ?? recording.key;
          const selected = recording.trackIds.includes(selectedTrackId ?? '');
          return (
            <li key={recording.key}>
              <button type="button" class="hp-tracks__item" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(trackId)}>
                <span class="hp-tracks__title">{recording.title || t('untitled')}</span>
                <span class="hp-tracks__meta cc-muted">
                  {recording.isrc ?? t('tracksNoIsrc')} · {statusText(recording.eligibility, locale ?? 'en')}
                  {recording.unexplainedDays > 0 ? ` · ${formatCount(recording.unexplainedDays, locale)} unexplained` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && sorted.length > 0 && <p class="cc-muted">{t('tracksNoMatch', { query })}</p>}
    </nav>
  );
}
