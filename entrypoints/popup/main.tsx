import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/page.css';
import './popup.css';
import { send } from '../../lib/messages';
import { t, uiLocale } from '../../components/i18n';
import { PopupApp } from './PopupApp';

document.documentElement.lang = uiLocale();
document.title = t('actionTitle');

const historyPage = browser.runtime.getURL('/options.html');

render(
  <PopupApp
    send={send}
    locale={uiLocale()}
    permissions={browser.permissions}
    openHistory={() => {
      void browser.runtime.openOptionsPage().then(() => window.close());
    }}
    historyHref={(trackId) => `${historyPage}#track=${encodeURIComponent(trackId)}`}
  />,
  document.getElementById('app')!,
);
