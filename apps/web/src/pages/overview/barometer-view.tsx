import { Drawer, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type Barometer, type BarometerRow, LEVEL_COLORS } from '../../lib/targets-api';
import { ExplainCard } from '../calc/explain-card';

const LEVEL_TAG: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green' };

export function LevelTag({ color, label }: { color: string | null; label: string | null }) {
  if (!color || !label) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={LEVEL_TAG[color] ?? 'default'}>{label}</Tag>;
}

const signed = (v: string | null) => (v === null ? '—' : `${Number(v) > 0 ? '+' : ''}${v}%`);

/** The cities as coloured tiles (red / yellow / green by the intensity warning level). */
export function BarometerGrid({ rows, onOpen }: { rows: BarometerRow[]; onOpen: (r: BarometerRow) => void }) {
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 8 }}
      data-testid="barometer-grid"
    >
      {rows.map((r) => {
        const bg = r.intensityColor ? (LEVEL_COLORS[r.intensityColor] ?? '#bfbfbf') : '#d9d9d9';
        return (
          <Tooltip
            key={r.regionCode}
            title={
              r.intensityLabelZh
                ? `${r.intensityLabelZh}：强度 ${signed(r.intensityChangePct)}，要求 ${signed(r.requiredChangePct)}`
                : `缺少数据：${r.missing.join('、') || '—'}`
            }
          >
            <button
              type="button"
              onClick={() => onOpen(r)}
              style={{
                background: bg,
                color: r.intensityColor === 'yellow' ? '#262626' : '#fff',
                border: 'none',
                borderRadius: 6,
                padding: '10px 8px',
                cursor: 'pointer',
                textAlign: 'left',
              }}
            >
              <div style={{ fontWeight: 600 }}>{r.regionName}</div>
              <div className="ecep-mono" style={{ fontSize: 12 }}>
                {signed(r.intensityChangePct)}
              </div>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** The barometer rows as a table: intensity change against the requirement, both warning levels. */
export function BarometerTable({
  rows,
  onOpen,
  rank,
}: {
  rows: BarometerRow[];
  onOpen: (r: BarometerRow) => void;
  rank?: boolean;
}) {
  return (
    <Table<BarometerRow>
      size="small"
      rowKey="regionCode"
      pagination={false}
      dataSource={rows}
      rowClassName={() => 'ecep-clickable-row'}
      onRow={(r) => ({ onClick: () => onOpen(r) })}
      scroll={{ x: 860 }}
      columns={[
        ...(rank
          ? [{ title: '排名', width: 60, render: (_: unknown, __: BarometerRow, i: number) => i + 1 }]
          : []),
        { title: '地区', dataIndex: 'regionName', width: 100 },
        { title: '能源消费增速', dataIndex: 'energyGrowthPct', align: 'right', render: signed },
        { title: 'GDP 增速（可比价）', dataIndex: 'gdpGrowthPct', align: 'right', render: signed },
        {
          title: '能耗强度变化',
          dataIndex: 'intensityChangePct',
          align: 'right',
          render: (v: string | null) => <strong className="ecep-mono">{signed(v)}</strong>,
        },
        { title: '年度要求', dataIndex: 'requiredChangePct', align: 'right', render: signed },
        {
          title: '强度预警',
          render: (_: unknown, r) => <LevelTag color={r.intensityColor} label={r.intensityLabelZh} />,
        },
        {
          title: '总量预警',
          render: (_: unknown, r) => <LevelTag color={r.totalColor} label={r.totalLabelZh} />,
        },
      ]}
    />
  );
}

/** Why a region has its level: the requirement's basis, missing inputs and the formula. */
export function BarometerRowDrawer({ row, onClose }: { row: BarometerRow | null; onClose: () => void }) {
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size="large"
      title={row ? `${row.regionName} ${row.year} 年 · 晴雨表说明` : ''}
    >
      {row && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            能耗强度变化 <strong>{signed(row.intensityChangePct)}</strong>，年度要求{' '}
            {signed(row.requiredChangePct)}；强度：
            <LevelTag color={row.intensityColor} label={row.intensityLabelZh} />
            总量：
            <LevelTag color={row.totalColor} label={row.totalLabelZh} />
          </Typography.Paragraph>
          {row.requirementBasis && (
            <Typography.Paragraph type="secondary">要求来源：{row.requirementBasis}</Typography.Paragraph>
          )}
          {row.missing.length > 0 && (
            <Typography.Paragraph type="warning">缺少：{row.missing.join('；')}</Typography.Paragraph>
          )}
          {row.explain ? (
            <ExplainCard path={row.regionCode} explain={row.explain} />
          ) : (
            <Empty description="无法计算（缺少数据）" />
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** Grid and table of one barometer, with the explanation drawer. */
export function BarometerView({ barometer, rank }: { barometer: Barometer; rank?: boolean }) {
  const [open, setOpen] = useState<BarometerRow | null>(null);
  const rows = rank
    ? [...barometer.rows].sort(
        (a, b) =>
          (a.intensityChangePct === null ? Number.POSITIVE_INFINITY : Number(a.intensityChangePct)) -
          (b.intensityChangePct === null ? Number.POSITIVE_INFINITY : Number(b.intensityChangePct)),
      )
    : barometer.rows;
  if (barometer.rows.length === 0) return <Empty description="暂无下级地区的统计数据" />;
  return (
    <>
      <BarometerGrid rows={rows} onOpen={setOpen} />
      <div style={{ marginTop: 16 }}>
        <BarometerTable rows={rank ? rows : [barometer.parent.row, ...rows]} onOpen={setOpen} rank={rank} />
      </div>
      <BarometerRowDrawer row={open} onClose={() => setOpen(null)} />
    </>
  );
}
