import {
  App,
  Button,
  Drawer,
  Empty,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { type AssessmentRow, getAssessment, putMeasurePoints } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import { ExplainCard } from '../calc/explain-card';
import { YEAR_OPTIONS } from './ranking-tab';

/** Inline 节能措施 points (0–60) for the province admin; saved on Enter or when the field loses focus. */
function MeasureInput({
  row,
  onSave,
}: {
  row: AssessmentRow;
  onSave: (row: AssessmentRow, value: number) => Promise<void>;
}) {
  const [value, setValue] = useState<number | null>(
    row.measurePoints === null ? null : Number(row.measurePoints),
  );
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (value === null || String(value) === row.measurePoints) return;
    setBusy(true);
    try {
      await onSave(row, value);
    } finally {
      setBusy(false);
    }
  };
  return (
    <InputNumber
      size="small"
      min={0}
      max={60}
      step={1}
      value={value}
      disabled={busy}
      onChange={(v) => setValue(v)}
      onPressEnter={save}
      onBlur={save}
      style={{ width: 90 }}
      aria-label={`${row.regionName} 措施得分`}
      data-testid={`measure-${row.regionCode}`}
    />
  );
}

/** 年度考核: target points from the intensity target's completion, measure points, total and grade per city. */
export function AssessmentTab({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<AssessmentRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<AssessmentRow | null>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setRows(null);
      try {
        const r = await getAssessment(year);
        if (isCurrent()) {
          setRows(r.rows);
          setError(null);
        }
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [year],
  );
  const reload = useReloadable(load);
  const canEnter = me.role === 'province_admin';

  const saveMeasure = async (row: AssessmentRow, value: number) => {
    try {
      const r = await putMeasurePoints(year, row.regionCode, value);
      setRows(r.rows);
      message.success(`${row.regionName} 措施得分已保存：${value} 分`);
    } catch (err) {
      message.error(`保存失败：${errorText(err)}`);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select style={{ width: 120 }} value={year} onChange={onYear} options={YEAR_OPTIONS} />
        <Typography.Text type="secondary">
          按 2007 年国家节能目标责任评价考核计分表：目标完成 40 分（未完成一票否决），节能措施 60 分。
          {canEnter && ' 措施得分可直接在表中录入（0–60 分），回车或离开输入框即保存。'}
        </Typography.Text>
      </Space>
      {error !== null ? (
        <LoadErrorAlert what="考核表" error={error} onRetry={reload} />
      ) : rows === null ? (
        <Skeleton active />
      ) : (
        <Table<AssessmentRow>
          data-testid="assessment-table"
          size="small"
          rowKey="regionCode"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={`${year} 年暂无考核数据`} /> }}
          columns={[
            { title: '地区', dataIndex: 'regionName', width: 100 },
            {
              title: '强度变化（%）',
              dataIndex: 'intensityChangePct',
              align: 'right',
              render: (v) => v ?? '—',
            },
            {
              title: '年度要求（%）',
              dataIndex: 'requiredChangePct',
              align: 'right',
              render: (v) => v ?? '—',
            },
            { title: '完成率（%）', dataIndex: 'completionPct', align: 'right', render: (v) => v ?? '—' },
            { title: '目标得分（分）', dataIndex: 'targetPoints', align: 'right', render: (v) => v ?? '—' },
            {
              title: '措施得分（分）',
              dataIndex: 'measurePoints',
              align: 'right',
              render: (v: string | null, r) =>
                canEnter ? (
                  <MeasureInput key={`${r.regionCode}-${v}`} row={r} onSave={saveMeasure} />
                ) : (
                  (v ?? '未录入')
                ),
            },
            {
              title: '总分（分）',
              dataIndex: 'totalScore',
              align: 'right',
              render: (v: string | null) => <strong>{v ?? '—'}</strong>,
            },
            {
              title: '等级',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Tag color={r.vetoed ? 'red' : r.grade ? 'green' : 'default'}>{r.gradeZh}</Tag>
                  {r.vetoed && <Tag color="red">一票否决</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              width: 90,
              render: (_: unknown, r) => (
                <Button type="link" size="small" disabled={!r.explain} onClick={() => setOpen(r)}>
                  计算说明
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? `${open.regionName} ${open.year} 年考核 · 计算说明` : ''}
      >
        {open?.explain && <ExplainCard path={open.regionCode} explain={open.explain} />}
      </Drawer>
    </>
  );
}
