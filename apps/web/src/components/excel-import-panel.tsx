import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ExcelImportResult } from '@ecep/contract';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorText } from '../api';
import { type ImportIssue, type ImportMode, importIssuesOf } from '../lib/xlsx-transfer';

function IssuesTable({ issues }: { issues: ImportIssue[] }) {
  return (
    <Table<ImportIssue>
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
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState<ExcelImportResult | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: ImportIssue[] } | null>(null);

  const upload = async (f: File, mode: ImportMode) => {
    setBusy(true);
    try {
      const result = await onUpload(f, mode);
      setOk(result);
      setRefused(null);
      onImported?.();
    } catch (err) {
      setOk(null);
      setRefused({ message: errorText(err), issues: importIssuesOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={title} extra={extra}>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => onTemplate().catch((e) => message.error(errorText(e)))}
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
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            上传填好的模板（全部正确才写入）
          </Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        任何一行有误则不写入任何数据，并列出每一处错误（行、列、表头、原因）；也可确认后仅导入正确的行。
      </Typography.Paragraph>
      {ok && (
        <Alert
          type={ok.rejected > 0 ? 'warning' : 'success'}
          showIcon
          title={`${file?.name ?? ''}：共 ${ok.rows} 行，写入 ${ok.written} 条${ok.rejected ? `，未写入 ${ok.rejected} 行` : ''}`}
          description={ok.issues.length > 0 && <IssuesTable issues={ok.issues} />}
        />
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          title={`${file?.name ?? ''} 未导入：${refused.message}`}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              {refused.issues.length > 0 && <IssuesTable issues={refused.issues} />}
              {file && refused.issues.some((i) => i.row > 0) && (
                <Popconfirm
                  title="仅导入正确的行？"
                  description="有错误的行不会写入，可修改后再次上传。"
                  okText="确认"
                  cancelText="取消"
                  onConfirm={() => upload(file, 'valid-rows')}
                >
                  <Button loading={busy}>接受：仅导入正确的行</Button>
                </Popconfirm>
              )}
            </Space>
          }
        />
      )}
    </Card>
  );
}
