/**
 * Import on the history page: files are read here, in the page, with the same registry the
 * CLI uses (history files, Spotify for Artists downloads, distributor reports), so the artist
 * sees what each file adds before anything is stored. The files that were read are merged and
 * sent to the background as one history file (ui:importHistory), which stores all or nothing.
 */
import { InputFileError } from '../../core/history/input-error';
import { mergeHistories } from '../../core/history/merge';
import { writeHistoryFile } from '../../core/history/write';
import { importFileDescribed } from '../../core/import/registry';
import type { Day } from '../../core/model/day';
import type { History } from '../../core/model/history';
import type { Message } from '../../core/i18n/message';
import { message } from '../../core/i18n/typed';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

export type FilePreview =
  | {
      fileName: string;
      ok: true;
      /** What the file was recognised as: the importer's name ("history", "spotify-csv", "imusician" …), phrased by the screen. */
      format: string;
      history: History;
      tracks: number;
      observations: number;
      firstDay: Day | null;
      lastDay: Day | null;
      /** The dashboards and distributors the counts come from ("spotify", "imusician" …). */
      sources: string[];
    }
  /** Why the file cannot be read, phrased by the screen (docs/i18n.md). */
  | { fileName: string; ok: false; error: Message };

function preview(fileName: string, format: string, history: History): FilePreview {
  let firstDay: Day | null = null;
  let lastDay: Day | null = null;
  const sources = new Set<string>();
  for (const obs of history.observations) {
    if (firstDay === null || obs.day < firstDay) firstDay = obs.day;
    if (lastDay === null || obs.day > lastDay) lastDay = obs.day;
    sources.add(obs.source);
  }
  return { fileName, ok: true, format, history, tracks: history.tracks.length, observations: history.observations.length, firstDay, lastDay, sources: [...sources].sort() };
}

/** Reads every file on its own: one bad file is reported and does not stop the others. */
export async function readImportFiles(files: readonly FileInput[], now: Date): Promise<FilePreview[]> {
  const previews: FilePreview[] = [];
  for (const file of files) {
    try {
      const { history, name: format } = await importFileDescribed(file.bytes, file.name, { now });
      previews.push(preview(file.name, format, history));
    } catch (error) {
      previews.push({ fileName: file.name, ok: false, error: importProblem(error) });
    }
  }
  return previews;
}

/** Bad input names its problem and place; anything else is a bug, still shown (in its own words) rather than lost. */
export function importProblem(error: unknown): Message {
  if (error instanceof InputFileError) return error.detail;
  return message('fileProblemAsIs', { text: error instanceof Error ? error.message : String(error) });
}

/** The files that were read, merged into one history file for the background. */
export function importPayload(previews: readonly FilePreview[], now: Date): { fileName: string; text: string } | null {
  const good = previews.filter((entry): entry is Extract<FilePreview, { ok: true }> => entry.ok);
  if (good.length === 0) return null;
  const merged = mergeHistories(...good.map((entry) => entry.history));
  return { fileName: good.map((entry) => entry.fileName).join(', ').slice(0, 500), text: writeHistoryFile(merged, now) };
}
