import { render } from 'preact';
import { browser } from 'wxt/browser';
import 'uplot/dist/uPlot.min.css';
import '../../components/theme.css';
import '../../components/page.css';
import './history.css';
import { send } from '../../lib/messages';
import { t, uiLocale } from '../../components/i18n';
import { HistoryApp } from './HistoryApp';

/** "#track=<id>" chooses the recording (the popup links here). */
function trackFromHash(): string | null {
  const match = /^#track=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

document.documentElement.lang = uiLocale();
document.title = t('pageTitleHistory');

render(
  <HistoryApp
    send={send}
    locale={uiLocale()}
    permissions={browser.permissions}
    initialTrackId={trackFromHash()}
    onTrackChange={(trackId) => history.replaceState(null, '', `#track=${encodeURIComponent(trackId)}`)}
  />,
  document.getElementById('app')!,
);
