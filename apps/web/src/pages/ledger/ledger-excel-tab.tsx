import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ExcelImportResult } from '@ecep/contract';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { type ImportIssue, type ImportMode, importIssuesOf } from '../../lib/xlsx-transfer';
import { downloadLedgerTemplate, exportLedger, importLedger } from './ledger-api';
import { canWriteLedger, LedgerFilterBar, useLedgerFilters } from './ledger-entries-tab';

/** Every row problem of an import: row, column, header and reason, as the server reports them. */
export function ImportIssuesTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  return (
    <Table<ImportIssue>
      data-testid={testId}
      size="small"
      bordered
      rowKey={(i) => `${i.row}-${i.column}-${i.reason}`}
      dataSource={issues}
      pagination={issues.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { title: '行', dataIndex: 'row', width: 70, render: (r: number) => (r === 0 ? '文件' : r) },
        { title: '列', dataIndex: 'column', width: 60 },
        { title: '表头', dataIndex: 'header', width: 200 },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}

/** What happened to the last upload. */
type Outcome =
  | { kind: 'ok'; result: ExcelImportResult; fileName: string }
  | { kind: 'refused'; message: string; issues: ImportIssue[]; fileName: string };

/**
 * Excel: download the template, upload a filled one (all-or-nothing: nothing is written unless every row is
 * right; every row problem listed), then optionally accept writing only the valid rows; export with the filters.
 */
export function LedgerExcelTab({ onImported }: { onImported?: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const { query } = useLedgerFilters();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const writer = canWriteLedger(me.role);

  const upload = async (f: File, mode: ImportMode) => {
    setBusy(true);
    try {
      const result = await importLedger(f, mode);
      setOutcome({ kind: 'ok', result, fileName: f.name });
      onImported?.();
    } catch (err) {
      setOutcome({ kind: 'refused', message: errorText(err), issues: importIssuesOf(err), fileName: f.name });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {writer && (
        <Card size="small" title="导入台账">
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              data-testid="ledger-template"
              onClick={() => downloadLedgerTemplate().catch((e) => message.error(errorText(e)))}
            >
              下载导入模板
            </Button>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                void upload(f, 'all-or-nothing');
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="ledger-upload">
                上传填好的模板（全部正确才写入）
              </Button>
            </Upload>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            默认“全部或全不”：任何一行有误则不写入任何数据，并列出每一处错误（行、列、表头、原因）。已有该期台账且数值不同时视为更正，须填写“更正原因”。
          </Typography.Paragraph>
        </Card>
      )}
      {outcome?.kind === 'ok' && (
        <Alert
          type={outcome.result.rejected > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="ledger-import-result"
          title={`${outcome.fileName}：共 ${outcome.result.rows} 行，写入 ${outcome.result.written} 条${
            outcome.result.rejected > 0 ? `，未写入 ${outcome.result.rejected} 行（见下表）` : ''
          }`}
          description={
            outcome.result.issues.length > 0 && (
              <ImportIssuesTable issues={outcome.result.issues} testId="ledger-import-rejected" />
            )
          }
        />
      )}
      {outcome?.kind === 'refused' && (
        <Alert
          type="error"
          showIcon
          data-testid="ledger-import-errors"
          title={`${outcome.fileName} 未导入：${outcome.message}`}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              {outcome.issues.length > 0 && (
                <ImportIssuesTable issues={outcome.issues} testId="ledger-import-issues" />
              )}
              {file && outcome.issues.some((i) => i.row > 0) && (
                <Popconfirm
                  title="仅导入正确的行？"
                  description="有错误的行不会写入，可修改后再次上传。"
                  okText="确认导入正确的行"
                  cancelText="取消"
                  onConfirm={() => upload(file, 'valid-rows')}
                >
                  <Button loading={busy} data-testid="ledger-import-valid-rows">
                    接受：仅导入正确的行
                  </Button>
                </Popconfirm>
              )}
            </Space>
          }
        />
      )}
      <Card size="small" title="导出台账">
        <LedgerFilterBar />
        <Button
          icon={<DownloadOutlined />}
          data-testid="ledger-export"
          onClick={() => exportLedger(query).catch((e) => message.error(`导出失败：${errorText(e)}`))}
        >
          按当前筛选导出 Excel
        </Button>
      </Card>
    </Space>
  );
}
