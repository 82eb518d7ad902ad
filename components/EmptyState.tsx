/** A screen with nothing to show yet: one question answered, then exactly what to do. */
import type { ComponentChildren } from 'preact';

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
      <li>
        Open <strong>Spotify for Artists</strong>, go to <em>Music</em> and open a song's stats: Crosscount reads the daily streams shown there.
      </li>
      <li>
        Open <strong>iMusician</strong> and visit the <em>Trends</em> page for the same song: Crosscount reads the distributor's daily counts.
      </li>
      <li>Come back here: each recording appears with both counts side by side and its way to 1,000 streams.</li>
    </ol>
  );
}
