import { Button, Select, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { type Barometer, getBarometer } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import { BarometerView } from '../overview/barometer-view';

const PERIODS = [
  { value: 'Y', label: '全年' },
  { value: 'H1', label: '上半年' },
  { value: 'Q1', label: '一季度' },
  { value: 'Q2', label: '前二季度' },
  { value: 'Q3', label: '前三季度' },
  { value: 'Q4', label: '四季度累计' },
];

export const YEAR_OPTIONS = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2005 + 1 }, (_, i) => ({ value: now - i, label: `${now - i} 年` }));
})();

/** 城市排名: the barometer rows sorted by the intensity change, best first. */
export function RankingTab({ year, onYear }: { year: number | undefined; onYear: (y: number) => void }) {
  const [period, setPeriod] = useState('Y');
  const [data, setData] = useState<Barometer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setData(null);
      try {
        const b = await getBarometer({ year, period });
        if (isCurrent()) {
          setData(b);
          setError(null);
        }
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [year, period],
  );
  const reload = useReloadable(load);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 120 }}
          value={data?.year ?? year}
          placeholder="最新年度"
          onChange={onYear}
          options={YEAR_OPTIONS}
        />
        <Select style={{ width: 130 }} value={period} onChange={setPeriod} options={PERIODS} />
        {data && (
          <Link to={`/targets/bulletin/${data.year}`}>
            <Button>{data.year} 年公报</Button>
          </Link>
        )}
        <Typography.Text type="secondary">
          按能耗强度变化排序（降幅大者在前）；点击查看计算说明。
        </Typography.Text>
      </Space>
      {error !== null ? (
        <LoadErrorAlert what="晴雨表" error={error} onRetry={reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph>
            {data.parent.name}：能耗强度变化 <strong>{data.parent.row.intensityChangePct ?? '—'}%</strong>
            {data.parent.row.requiredChangePct !== null && `，年度要求 ${data.parent.row.requiredChangePct}%`}
          </Typography.Paragraph>
          <BarometerView barometer={data} rank />
        </>
      )}
    </>
  );
}
