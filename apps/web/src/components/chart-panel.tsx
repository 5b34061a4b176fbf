import { DownloadOutlined, LineChartOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space } from 'antd';
import { type ReactNode, useState } from 'react';

export interface ChartPanelProps {
  title: ReactNode;
  /** The chart; its table view shows the same numbers. */
  chart: ReactNode;
  table: ReactNode;
  onExport: () => void;
  extra?: ReactNode;
  'data-testid'?: string;
}

/** A card holding a chart with a 图表 / 表格 toggle and a CSV export, as every chart of the app has. */
export function ChartPanel({ title, chart, table, onExport, extra, 'data-testid': testId }: ChartPanelProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      title={title}
      size="small"
      data-testid={testId}
      extra={
        <Space wrap>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', icon: <LineChartOutlined />, label: '图表' },
              { value: 'table', icon: <TableOutlined />, label: '表格' },
            ]}
          />
          <Button size="small" icon={<DownloadOutlined />} onClick={onExport}>
            导出 CSV
          </Button>
        </Space>
      }
    >
      {view === 'chart' ? chart : table}
    </Card>
  );
}
