/** The artist's settings. */
import type { HandlerContext, HandlerGroup } from './context';

export function settingsHandlers(context: HandlerContext): HandlerGroup<'ui:getSettings' | 'ui:setSettings'> {
  const { store, views } = context;
  return {
    async 'ui:getSettings'() {
      return (await store()).getSettings();
    },
    'ui:setSettings': context.write(async (patch) => {
      const settings = await (await store()).setSettings(patch);
      // No data changed: the settings are among the overview's inputs (core/views/overview-cache.ts).
      views.changed(true);
      return settings;
    }),
  };
}
