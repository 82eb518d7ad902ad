/**
 * Linking by hand: a Spotify for Artists track whose ISRC Crosscount could not find joins the
 * recording the artist picks, so both counts are compared and count together; and undoing it.
 */
import { t } from '../../components/i18n';
import { useEffect, useState } from 'preact/hooks';
import { sourceName } from '../../core/compare/format';
import type { Track } from '../../core/model/schema';
import { failureText, type Send } from '../../components/send';
import { linkCandidates, linkedTracks, unlinkedSpotifyTracks } from './linking';

interface LinkingSectionProps {
  send: Send;
  version: number;
  announce: (message: string) => void;
  onChanged: (trackId: string) => void;
}

export function LinkingSection({ send, version, announce, onChanged }: LinkingSectionProps) {
  const [tracks, setTracks] = useState<Track[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    send('ui:listTracks', {})
      .then((reply) => live && (setTracks(reply.tracks), setError(null)))
      .catch((failure: unknown) => live && setError(failureText(failure)));
    return () => {
      live = false;
    };
  }, [send, version]);

  const act = async (action: () => Promise<{ trackId: string }>, done: string) => {
    try {
      const { trackId } = await action();
      setError(null);
      announce(done);
      onChanged(trackId);
    } catch (failure) {
      setError(t('linkFailed', { error: failureText(failure) }));
    }
  };

  const unlinked = tracks ? unlinkedSpotifyTracks(tracks) : [];
  const candidates = tracks ? linkCandidates(tracks) : [];
  const linked = tracks ? linkedTracks(tracks) : [];
  return (
    <section id="linking" class="hp-section" aria-labelledby="linking-title">
      <h2 id="linking-title">{t('linkTitle')}</h2>
      <p class="cc-muted">
        {t('linkIntro')}
      </p>
      {error && (
        <p class="cc-alert" role="alert">
          {error}
        </p>
      )}
      {tracks === null && !error && <p class="cc-muted">{t('linkLoading')}</p>}
      {tracks !== null && unlinked.length === 0 && (
        <p>{tracks.some((track) => track.spotifyTrackIds.length > 0) ? t('linkAllLinked') : t('linkNoSong')}</p>
      )}
      {unlinked.length > 0 && (
        <ul class="hp-linklist" data-testid="unlinked-tracks">
          {unlinked.map((track) => (
            <LinkRow key={track.id} track={track} candidates={candidates} onLink={(isrc) => act(() => send('ui:linkTrack', { trackId: track.id, isrc }), t('linkDone', { title: track.title, isrc }))} />
          ))}
        </ul>
      )}
      {linked.length > 0 && (
        <>
          <h3>{t('linkLinked')}</h3>
          <ul class="hp-linklist" data-testid="linked-tracks">
            {linked.map((track) => (
              <li key={track.id} class="hp-linkrow">
                <span>
                  <strong>{track.title || t('untitled')}</strong> <span class="cc-muted">Spotify for Artists ↔ ISRC {track.isrc}</span>
                </span>
                <button
                  type="button"
                  class="cc-button"
                  aria-label={t('linkUnlinkLabel', { title: track.title, isrc: track.isrc ?? '' })}
                  onClick={() => act(() => send('ui:unlinkTrack', { trackId: track.id }), t('linkUnlinkDone', { title: track.title }))}
                >
                  {t('linkUnlink')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LinkRow({ track, candidates, onLink }: { track: Track; candidates: ReturnType<typeof linkCandidates>; onLink: (isrc: string) => void }) {
  const [isrc, setIsrc] = useState('');
  const selectId = `link-${track.id}`;
  return (
    <li class="hp-linkrow">
      <label for={selectId}>
        <strong>{track.title || t('untitled')}</strong>
        {track.artists.length > 0 && <span class="cc-muted"> · {track.artists.join(', ')}</span>}
        <span class="cc-visually-hidden"> {t('linkIsTheRecording')}</span>
      </label>
      {candidates.length === 0 ? (
        <span class="cc-muted">{t('linkNoCandidate')}</span>
      ) : (
        <>
          <select id={selectId} value={isrc} onChange={(event) => setIsrc((event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('linkChoose')}</option>
            {candidates.map((candidate) => (
              <option key={candidate.isrc} value={candidate.isrc}>
                {candidate.title} — {candidate.isrc}
                {candidate.distributors.length > 0 ? ` (${candidate.distributors.map(sourceName).join(', ')})` : ''}
              </option>
            ))}
          </select>
          <button type="button" class="cc-button cc-button--primary" disabled={!isrc} onClick={() => onLink(isrc)}>
            {t('linkButton')}
          </button>
        </>
      )}
    </li>
  );
}
