/**
 * The panel's question on a dashboard the artist added when nothing reads it yet (issue 17):
 * the best candidate series in plain words, each beside what the page itself renders, and
 * "which one is the daily streams, and for which store?". Nothing is stored before the answer.
 * A saved recipe that no longer matches says so and why. Text only: titles and store names
 * from the page are parameters shown as text (core/recipes/describe.ts).
 */
import { useState } from 'preact/hooks';
import type { CandidateOffer } from '../../core/messaging/taught';
import type { PageCheckResult } from '../../core/taught-page-check';
import type { Message } from '../../core/i18n/message';
import { formatMessage, t } from '../i18n';

/** The stores the artist can name when the response names none (brand names, the same in every language). */
export const STORE_CHOICES: ReadonlyArray<readonly [id: string, name: string]> = [
  ['spotify', 'Spotify'],
  ['apple', 'Apple Music'],
  ['amazon', 'Amazon Music'],
  ['deezer', 'Deezer'],
  ['youtube', 'YouTube'],
  ['tidal', 'TIDAL'],
];

export interface TeachOffer {
  offer: CandidateOffer;
  /** How the series compares with what the page renders (core/taught-page-check.ts). */
  check: PageCheckResult;
}

export type TeachStatus = { kind: 'asking' } | { kind: 'saving' } | { kind: 'failed'; error: string } | { kind: 'declined' };

export interface TeachPanelProps {
  offers: readonly TeachOffer[];
  /** Why other series in the page's data were not offered. */
  refusals: readonly Message[];
  /** A saved recipe that read nothing from this page: its name and why. */
  noMatch: { name: string; words: Message } | null;
  status: TeachStatus;
  onConfirm(candidateId: string, store: string | null): void;
  onDecline(): void;
  onSaveSample?(): void;
}

function CheckLine({ check }: { check: PageCheckResult }) {
  const text =
    check.kind === 'numbers' ? t('teachPageShows', { shown: check.shown, total: check.count }) : check.kind === 'total' ? t('teachPageTotal', { total: check.total }) : t('teachPageNothing');
  return (
    <span class={check.kind === 'nothing' ? 'cc-muted cc-teach__check' : 'cc-teach__check'} data-testid="teach-check">
      {text}
    </span>
  );
}

function SampleButton({ onSaveSample }: { onSaveSample?: () => void }) {
  return onSaveSample ? (
    <button type="button" class="cc-link" onClick={onSaveSample}>
      {t('overlaySaveSample')}
    </button>
  ) : null;
}

export function TeachPanel(props: TeachPanelProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [store, setStore] = useState('');
  const { offers, status } = props;
  const selected = offers.find((each) => each.offer.id === chosen) ?? offers[0];
  const needsStore = selected !== undefined && selected.offer.store === null;
  const busy = status.kind === 'saving';
  return (
    <div class="cc-teach" data-testid="teach-panel">
      {props.noMatch ? (
        <p role="status" data-testid="teach-no-match">
          {t('teachNoMatch', { name: props.noMatch.name, reason: { text: props.noMatch.words } })}
        </p>
      ) : null}
      {status.kind === 'declined' ? (
        <p>
          {t('teachDeclined')} <SampleButton onSaveSample={props.onSaveSample} />
        </p>
      ) : offers.length === 0 ? (
        props.noMatch ? null : (
          <p data-testid="teach-nothing">
            {t('teachNothingFound')} <SampleButton onSaveSample={props.onSaveSample} />
          </p>
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (selected && !busy && !(needsStore && store === '')) props.onConfirm(selected.offer.id, needsStore ? store : null);
          }}
        >
          <fieldset class="cc-teach__choices" disabled={busy}>
            <legend>{t('teachQuestion')}</legend>
            {offers.map(({ offer, check }) => (
              <label key={offer.id} class="cc-teach__choice" data-testid="teach-candidate">
                <input type="radio" name="cc-candidate" value={offer.id} checked={offer.id === selected?.offer.id} onChange={() => setChosen(offer.id)} />
                <span>
                  {formatMessage(offer.words)} <CheckLine check={check} />
                </span>
              </label>
            ))}
          </fieldset>
          {needsStore ? (
            <label class="cc-teach__store">
              {t('teachStoreQuestion')}{' '}
              <select value={store} onChange={(event) => setStore((event.currentTarget as HTMLSelectElement).value)} disabled={busy} data-testid="teach-store">
                <option value="">{t('teachStoreChoose')}</option>
                {STORE_CHOICES.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
                <option value="all">{t('recipeStoreAll')}</option>
              </select>
            </label>
          ) : null}
          <p class="cc-muted">{t('teachNothingStoredYet')}</p>
          <p class="cc-teach__actions">
            <button type="submit" class="cc-toggle" disabled={busy || (needsStore && store === '')} data-testid="teach-confirm">
              {busy ? t('teachSaving') : t('teachConfirm')}
            </button>{' '}
            <button type="button" class="cc-link" onClick={props.onDecline} disabled={busy} data-testid="teach-decline">
              {t('teachDecline')}
            </button>
          </p>
          {status.kind === 'failed' ? <p role="alert">{t('teachFailed', { error: status.error })}</p> : null}
        </form>
      )}
      {props.refusals.length > 0 && status.kind !== 'declined' ? (
        <details class="cc-teach__refusals">
          <summary>{t('teachRefusedTitle')}</summary>
          <ul>
            {props.refusals.map((words, index) => (
              <li key={index}>{formatMessage(words)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
