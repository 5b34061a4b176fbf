import { Breadcrumb, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailPlaceholder } from '../../components/detail-placeholder';
import { formatTime } from '../../lib/format';
import { getPlan, type PlanDetail, targetText, unitZh } from '../../lib/targets-api';
import { useRegionNames } from '../../lib/use-region-names';
import { useReloadable } from '../../lib/use-reloadable';
import {
  type DocTarget,
  type DocTask,
  docNotes,
  docPeriod,
  docSource,
  docTargets,
  docTasks,
} from './plan-document';

/** One plan: its source document, targets with the sentence each comes from, tasks and versions. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      try {
        const p = await getPlan(planId);
        if (isCurrent()) {
          setPlan(p);
          setError(null);
        }
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [planId],
  );
  useReloadable(load);
  const targets = plan ? docTargets(plan.document) : [];
  const regionName = useRegionNames(targets.map((t) => t.scope));

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[{ title: <Link to="/targets">目标考核</Link> }, { title: plan?.title ?? '规划' }]}
    />
  );
  if (error || !plan) {
    return (
      <DetailPlaceholder
        crumbs={crumbs}
        error={error}
        notFoundStatuses={[404]}
        notFoundTitle="没有这份规划"
        failedTitle="规划加载失败"
        backTo="/targets"
        backText="返回规划列表"
      />
    );
  }

  const source = docSource(plan.document);
  const period = docPeriod(plan.document);
  const notes = docNotes(plan.document);
  const tasks = docTasks(plan.document);
  const isDemo = (plan.document as { demo?: unknown } | null)?.demo === true;
  const evaluated = new Set(plan.targets.map((t) => `${t.code}/${t.scopeCode}`));

  return (
    <>
      {crumbs}
      <Card>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">
            {plan.title}
          </Typography.Title>
          {isDemo && <Tag color="gold">演示数据</Tag>}
        </Space>
        <Descriptions
          size="small"
          bordered
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'issuer', label: '发文机关', children: source.issuer ?? '—' },
            { key: 'date', label: '印发日期', children: source.date ?? '—' },
            ...(source.author ? [{ key: 'author', label: '起草单位', children: source.author }] : []),
            ...(source.docNumber ? [{ key: 'no', label: '文号', children: source.docNumber }] : []),
            {
              key: 'period',
              label: '规划期',
              children:
                period.from !== null || period.to !== null
                  ? `${period.from ?? '?'}–${period.to ?? '?'} 年`
                  : '—',
            },
            { key: 'file', label: '原文文件', children: source.file ?? '—' },
            {
              key: 'yaml',
              label: '数据文件',
              children: <span className="ecep-mono">plans/{plan.sourceFile}</span>,
            },
            { key: 'version', label: '当前版本', children: `第 ${plan.version} 版` },
          ]}
        />
        {notes.length > 0 && (
          <ul style={{ marginTop: 12, color: 'rgba(0,0,0,0.55)' }}>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        <Tabs
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'targets',
              label: `目标（${targets.length}）`,
              children: (
                <Table<DocTarget>
                  size="small"
                  rowKey={(t) => `${t.code}/${t.scope}/${t.name}`}
                  dataSource={targets}
                  pagination={targets.length > 30 ? { pageSize: 30 } : false}
                  scroll={{ x: 1000 }}
                  columns={[
                    {
                      title: '目标',
                      dataIndex: 'name',
                      width: 220,
                      render: (name: string, t) =>
                        evaluated.has(`${t.code}/${t.scope}`) ? (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                            onClick={() =>
                              navigate(
                                `/targets/plans/${encodeURIComponent(plan.id)}/targets/${encodeURIComponent(t.code)}?scope=${t.scope}${t.targetYear !== null ? `&ty=${t.targetYear}` : ''}`,
                              )
                            }
                          >
                            {name}
                          </Button>
                        ) : (
                          name
                        ),
                    },
                    { title: '范围', dataIndex: 'scope', width: 90, render: (c: string) => regionName(c) },
                    {
                      title: '基期',
                      width: 130,
                      render: (_: unknown, t) =>
                        t.baseYear !== null
                          ? `${t.baseYear}年${t.baseValue !== null ? ` ${t.baseValue}` : ''}`
                          : '—',
                    },
                    {
                      title: '目标',
                      width: 230,
                      render: (_: unknown, t) =>
                        t.targetYear !== null
                          ? targetText({ ...t, targetYear: t.targetYear })
                          : `${t.targetValue ?? ''} ${unitZh(t.unit)}`,
                    },
                    {
                      title: '价格基期',
                      dataIndex: 'priceBase',
                      width: 80,
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: '原文',
                      dataIndex: 'sourceText',
                      render: (s: string, t) => (
                        <div>
                          <Typography.Text style={{ fontSize: 12 }}>“{s}”</Typography.Text>
                          {t.inconsistencyNote && (
                            <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '4px 0 0' }}>
                              原文不一致：{t.inconsistencyNote}
                            </Typography.Paragraph>
                          )}
                        </div>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'tasks',
              label: `任务（${tasks.length}）`,
              children: (
                <Table<DocTask>
                  size="small"
                  rowKey="id"
                  dataSource={tasks}
                  pagination={false}
                  locale={{ emptyText: '本规划未列出分工任务' }}
                  expandable={{
                    rowExpandable: (t) => !!t.sourceText,
                    expandedRowRender: (t) => (
                      <Typography.Text type="secondary">原文：“{t.sourceText}”</Typography.Text>
                    ),
                  }}
                  columns={[
                    { title: '任务', dataIndex: 'title' },
                    {
                      title: '牵头单位',
                      dataIndex: 'leadUnits',
                      width: 200,
                      render: (u: string[]) => u.join('、') || '—',
                    },
                    {
                      title: '配合单位',
                      dataIndex: 'cooperatingUnits',
                      width: 240,
                      render: (u: string[]) => u.join('、') || '—',
                    },
                    {
                      title: '时限',
                      width: 200,
                      render: (_: unknown, t) => (
                        <span>
                          {t.deadline ?? '—'}
                          {t.deadlineText && (
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {t.deadlineText}
                            </Typography.Text>
                          )}
                        </span>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'versions',
              label: `版本（${plan.versions.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={plan.versions}
                  columns={[
                    { title: '版本', dataIndex: 'version', width: 70 },
                    { title: '载入人', dataIndex: 'loadedBy' },
                    { title: '载入时间', dataIndex: 'loadedAt', render: (t: string) => formatTime(t) },
                    {
                      title: '内容摘要（SHA-256）',
                      dataIndex: 'digest',
                      render: (d: string) => <span className="ecep-mono">{d.slice(0, 16)}…</span>,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
