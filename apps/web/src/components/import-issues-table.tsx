import { Table } from 'antd';
import type { ImportIssue } from '../lib/xlsx-transfer';

/** Every row problem of an import: row, column, header and reason, as the server reports them. */
export function ImportIssuesTable({ issues, testId }: { issues: ImportIssue[]; testId?: string }) {
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
