import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Task, TaskQuery } from '@ecep/contract';
import { TASK_STATUSES } from '@ecep/contract';
import {
  Alert,
  App,
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  Empty,
  Input,
  List,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { ExcelImportPanel } from '../../components/excel-import-panel';
import { ReloadExportButtons } from '../../components/reload-export-buttons';
import { listPlans } from '../../lib/targets-api';
import { useApiData } from '../../lib/use-api-data';
import { useUrlState } from '../../lib/use-url-state';
import { useUrlTab } from '../../lib/use-url-tab';
import {
  downloadReportTemplate,
  exportTasks,
  getSupervision,
  importReports,
  listTasks,
  myUnits,
  STATUS_COLORS,
} from './task-api';
import { canCreateTask, TaskCreateModal } from './task-create-modal';
import { tasksByDay, unitsOf } from './task-report-form';

const TABS = ['list', 'supervision', 'calendar', 'excel'] as const;

function deadlineText(t: Task) {
  if (!t.deadline) return '无时限';
  if (t.daysLeft === null) return t.deadline;
  if (t.status === 'completed') return t.deadline;
  return t.daysLeft < 0 ? `${t.deadline}（逾期 ${-t.daysLeft} 天）` : `${t.deadline}（剩 ${t.daysLeft} 天）`;
}

function TaskTable({
  tasks,
  loading,
  onOpen,
  testId,
}: {
  tasks: Task[];
  loading: boolean;
  onOpen: (id: string) => void;
  testId: string;
}) {
  return (
    <Table<Task>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={tasks}
      pagination={tasks.length > 20 ? { pageSize: 20, showTotal: (n) => `共 ${n} 项` } : false}
      locale={{ emptyText: <Empty description="没有任务（您所在单位或辖区内没有符合条件的督办任务）" /> }}
      onRow={(t) => ({ onClick: () => onOpen(t.id), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: '任务',
          dataIndex: 'title',
          render: (v: string, t) => (
            <>
              {v}
              {t.isDemo && <Tag style={{ marginLeft: 4 }}>演示</Tag>}
            </>
          ),
        },
        { title: '牵头单位', dataIndex: 'leadUnits', width: 200, render: (u: string[]) => u.join('、') },
        {
          title: '配合单位',
          dataIndex: 'cooperatingUnits',
          width: 180,
          render: (u: string[]) => u.join('、') || '—',
        },
        {
          title: '时限',
          key: 'deadline',
          width: 200,
          render: (_: unknown, t) => (
            <span
              style={{
                color: t.status === 'overdue' ? '#cf1322' : t.status === 'due_soon' ? '#d46b08' : undefined,
              }}
            >
              {deadlineText(t)}
            </span>
          ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 100,
          render: (s: string, t) => <Tag color={STATUS_COLORS[s]}>{t.statusName}</Tag>,
        },
        {
          title: '进度（报送/通过）',
          key: 'pct',
          width: 170,
          render: (_: unknown, t) => (
            <Progress
              size="small"
              percent={t.progressPct}
              success={{ percent: t.acceptedPct }}
              format={() => `${t.progressPct}/${t.acceptedPct} %`}
            />
          ),
        },
        {
          title: '待审核',
          dataIndex: 'pendingReports',
          width: 80,
          render: (n: number) => (n > 0 ? <Badge count={n} /> : '—'),
        },
      ]}
    />
  );
}

/** 督办: overdue (red), due soon (orange) and reports waiting for review. */
function SupervisionTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { get, update } = useUrlState();
  const days = Number(get('days') ?? 30) || 30;
  const fetcher = useCallback(() => getSupervision(days), [days]);
  const { data, loading, error, reload } = useApiData(fetcher);
  const column = (title: string, color: string, tasks: Task[], testId: string) => (
    <Col xs={24} lg={8}>
      <Card
        size="small"
        title={
          <span style={{ color }}>
            {title}（{tasks.length}）
          </span>
        }
        data-testid={testId}
      >
        <List
          loading={loading}
          dataSource={tasks}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" /> }}
          renderItem={(t) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onOpen(t.id)}>
              <List.Item.Meta
                title={<span style={{ color }}>{t.title}</span>}
                description={`${t.leadUnits.join('、')} · ${deadlineText(t)} · 进度 ${t.progressPct} %`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        即将到期：
        <Select
          value={days}
          style={{ width: 120 }}
          onChange={(v: number) => update({ days: String(v) })}
          options={[7, 15, 30, 60, 90].map((d) => ({ value: d, label: `${d} 天内` }))}
        />
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
        {data && <Typography.Text type="secondary">共 {data.counts.total} 项任务</Typography.Text>}
      </Space>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(error)} />
      )}
      <Row gutter={16}>
        {column('已逾期', '#cf1322', data?.overdue ?? [], 'task-overdue')}
        {column('即将到期', '#d46b08', data?.dueSoon ?? [], 'task-due-soon')}
        {column('待审核进展', '#0958d9', data?.awaitingReview ?? [], 'task-awaiting')}
      </Row>
    </>
  );
}

/** 任务督办: tasks by plan and unit, the 督办 list, a deadline calendar, and Excel reporting. */
export function TasksPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { get, update } = useUrlState();
  const [tab, setTab] = useUrlTab(TABS);
  const [creating, setCreating] = useState(false);
  const planId = get('plan');
  const unit = get('unit');
  const status = get('status');
  const q = get('q');
  const query = useMemo<TaskQuery>(
    () => ({
      ...(planId ? { planId } : {}),
      ...(unit ? { unit } : {}),
      ...(status ? { status: status as TaskQuery['status'] } : {}),
      ...(q ? { q } : {}),
    }),
    [planId, unit, status, q],
  );
  const fetchTasks = useCallback(() => listTasks(query), [query]);
  const fetchAll = useCallback(() => listTasks({}), []);
  const tasks = useApiData(fetchTasks);
  const all = useApiData(fetchAll);
  const plans = useApiData(useCallback(() => listPlans(), []));
  const units = useApiData(useCallback(() => myUnits(), []));
  const open = (id: string) => navigate(`/tasks/${id}`);
  const byDay = useMemo(() => tasksByDay(tasks.data?.items ?? []), [tasks.data]);
  const planTitle = (id: string | null) =>
    plans.data?.items.find((p) => p.id === id)?.title ?? '手工下达的任务';

  const grouped = useMemo(() => {
    const m = new Map<string | null, Task[]>();
    for (const t of tasks.data?.items ?? []) m.set(t.planId, [...(m.get(t.planId) ?? []), t]);
    return [...m.entries()];
  }, [tasks.data]);

  if (me.role === 'public') return <Result status="403" title="无权查看督办任务" />;

  const who = units.data
    ? units.data.supervisor
      ? `督办单位：${me.regionName ?? '全省'}（可审核进展）`
      : units.data.units.length
        ? `所在单位：${units.data.units.join('、')}（报送本单位任务进展）`
        : '您不属于任何责任单位，也不是督办单位：没有可见的任务。'
    : '';

  const filters = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        placeholder="按方案"
        style={{ width: 280 }}
        value={planId}
        onChange={(v?: string) => update({ plan: v })}
        options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
      />
      <Select
        allowClear
        showSearch
        placeholder="按单位"
        style={{ width: 240 }}
        value={unit}
        onChange={(v?: string) => update({ unit: v })}
        options={unitsOf(all.data?.items ?? []).map((u) => ({ value: u, label: u }))}
      />
      <Select
        allowClear
        placeholder="状态"
        style={{ width: 120 }}
        value={status}
        onChange={(v?: string) => update({ status: v })}
        options={TASK_STATUSES.map((s) => ({ value: s.code, label: s.nameZh }))}
      />
      <Input.Search
        allowClear
        placeholder="任务内容"
        style={{ width: 200 }}
        defaultValue={q}
        onSearch={(v) => update({ q: v.trim() || undefined })}
      />
      <ReloadExportButtons onReload={tasks.reload} onExport={() => exportTasks(query)} />
    </Space>
  );

  const counts = (tasks.data?.items ?? []).reduce<Record<string, number>>((acc, t) => {
    acc[t.status] = (acc[t.status] ?? 0) + 1;
    return acc;
  }, {});

  return (
    <Card
      title={
        <Space>
          任务督办
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {who}
          </Typography.Text>
        </Space>
      }
      extra={
        canCreateTask(me.role, units.data?.supervisor ?? false) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="task-create"
          >
            新增任务
          </Button>
        )
      }
    >
      <TaskCreateModal
        open={creating}
        knownUnits={unitsOf(all.data?.items ?? [])}
        onClose={() => setCreating(false)}
        onCreated={(t) => {
          setCreating(false);
          message.success(`已下达：${t.title}`);
          tasks.reload();
          all.reload();
        }}
      />
      {tasks.error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`任务加载失败：${errorText(tasks.error)}`}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: '任务清单',
            children: (
              <>
                {filters}
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  {TASK_STATUSES.map((s) => (
                    <Col span={6} key={s.code}>
                      <Statistic title={s.nameZh} value={counts[s.code] ?? 0} suffix="项" />
                    </Col>
                  ))}
                </Row>
                {grouped.length === 0 && !tasks.loading ? (
                  <Empty description="没有任务：您所在单位或辖区内没有符合条件的督办任务" />
                ) : (
                  grouped.map(([pid, list]) => (
                    <Card
                      key={pid ?? 'manual'}
                      size="small"
                      title={`${planTitle(pid)}（${list.length} 项）`}
                      style={{ marginBottom: 12 }}
                    >
                      <TaskTable tasks={list} loading={tasks.loading} onOpen={open} testId="task-table" />
                    </Card>
                  ))
                )}
              </>
            ),
          },
          { key: 'supervision', label: '督办清单', children: <SupervisionTab onOpen={open} /> },
          {
            key: 'calendar',
            label: '时限日历',
            children: (
              <>
                {filters}
                <Calendar
                  cellRender={(d: Dayjs, info) => {
                    if (info.type !== 'date') return info.originNode;
                    const due = byDay.get(d.format('YYYY-MM-DD')) ?? [];
                    return (
                      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                        {due.map((t) => (
                          <li key={t.id}>
                            <Badge
                              status={
                                t.status === 'overdue'
                                  ? 'error'
                                  : t.status === 'due_soon'
                                    ? 'warning'
                                    : t.status === 'completed'
                                      ? 'success'
                                      : 'processing'
                              }
                              text={
                                <Link to={`/tasks/${t.id}`} title={t.title} style={{ fontSize: 12 }}>
                                  {t.title}
                                </Link>
                              }
                            />
                          </li>
                        ))}
                      </ul>
                    );
                  }}
                />
              </>
            ),
          },
          {
            key: 'excel',
            label: 'Excel 报送',
            children: (
              <ExcelImportPanel
                title="批量报送任务进展"
                onTemplate={downloadReportTemplate}
                onUpload={importReports}
                onImported={tasks.reload}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
