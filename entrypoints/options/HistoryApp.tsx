import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messages';
import type { ReadingRecord } from '../../core/messaging/protocol';

export function HistoryApp() {
  const [readings, setReadings] = useState<ReadingRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('ui:getReadings', { limit: 100 })
      .then((reply) => setReadings(reply.readings))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  return (
    <main>
      <h1>Crosscount</h1>
      <section aria-labelledby="diagnostics-title">
        <h2 id="diagnostics-title">Diagnostics</h2>
        {error && <p role="alert">{error}</p>}
        {readings === null ? (
          <p>Loading…</p>
        ) : (
          <ul data-testid="readings">
            {readings.map((reading) => (
              <li key={reading.id}>
                {reading.site} {reading.path} — {reading.status}
                {reading.reason ? `: ${reading.reason}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
