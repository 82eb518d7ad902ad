/** A screen with nothing to show yet: one question answered, then exactly what to do. */
import type { ComponentChildren } from 'preact';
import { ELIGIBILITY_THRESHOLD } from '../core/eligibility/rules';
import { formatCount } from './format';
import { t, tParts, uiLocale } from './i18n';

export function EmptyState({ title, children, headingLevel = 2 }: { title: string; children: ComponentChildren; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="cc-empty" data-testid="empty-state">
      <Heading class="cc-empty__title">{title}</Heading>
      {children}
    </div>
  );
}

/** What a new artist does first (popup and history page say the same). */
export function FirstStepsList() {
  return (
    <ol class="cc-empty__steps">
      <li>{tParts('firstStepSpotify', { spotify: <strong>Spotify for Artists</strong>, music: <em>{t('firstStepMusic')}</em> })}</li>
      <li>{tParts('firstStepDistributor', { imusician: <strong>iMusician</strong>, trends: <em>{t('firstStepTrends')}</em> })}</li>
      <li>{t('firstStepBack', { threshold: formatCount(ELIGIBILITY_THRESHOLD, uiLocale()) })}</li>
    </ol>
  );
}
