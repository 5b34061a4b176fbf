import { DownloadOutlined } from '@ant-design/icons';
import type { RateList } from '@ecep/contract';
import { Alert, Button, Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { errorText } from '../../api';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { monitoringApi } from './monitoring-api';

type RateRow = RateList['items'][number];

const csvColumns: CsvColumn<RateRow>[] = [
  { title: '日期（北京时间）', value: (r) => r.day },
  { title: '应收分钟数（条）', value: (r) => r.expected },
  { title: '实收分钟数（条）', value: (r) => r.received },
  { title: '有效分钟数（条）', value: (r) => r.valid },
  { title: '传输率（%）', value: (r) => r.transmissionRatePct },
  { title: '有效率（%）', value: (r) => r.validityRatePct },
  { title: '有效传输率（%）', value: (r) => r.effectiveTransmissionRatePct },
];

/** 数据传输率、有效率 and 有效传输率 per day of the last 7 days (today up to now). */
export function RatesPanel({ mn }: { mn: string }) {
  const fetcher = useCallback(() => {
    const to = dayjs().startOf('minute');
    return monitoringApi.rates(mn, {
      from: to.subtract(6, 'day').startOf('day').toISOString(),
      to: to.toISOString(),
    });
  }, [mn]);
  const { data, loading, error } = useApiData(fetcher);
  const rows = [...(data?.items ?? [])].reverse();

  return (
    <Card
      size="small"
      title="数据传输率与有效率（按日，分钟数据 CN 2051）"
      data-testid="rates-panel"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => downloadCsv(`${mn}-传输有效率`, toCsv(csvColumns, rows))}
        >
          导出 CSV
        </Button>
      }
    >
      {error !== null && <Alert type="error" showIcon title={`传输率加载失败：${errorText(error)}`} />}
      <Table<RateRow>
        rowKey="day"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '应收（条）', dataIndex: 'expected', align: 'right' },
          { title: '实收（条）', dataIndex: 'received', align: 'right' },
          { title: '有效（条）', dataIndex: 'valid', align: 'right' },
          { title: '传输率（%）', dataIndex: 'transmissionRatePct', align: 'right' },
          { title: '有效率（%）', dataIndex: 'validityRatePct', align: 'right' },
          { title: '有效传输率（%）', dataIndex: 'effectiveTransmissionRatePct', align: 'right' },
        ]}
      />
    </Card>
  );
}
