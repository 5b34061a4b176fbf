import type { SolidWasteProgressItem } from '@ecep/contract';
import {
  Button,
  Card,
  Col,
  Empty,
  InputNumber,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback } from 'react';
import { useMe } from '../../auth/auth-context';
import { downloadCsv, toCsv } from '../../components/csv';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useApiData } from '../../lib/use-api-data';
import { useUrlState } from '../../lib/use-url-state';
import { getProgress } from './ledger-api';
import { pct } from './ledger-labels';

const unitText = (unit: string) => (unit === '万t' ? '万吨' : unit);

/** Progress of the caller's region in a year against the Shanxi plans' solid-waste targets and the bases. */
export function LedgerProgressTab() {
  const me = useMe();
  const { get, update } = useUrlState();
  const yearRaw = Number(get('pyear'));
  const year = Number.isInteger(yearRaw) && yearRaw >= 2000 ? yearRaw : new Date().getFullYear() - 1;
  const fetcher = useCallback(() => getProgress(year), [year]);
  const { data, loading, error, reload } = useApiData(fetcher);
  const scope = me.role === 'enterprise_user' ? '本企业' : (me.regionName ?? '全省');

  const exportCsv = () =>
    data &&
    downloadCsv(
      `固废综合利用目标进展-${year}`,
      toCsv(
        [
          { title: '指标', value: (i: SolidWasteProgressItem) => i.name },
          { title: '单位', value: (i) => unitText(i.unit) },
          { title: '目标值', value: (i) => i.targetValue },
          { title: '目标年', value: (i) => i.targetYear },
          { title: `${year} 年实际`, value: (i) => i.actualValue },
          { title: '完成率（%）', value: (i) => i.completionPct },
          { title: '依据', value: (i) => i.source },
        ],
        data.items,
      ),
    );

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        年份
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && update({ pyear: String(v) })}
          data-testid="ledger-progress-year"
        />
        <Typography.Text type="secondary">范围：{scope}（实际值来自台账）</Typography.Text>
        <Button size="small" onClick={exportCsv} disabled={!data}>
          导出 CSV
        </Button>
      </Space>
      {error !== null && (
        <LoadErrorAlert what="目标进展" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <Table<SolidWasteProgressItem>
        data-testid="ledger-progress"
        size="small"
        bordered
        loading={loading}
        rowKey="code"
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: '指标', dataIndex: 'name', width: 200 },
          {
            title: '目标',
            key: 'target',
            width: 170,
            render: (_: unknown, i) => `${i.targetYear} 年 ≥ ${i.targetValue} ${unitText(i.unit)}`,
          },
          {
            title: `${year} 年实际`,
            dataIndex: 'actualValue',
            align: 'right',
            width: 140,
            render: (v: string | null, i) => (v === null ? '无台账' : `${v} ${unitText(i.unit)}`),
          },
          {
            title: '完成率',
            dataIndex: 'completionPct',
            width: 240,
            render: (v: string | null, i) =>
              v === null ? (
                '—'
              ) : (
                <Space>
                  <Progress
                    percent={Math.min(100, Number(v))}
                    size="small"
                    style={{ width: 120 }}
                    status={i.met ? 'success' : 'normal'}
                    format={() => pct(v)}
                  />
                  {i.met ? <Tag color="success">达标</Tag> : <Tag color="warning">未达标</Tag>}
                </Space>
              ),
          },
          {
            title: '依据',
            dataIndex: 'source',
            render: (s: string, i) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={i.explain?.formula}>
                {s}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        国家级工业资源综合利用基地（{year} 年）
      </Typography.Title>
      {data && data.bases.length === 0 ? (
        <Empty />
      ) : (
        <Row gutter={16} data-testid="ledger-bases">
          {(data?.bases ?? []).map((b) => (
            <Col span={8} key={b.regionCode}>
              <Card size="small" title={b.name}>
                <Space size="large">
                  <Statistic title="综合利用量" value={b.utilizedWanT} suffix="万吨" />
                  <Statistic
                    title="综合利用率"
                    value={b.utilizationRatePct ?? '无台账'}
                    suffix={b.utilizationRatePct === null ? undefined : '%'}
                  />
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        山西规划目标：2015 年工业固废综合利用率 65 %；2020 年大宗工业固废综合利用量 1 亿吨（煤矸石 6500
        万吨、粉煤灰 2100 万吨、脱硫石膏 400 万吨、冶炼渣 1000
        万吨）；朔州、晋城、长治为国家级工业资源综合利用基地。
      </Typography.Paragraph>
    </>
  );
}
