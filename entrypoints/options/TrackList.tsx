/** The history page's recording list with search (by title or ISRC). */
import { useMemo, useState } from 'preact/hooks';
import { eligibilityStatusWord } from '../../core/eligibility/status';
import type { RecordingSummary } from '../../core/views/types';
import { formatCount } from '../../components/format';

export interface TrackListProps {
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
    <nav class="hp-tracks" aria-label="Recordings">
      <label class="hp-tracks__search">
        <span>Search recordings</span>
        <input type="search" value={query} placeholder="Title or ISRC" onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)} />
      </label>
      <p class="cc-muted hp-tracks__count" aria-live="polite">
        {shown.length === sorted.length ? `${formatCount(sorted.length, locale)} recordings` : `${formatCount(shown.length, locale)} of ${formatCount(sorted.length, locale)} recordings`}
      </p>
      <ul class="hp-tracks__list" data-testid="track-list">
        {shown.map((recording) => {
          const trackId = recording.trackIds[0] ?? recording.key;
          const selected = recording.trackIds.includes(selectedTrackId ?? '');
          return (
            <li key={recording.key}>
              <button type="button" class="hp-tracks__item" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(trackId)}>
                <span class="hp-tracks__title">{recording.title || 'Untitled'}</span>
                <span class="hp-tracks__meta cc-muted">
                  {recording.isrc ?? 'no ISRC yet'} · {eligibilityStatusWord(recording.eligibility, locale)}
                  {recording.unexplainedDays > 0 ? ` · ${formatCount(recording.unexplainedDays, locale)} unexplained` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && sorted.length > 0 && <p class="cc-muted">No recording matches “{query}”.</p>}
    </nav>
  );
}
