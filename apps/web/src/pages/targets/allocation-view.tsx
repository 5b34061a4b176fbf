import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Skeleton, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import {
  type AllocationCheck,
  type AllocationItem,
  canAllocate,
  getAllocations,
} from '../../lib/targets-api';
import { useRegionNames } from '../../lib/use-region-names';
import { useReloadable } from '../../lib/use-reloadable';
import { ExplainCard } from '../calc/explain-card';
import { AllocationEditModal, type AllocationSaved } from './allocation-edit-modal';

/**
 * A target's allocation to the level below and whether the parts add up to the whole (the gap highlighted).
 * Province and city administrators may edit the allocation below a region of theirs; others only read it.
 */
export function AllocationView({
  planId,
  targetCode,
  parent,
  unit,
}: {
  planId: string;
  targetCode: string;
  parent: string;
  /** The target's unit (for a total's cap). */
  unit?: string;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const [data, setData] = useState<{ items: AllocationItem[]; check: AllocationCheck | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const editable = canAllocate(me, parent);
  const onSaved = (saved: AllocationSaved) => {
    setEditing(false);
    setData(saved);
    const c = saved.check;
    if (!c) message.success('分解已保存');
    else if (c.consistent) message.success('分解已保存：一致性检查通过');
    else message.warning(`分解已保存，但一致性检查未通过${c.gap !== null ? `（差额 ${c.gap}）` : ''}`);
  };
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setData(null);
      try {
        const r = await getAllocations({ planId, targetCode, parent });
        if (isCurrent()) {
          setData(r);
          setError(null);
        }
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [planId, targetCode, parent],
  );
  useReloadable(load);
  const check = data?.check ?? null;
  const regionName = useRegionNames([...(check?.missingParts ?? []), ...(check?.missingWeights ?? [])]);
  if (error !== null) return <Alert type="error" showIcon title={`目标分解加载失败：${errorText(error)}`} />;
  if (!data) return <Skeleton active />;
  const checkUnit = check?.kind === 'intensity' ? '%' : '';
  return (
    <>
      {editable && (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="allocation-edit">
            编辑分解
          </Button>
          <AllocationEditModal
            open={editing}
            planId={planId}
            targetCode={targetCode}
            parent={parent}
            kind={check?.kind === 'intensity' || check?.kind === 'total' ? check.kind : null}
            unit={unit}
            items={data.items}
            onClose={() => setEditing(false)}
            onSaved={onSaved}
          />
        </div>
      )}
      {check ? (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            showIcon
            type={check.consistent ? 'success' : 'warning'}
            data-testid="allocation-check"
            title={
              check.consistent
                ? '分解一致：下级目标合计不弱于上级目标'
                : `分解不一致${check.gap !== null ? `：差额 ${check.gap}${checkUnit}` : ''}`
            }
          />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'parent',
                label: check.kind === 'intensity' ? '上级降低率' : '上级总量上限',
                children: `${check.parentValue}${checkUnit}`,
              },
              {
                key: 'implied',
                label: check.kind === 'intensity' ? '下级加权合计' : '下级合计',
                children: `${check.impliedValue ?? '—'}${check.impliedValue ? checkUnit : ''}`,
              },
              {
                key: 'gap',
                label: '差额',
                children: (
                  <Typography.Text
                    strong
                    type={
                      check.gap !== null && Number(check.gap) > (check.kind === 'intensity' ? 0.05 : 0)
                        ? 'danger'
                        : undefined
                    }
                  >
                    {check.gap !== null ? `${check.gap}${checkUnit}` : '—'}
                  </Typography.Text>
                ),
              },
              ...(check.missingParts.length
                ? [
                    {
                      key: 'mp',
                      label: '未分解的下级',
                      children: check.missingParts.map(regionName).join('、'),
                    },
                  ]
                : []),
              ...(check.missingWeights.length
                ? [
                    {
                      key: 'mw',
                      label: '缺少权重',
                      children: check.missingWeights.map(regionName).join('、'),
                    },
                  ]
                : []),
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <ExplainCard path="一致性检查" explain={check.explain} />
          </div>
        </>
      ) : (
        <Typography.Paragraph type="secondary">
          此目标不在本级范围内或缺少上级目标值，无法做一致性检查。
        </Typography.Paragraph>
      )}
      <Table<AllocationItem>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="regionCode"
        dataSource={data.items}
        pagination={false}
        locale={{ emptyText: <Empty description="尚未录入分解到下级的目标" /> }}
        columns={[
          { title: '地区', dataIndex: 'regionName' },
          {
            title: '降低率（%）',
            dataIndex: 'changePct',
            align: 'right',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '目标值',
            dataIndex: 'targetValue',
            align: 'right',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '权重',
            render: (_: unknown, a) =>
              a.weightValue ? `${a.weightValue}（${a.weightBasis === 'gdp' ? 'GDP' : '能耗'}）` : '基期能耗',
          },
          { title: '版本', dataIndex: 'version', width: 60 },
          { title: '录入', render: (_: unknown, a) => `${a.enteredBy} ${a.enteredAt.slice(0, 10)}` },
          { title: '备注', dataIndex: 'note' },
        ]}
      />
    </>
  );
}
