import type { Enterprise } from '@ecep/contract';
import { Table, type TableColumnsType, Typography } from 'antd';
import { regionLabel } from '../../lib/region-path';
import { EnterpriseFlags } from './enterprise-flags';

const columns: TableColumnsType<Enterprise> = [
  {
    title: '企业名称',
    dataIndex: 'name',
    onCell: () => ({ 'data-testid': 'enterprise-name' }) as React.TdHTMLAttributes<HTMLTableCellElement>,
    render: (name: string, e) => (
      <Typography.Link>
        <span data-testid="enterprise-name-text">{name}</span>
        {e.isDemo && (
          <Typography.Text type="warning" style={{ marginLeft: 6, fontSize: 12 }}>
            [演示]
          </Typography.Text>
        )}
      </Typography.Link>
    ),
  },
  {
    title: '统一社会信用代码',
    dataIndex: 'creditCode',
    width: 200,
    render: (code: string) => <span className="ecep-mono">{code}</span>,
  },
  {
    title: '所在地区',
    key: 'region',
    width: 180,
    render: (_, e) => regionLabel(e),
    onCell: () => ({ 'data-testid': 'enterprise-region' }) as React.TdHTMLAttributes<HTMLTableCellElement>,
  },
  {
    title: '所属行业',
    key: 'industry',
    render: (_, e) => `${e.industryCode} ${e.industryName}`,
  },
  { title: '标识', key: 'flags', width: 220, render: (_, e) => <EnterpriseFlags enterprise={e} /> },
];

export interface EnterpriseTableProps {
  items: Enterprise[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (e: Enterprise) => void;
}

export function EnterpriseTable({
  items,
  total,
  page,
  pageSize,
  loading,
  onPage,
  onOpen,
}: EnterpriseTableProps) {
  return (
    <div data-testid="enterprise-table">
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        rowClassName={() => 'ecep-clickable-row'}
        onRow={(e) =>
          ({ onClick: () => onOpen(e), 'data-testid': 'enterprise-row' }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 家企业`,
          onChange: onPage,
        }}
        locale={{ emptyText: '没有符合条件的企业' }}
        scroll={{ x: 960 }}
      />
    </div>
  );
}
