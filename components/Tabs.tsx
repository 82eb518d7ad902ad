/**
 * Tabs with the WAI-ARIA keyboard pattern: arrows move between tabs (and select them), Home
 * and End jump, Tab goes into the panel. Only the selected panel is rendered.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

interface TabsProps<Id extends string> {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  children: ComponentChildren;
}

export function Tabs<Id extends string>({ idPrefix, label, tabs, selected, onSelect, children }: TabsProps<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelector<HTMLElement>(`#${idPrefix}-tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div class="cc-tabs">
      <div class="cc-tabs__list" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            class="cc-tabs__tab"
            data-testid={`${idPrefix}-tab-${tab.id}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="cc-tabs__panel" role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
