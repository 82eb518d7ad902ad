/**
 * Small eligibility badges on a dashboard's songs list: for every row that links to a song the
 * store knows, "812 / 1,000" (or "Earning") beside the title, in its own closed shadow root (the page's scripts cannot read it), as text.
 */
import { t, uiLocale } from '../components/i18n';
import { ELIGIBILITY_THRESHOLD } from '../core/eligibility/rules';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SongBadge } from '../core/views/types';
import { formatCount } from '../components/format';
import { send } from './messages';

const BADGE_TAG = 'crosscount-badge';
const BADGE_CSS = `:host{all:initial;display:inline-block;margin-left:8px;vertical-align:middle}
span{font:600 12px/1.6 system-ui,sans-serif;padding:1px 8px;border-radius:999px;background:#eceef1;color:#3b4048;white-space:nowrap}
span.earning{background:#dcf3e4;color:#0f5c2e}
@media (prefers-color-scheme:dark){span{background:#2c3037;color:#d5d9e0}span.earning{background:#163d25;color:#a6e8bd}}`;

interface SongBadgeOptions {
  rows(): Element[];
  /** The song a row names (its link), or null. */
  songOf(row: Element): { id: string; anchor: Element } | null;
}

function badgeText(badge: SongBadge, locale: string): { text: string; title: string; earning: boolean } {
  const streams = badge.trailing12mStreams;
  const threshold = ELIGIBILITY_THRESHOLD;
  if (badge.eligible) return { text: t('badgeEarning', { streams }), title: t('badgeEarningTitle', { streams, threshold }), earning: true };
  const projected = badge.projectedEligibleDay ? ` ${t('badgeProjected', { threshold, day: { day: badge.projectedEligibleDay } })}` : '';
  return { text: `${formatCount(streams, locale)} / ${formatCount(threshold, locale)}`, title: t('badgeClimbingTitle', { streams, threshold }) + projected, earning: false };
}

/** Lists render after the navigation that shows them, and re-render when sorted: wait for quiet. */
const SETTLE_MS = 300;

function onlyOurs(records: MutationRecord[]): boolean {
  const ours = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  return records.every((record) => [...record.addedNodes, ...record.removedNodes].every(ours));
}

export function createSongBadges(ctx: ContentScriptContext, options: SongBadgeOptions) {
  const placed: Element[] = [];
  const clear = () => placed.splice(0).forEach((element) => element.remove());
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    observer?.disconnect();
    observer = null;
    clearTimeout(timer);
    clear();
  }
  ctx.onInvalidated(stop);

  const badges = {
    /** Shows badges on the list now and whenever the page changes it; `stop` ends it. */
    start(): void {
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(() => void badges.refresh().catch(() => undefined), SETTLE_MS);
      };
      if (!observer) {
        observer = new MutationObserver((records) => {
          if (!onlyOurs(records)) schedule();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }
      schedule();
    },
    stop,
    async refresh(): Promise<void> {
      const songs = options.rows().flatMap((row) => options.songOf(row) ?? []);
      if (songs.length === 0) return clear();
      const { badges } = await send('cs:songBadges', { spotifyTrackIds: [...new Set(songs.map((song) => song.id))].slice(0, 500) });
      clear();
      for (const song of songs) {
        // Own keys only: a song id read from the page never reaches Object.prototype.
        const badge = Object.hasOwn(badges, song.id) ? badges[song.id] : undefined;
        if (!badge) continue;
        const { text, title, earning } = badgeText(badge, uiLocale());
        const host = document.createElement(BADGE_TAG);
        host.dataset.testid = 'crosscount-badge';
        const shadow = host.attachShadow({ mode: 'closed' });
        const style = document.createElement('style');
        style.textContent = BADGE_CSS;
        const label = document.createElement('span');
        label.textContent = text;
        label.title = title;
        if (earning) label.className = 'earning';
        shadow.append(style, label);
        song.anchor.after(host);
        placed.push(host);
      }
    },
  };
  return badges;
}
