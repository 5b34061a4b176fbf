import { Alert, Button, Popconfirm, Space } from 'antd';
import type { ExcelImport } from '../lib/use-excel-import';
import { ImportIssuesTable } from './import-issues-table';

export interface ImportOutcomeAlertProps {
  excel: ExcelImport;
  /** `ledger` → data-testid `ledger-import-result`, `ledger-import-errors`, `ledger-import-issues`… */
  testIdPrefix?: string;
  /** Said after the count of rows not written, e.g. 「（见下表）」. */
  rejectedNote?: string;
  /** The confirm button of 「仅导入正确的行？」. */
  acceptOkText?: string;
}

/**
 * The last upload's outcome: what was written (and which rows were not), or why nothing was, every row problem,
 * and — for row problems — the choice to import only the valid rows.
 */
export function ImportOutcomeAlert({
  excel,
  testIdPrefix,
  rejectedNote = '',
  acceptOkText = '确认',
}: ImportOutcomeAlertProps) {
  const { outcome, file, busy } = excel;
  const testId = (name: string) => testIdPrefix && `${testIdPrefix}-import-${name}`;
  if (!outcome) return null;
  if (outcome.kind === 'ok') {
    const { result } = outcome;
    return (
      <Alert
        type={result.rejected > 0 ? 'warning' : 'success'}
        showIcon
        data-testid={testId('result')}
        title={`${outcome.fileName}：共 ${result.rows} 行，写入 ${result.written} 条${
          result.rejected > 0 ? `，未写入 ${result.rejected} 行${rejectedNote}` : ''
        }`}
        description={
          result.issues.length > 0 && <ImportIssuesTable issues={result.issues} testId={testId('rejected')} />
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId('errors')}
      title={`${outcome.fileName} 未导入：${outcome.message}`}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {outcome.issues.length > 0 && (
            <ImportIssuesTable issues={outcome.issues} testId={testId('issues')} />
          )}
          {file && outcome.issues.some((i) => i.row > 0) && (
            <Popconfirm
              title="仅导入正确的行？"
              description="有错误的行不会写入，可修改后再次上传。"
              okText={acceptOkText}
              cancelText="取消"
              onConfirm={() => excel.upload(file, 'valid-rows')}
            >
              <Button loading={busy} data-testid={testId('valid-rows')}>
                接受：仅导入正确的行
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    />
  );
}
