/**
 * Where the history page's import runs: in a Web Worker (import.worker.ts, bundled by Vite's
 * `?worker` import: WXT defines `import.meta.url` as `self.location.href`, which hides
 * `new Worker(new URL(…, import.meta.url))` from the bundler), or in the page where there are no
 * workers (the unit tests' DOM). Both give the same ImportReader.
 */
import ImportWorker from './import.worker.ts?worker';
import { ImportSession, type FileSummary, type ImportProgress } from './import-session';

export type WorkerRequest = { type: 'read'; files: readonly File[]; now: string } | { type: 'payload'; now: string };
export type WorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'read'; summaries: FileSummary[] }
  | { type: 'payload'; payload: { fileName: string; text: string } | null }
  | { type: 'failed'; message: string };

export interface ImportReader {
  read(files: readonly File[], now: Date, onProgress: (progress: ImportProgress) => void): Promise<FileSummary[]>;
  payload(now: Date): Promise<{ fileName: string; text: string } | null>;
  /** Stops the reading at once; what was read is dropped. */
  stop(): void;
}

function inPage(): ImportReader {
  const session = new ImportSession();
  let stopped = false;
  return {
    async read(files, now, onProgress) {
      const summaries = await session.read(files, now, (progress) => {
        if (!stopped) onProgress(progress);
      });
      return summaries;
    },
    payload: async (now) => session.payload(now),
    stop: () => void (stopped = true),
  };
}

function inWorker(): ImportReader {
  const worker: Worker = new ImportWorker();
  let onProgress: (progress: ImportProgress) => void = () => undefined;
  let pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') return onProgress(reply.progress);
    const waiting = pending;
    pending = null;
    if (reply.type === 'failed') waiting?.reject(new Error(reply.message));
    else waiting?.resolve(reply);
  };
  worker.onerror = (event) => {
    const waiting = pending;
    pending = null;
    waiting?.reject(new Error(event.message || 'the import worker stopped'));
  };
  const ask = (request: WorkerRequest) =>
    new Promise<WorkerReply>((resolve, reject) => {
      pending = { resolve, reject };
      worker.postMessage(request);
    });
  return {
    async read(files, now, progress) {
      onProgress = progress;
      const reply = await ask({ type: 'read', files, now: now.toISOString() });
      return reply.type === 'read' ? reply.summaries : [];
    },
    async payload(now) {
      const reply = await ask({ type: 'payload', now: now.toISOString() });
      return reply.type === 'payload' ? reply.payload : null;
    },
    stop() {
      worker.terminate();
      pending = null;
    },
  };
}

export function createImportReader(): ImportReader {
  return typeof Worker === 'undefined' ? inPage() : inWorker();
}
