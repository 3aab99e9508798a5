/**
 * The row of an import being written: the case rules and the journal treat that write as the
 * registration of a case from the old register (see ../rules/complaint.ts and ../document-middlewares/journal.ts).
 */
import { AsyncLocalStorage } from 'async_hooks';
import { processWide } from '../utils/process-wide';

export interface ImportSource {
  /** The file's name as the user gave it. */
  file: string;
  /** The row's number in the file. */
  row: number;
}

const scope = processWide('import.source', () => new AsyncLocalStorage<ImportSource>());

export function runImportRow<T>(source: ImportSource, fn: () => T): T {
  return scope.run(source, fn);
}

/** The import row being written, if the current write is one. */
export function currentImport(): ImportSource | undefined {
  return scope.getStore();
}
