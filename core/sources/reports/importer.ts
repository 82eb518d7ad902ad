/**
 * What every report-file importer offers. The CLI's `import` command and the extension's file
 * import both go through this; the CLI's format registry is meant to unify with it.
 */
import type { History } from '../../model/history';

export interface ReadReportOptions {
  /** When the file is imported (canonical ISO instant): every observation's `observedAt`. */
  importedAt: string;
}

export interface FileImporter {
  /** The distributor id, also the observations' `source`: "imusician", "distrokid", … */
  id: string;
  /** For people: "DistroKid earnings report". */
  label: string;
  /** True when the file looks like this importer's format (headers); never throws. */
  detect(bytes: Uint8Array, fileName: string): boolean;
  /** The file's `streams_month` observations and their tracks; throws ReportFileError. */
  read(bytes: Uint8Array, fileName: string, options: ReadReportOptions): History;
}
