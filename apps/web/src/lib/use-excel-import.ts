import type { ExcelImportResult } from '@ecep/contract';
import { useState } from 'react';
import { errorText } from '../api';
import { type ImportIssue, type ImportMode, importIssuesOf } from './xlsx-transfer';

/** What happened to the last upload. */
export type ImportOutcome =
  | { kind: 'ok'; result: ExcelImportResult; fileName: string }
  | { kind: 'refused'; message: string; issues: ImportIssue[]; fileName: string };

export interface ExcelImport {
  /** The file last chosen (kept so that its valid rows alone can be imported after a refusal). */
  file: File | null;
  busy: boolean;
  outcome: ImportOutcome | null;
  /** Takes a chosen file and uploads it all-or-nothing. */
  choose: (file: File) => void;
  upload: (file: File, mode: ImportMode) => Promise<void>;
}

/** The state of an Excel template upload: all-or-nothing first, then, if the user accepts, the valid rows alone. */
export function useExcelImport(
  onUpload: (file: File, mode: ImportMode) => Promise<ExcelImportResult>,
  onImported?: () => void,
): ExcelImport {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const upload = async (f: File, mode: ImportMode) => {
    setBusy(true);
    try {
      const result = await onUpload(f, mode);
      setOutcome({ kind: 'ok', result, fileName: f.name });
      onImported?.();
    } catch (err) {
      setOutcome({ kind: 'refused', message: errorText(err), issues: importIssuesOf(err), fileName: f.name });
    } finally {
      setBusy(false);
    }
  };
  const choose = (f: File) => {
    setFile(f);
    void upload(f, 'all-or-nothing');
  };
  return { file, busy, outcome, choose, upload };
}
