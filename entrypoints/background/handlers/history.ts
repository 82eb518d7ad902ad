/** The whole history: exported, imported from a file, deleted. */
import { HistoryFileError, parseHistoryFile } from '../../../core/history/parse';
import type { HandlerContext, HandlerGroup } from './context';

export function historyHandlers(context: HandlerContext): HandlerGroup<'ui:getHistory' | 'ui:importHistory' | 'ui:deleteAll'> {
  const { store, views } = context;
  return {
    async 'ui:getHistory'() {
      return (await store()).getHistory();
    },
    'ui:importHistory': context.write(async ({ fileName, text }) => {
      // Parsed before the store is touched: a refused file changes nothing.
      let history;
      try {
        history = parseHistoryFile(text);
      } catch (error) {
        if (error instanceof HistoryFileError && fileName) throw new Error(`${fileName}: ${error.message}`, { cause: error });
        throw error;
      }
      const opened = await store();
      const result = await opened.importHistory(history);
      try {
        await opened.autoLink();
      } finally {
        views.incremental.noteHistory(history);
        views.changed(true);
      }
      return result;
    }),
    'ui:deleteAll': context.write(async () => {
      await (await store()).deleteAll();
      views.incremental.noteAll();
      views.changed(true);
      return { deleted: true as const };
    }),
  };
}
