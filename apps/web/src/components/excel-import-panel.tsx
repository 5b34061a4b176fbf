import type { ExcelImportResult } from '@ecep/contract';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useExcelImport } from '../lib/use-excel-import';
import type { ImportMode } from '../lib/xlsx-transfer';
import { ExcelUploadButtons } from './excel-upload-buttons';
import { ImportOutcomeAlert } from './import-outcome-alert';

export interface ExcelImportPanelProps {
  title: string;
  onTemplate: () => Promise<void>;
  onUpload: (file: File, mode: ImportMode) => Promise<ExcelImportResult>;
  onImported?: () => void;
  extra?: ReactNode;
}

/**
 * Template download and upload of a filled template: all-or-nothing first (every row problem listed with row,
 * column, header and reason), then — only if the user accepts explicitly — the valid rows alone.
 */
export function ExcelImportPanel({ title, onTemplate, onUpload, onImported, extra }: ExcelImportPanelProps) {
  const excel = useExcelImport(onUpload, onImported);
  return (
    <Card size="small" title={title} extra={extra}>
      <ExcelUploadButtons onTemplate={onTemplate} excel={excel} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        任何一行有误则不写入任何数据，并列出每一处错误（行、列、表头、原因）；也可确认后仅导入正确的行。
      </Typography.Paragraph>
      <ImportOutcomeAlert excel={excel} />
    </Card>
  );
}
