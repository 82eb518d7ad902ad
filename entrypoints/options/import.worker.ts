/**
 * The history page's import worker: reads the chosen files off the page's main thread
 * (import-session.ts), reports progress, and on confirmation merges them into the history
 * file the page sends to the background. The page stops it (`terminate`) to cancel: nothing
 * is stored by the worker, so a cancelled import leaves the store as it was.
 */
import { ImportSession, type ChosenFile, type ImportProgress } from './import-session';
import type { WorkerReply, WorkerRequest } from './import-reader';

const session = new ImportSession();
const scope = self as unknown as { postMessage(message: WorkerReply): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

scope.onmessage = (event) => {
  const request = event.data;
  void (async () => {
    try {
      if (request.type === 'read') {
        const summaries = await session.read(request.files as readonly ChosenFile[], new Date(request.now), (progress: ImportProgress) => scope.postMessage({ type: 'progress', progress }));
        scope.postMessage({ type: 'read', summaries });
      } else {
        scope.postMessage({ type: 'payload', payload: session.payload(new Date(request.now)) });
      }
    } catch (error) {
      scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
