import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/page.css';
import './welcome.css';
import { t, uiLocale } from '../../components/i18n';
import { POPUP_SHORTCUT } from '../../lib/shortcut';
import { send } from '../../lib/messages';
import { WelcomeApp } from './WelcomeApp';

document.documentElement.lang = uiLocale();
document.title = t('pageTitleWelcome');
render(
  <WelcomeApp historyHref={browser.runtime.getURL('/options.html')} shortcut={POPUP_SHORTCUT} send={send} permissions={browser.permissions} />,
  document.getElementById('app')!,
);
