import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { errorText } from '../../api';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { getTargetHistory, TARGET_STATUS_COLORS, type TargetEvaluation, unitZh } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import { type ChartOption, SimpleChart } from '../overview/simple-chart';
import { chartNumber, evaluationHistoryKeys, type HistoryVersion, historyVersions } from './target-history';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

const COLUMNS: CsvColumn<HistoryVersion>[] = [
  { title: '版本', value: (v) => v.version },
  { title: '计算时间', value: (v) => when(v.computedAt) },
  { title: '计算者', value: (v) => v.computedBy ?? '系统' },
  { title: '数据年度', value: (v) => v.evaluation.asOfYear },
  { title: '实际值', value: (v) => v.evaluation.actualValue },
  { title: '单位', value: (v) => unitZh(v.evaluation.unit) },
  { title: '较基期（%）', value: (v) => v.evaluation.actualChangePct },
  { title: '完成进度（%）', value: (v) => v.evaluation.completionPct },
  { title: '序时进度要求（%）', value: (v) => v.evaluation.requiredPct },
  { title: '状态', value: (v) => v.evaluation.statusZh },
  { title: '摘要', value: (v) => v.digest },
];

/**
 * 评价历史: every kept version of one target's evaluation for an evaluation year (a new one whenever the data
 * changed the result), as a line of the value and the progress over the dates they were computed, and listed.
 */
export function TargetHistoryCard({
  planId,
  region,
  years,
  defaultYear,
  matches,
}: {
  planId: string;
  region: string;
  /** Evaluation years to choose from. */
  years: number[];
  defaultYear: number;
  matches: (e: TargetEvaluation) => boolean;
}) {
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? defaultYear;
  const [versions, setVersions] = useState<HistoryVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setVersions(null);
      try {
        const lists = await Promise.all(
          evaluationHistoryKeys(region, planId, year).map((key) => getTargetHistory('evaluation', key)),
        );
        if (!isCurrent()) return;
        setVersions(
          historyVersions(
            lists.map((l) => l.items),
            matches,
          ),
        );
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [planId, region, year, matches],
  );
  useReloadable(load);

  const unit = versions?.[0] ? unitZh(versions[0].evaluation.unit) : '';
  const hasValue = (versions ?? []).some((v) => chartNumber(v.evaluation.actualValue) !== null);
  const option = useMemo<ChartOption>(() => {
    const list = versions ?? [];
    const line = (name: string, pick: (e: TargetEvaluation) => string | null, color: string, axis = 0) => ({
      name,
      type: 'line',
      yAxisIndex: axis,
      connectNulls: true,
      data: list.map((v) => chartNumber(pick(v.evaluation))),
      itemStyle: { color },
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: hasValue ? 72 : 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: list.map((v) => when(v.computedAt).slice(0, 16)) },
      yAxis: [
        { type: 'value', name: '%', scale: true },
        ...(hasValue ? [{ type: 'value', name: unit, scale: true, splitLine: { show: false } }] : []),
      ],
      series: [
        line('完成进度（%）', (e) => e.completionPct, '#17795e'),
        line('较基期变化（%）', (e) => e.actualChangePct, '#1677ff'),
        ...(hasValue ? [line(`实际值（${unit}）`, (e) => e.actualValue, '#d48806', 1)] : []),
      ],
    };
  }, [versions, hasValue, unit]);

  return (
    <Card
      title="评价历史：每次数据变化后的结果"
      style={{ marginBottom: 16 }}
      data-testid="target-history"
      extra={
        <Space>
          <Select
            style={{ width: 130 }}
            value={year}
            onChange={setPicked}
            options={years.map((y) => ({ value: y, label: `${y} 年评价` }))}
            aria-label="评价年度"
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!versions || versions.length === 0}
            onClick={() => downloadCsv(`评价历史-${region}-${year}.csv`, toCsv(COLUMNS, versions ?? []))}
          >
            导出 CSV
          </Button>
        </Space>
      }
    >
      {error !== null ? (
        <Alert type="error" showIcon title={`评价历史加载失败：${errorText(error)}`} />
      ) : versions === null ? (
        <Skeleton active />
      ) : versions.length === 0 ? (
        <Empty description={`${year} 年的评价尚无保存的结果（此目标在该年无可评价的数据）`} />
      ) : (
        <>
          <SimpleChart option={option} height={260} testId="target-history-chart" />
          <Table<HistoryVersion>
            style={{ marginTop: 12 }}
            size="small"
            data-testid="target-history-versions"
            rowKey={(v) => `${v.version}-${v.digest}`}
            dataSource={[...versions].reverse()}
            pagination={versions.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: '版本', dataIndex: 'version', width: 60, render: (n: number) => `第 ${n} 版` },
              { title: '计算时间', dataIndex: 'computedAt', width: 170, render: when },
              {
                title: '计算者',
                dataIndex: 'computedBy',
                width: 110,
                render: (v: string | null) => v ?? '系统（数据变化时）',
              },
              {
                title: '数据年度',
                key: 'asOf',
                width: 90,
                render: (_: unknown, v) => v.evaluation.asOfYear ?? '—',
              },
              {
                title: `实际值${unit ? `（${unit}）` : ''}`,
                key: 'value',
                align: 'right',
                render: (_: unknown, v) => v.evaluation.actualValue ?? '—',
              },
              {
                title: '较基期（%）',
                key: 'change',
                align: 'right',
                render: (_: unknown, v) => v.evaluation.actualChangePct ?? '—',
              },
              {
                title: '完成进度（%）',
                key: 'completion',
                align: 'right',
                render: (_: unknown, v) => v.evaluation.completionPct ?? '—',
              },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, v) => (
                  <Tag color={TARGET_STATUS_COLORS[v.evaluation.status]}>{v.evaluation.statusZh}</Tag>
                ),
              },
              {
                title: '摘要',
                dataIndex: 'digest',
                width: 100,
                render: (d: string) => <Typography.Text code>{d.slice(0, 8)}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
