import { DownloadOutlined } from '@ant-design/icons';
import type { DailyList } from '@ecep/contract';
import { Alert, Button, Card, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { errorText } from '../../api';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { useApiData } from '../../lib/use-api-data';
import { formatValue } from './format-value';
import { monitoringApi } from './monitoring-api';
import type { FactorNames } from './use-factors';

type DayFactor = DailyList['items'][number]['factors'][string];
interface DayRow extends DayFactor {
  key: string;
  day: string;
  factor: string;
}

const n = (v: number | null) => formatValue(v);

/** 日数据: one row per day and factor, with validity (HJ 75: ≥ 20 valid hours) and the limit check. */
export function DailyPanel({ mn, factors, factor }: { mn: string; factors: FactorNames; factor?: string }) {
  const [days, setDays] = useState(7);
  const [only, setOnly] = useState<'all' | 'selected'>('all');
  const fetcher = useCallback(() => {
    const to = dayjs().add(1, 'day').startOf('day');
    return monitoringApi.daily(mn, { from: to.subtract(days, 'day').toISOString(), to: to.toISOString() });
  }, [mn, days]);
  const { data, loading, error } = useApiData(fetcher);

  const rows = useMemo<DayRow[]>(
    () =>
      (data?.items ?? [])
        .flatMap((i) =>
          Object.entries(i.factors).map(([code, f]) => ({
            key: `${i.day}-${code}`,
            day: i.day,
            factor: code,
            ...f,
          })),
        )
        .filter((r) => only === 'all' || !factor || r.factor === factor)
        .sort((a, b) => b.day.localeCompare(a.day) || a.factor.localeCompare(b.factor)),
    [data, only, factor],
  );
  const unit = (code: string) => factors.unit(code);

  const csvColumns: CsvColumn<DayRow>[] = [
    { title: '日期（北京时间）', value: (r) => r.day },
    { title: '因子编码', value: (r) => r.factor },
    { title: '因子', value: (r) => factors.name(r.factor) },
    { title: '单位', value: (r) => unit(r.factor) },
    { title: '日均值', value: (r) => r.avg },
    { title: '折算日均值', value: (r) => r.correctedAvg },
    { title: '最小值', value: (r) => r.min },
    { title: '最大值', value: (r) => r.max },
    { title: '有效小时数（小时）', value: (r) => r.validHours },
    { title: '有效性', value: (r) => (r.valid ? '有效' : '无效') },
    { title: '限值', value: (r) => r.limit },
    { title: '是否超标', value: (r) => (r.exceeds === null ? '—' : r.exceeds ? '超标' : '达标') },
    { title: '排放量（kg/日）', value: (r) => r.loadKg },
  ];

  return (
    <Card
      size="small"
      title="日数据（日均值，北京时间自然日）"
      data-testid="daily-panel"
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'selected')}
            options={[
              { value: 'all', label: '全部因子' },
              { value: 'selected', label: '当前因子', disabled: !factor },
            ]}
          />
          <Segmented
            size="small"
            value={days}
            onChange={(v) => setDays(v as number)}
            options={[
              { value: 7, label: '7 天' },
              { value: 30, label: '30 天' },
            ]}
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => downloadCsv(`${mn}-日数据`, toCsv(csvColumns, rows))}
          >
            导出 CSV
          </Button>
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon title={`日数据加载失败：${errorText(error)}`} />}
      <Table<DayRow>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '暂无日数据（次日凌晨生成前一日数据）' }}
        columns={[
          { title: '日期', dataIndex: 'day', width: 110 },
          { title: '因子', dataIndex: 'factor', render: (c: string) => `${factors.name(c)}（${c}）` },
          {
            title: '日均值',
            dataIndex: 'avg',
            align: 'right',
            render: (v: number | null, r) => `${n(v)} ${unit(r.factor)}`,
          },
          {
            title: '折算日均值',
            dataIndex: 'correctedAvg',
            align: 'right',
            render: (v: number | null, r) => (v === null ? '—' : `${n(v)} ${unit(r.factor)}`),
          },
          { title: '有效小时（小时）', dataIndex: 'validHours', align: 'right' },
          {
            title: '有效性',
            dataIndex: 'valid',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? '有效' : '无效'}</Tag>,
          },
          {
            title: '限值',
            dataIndex: 'limit',
            align: 'right',
            render: (v: number | null, r) => (
              <span>
                {v === null ? '—' : `${v} ${unit(r.factor)}`}
                {r.exceeds && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    超标
                  </Tag>
                )}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
