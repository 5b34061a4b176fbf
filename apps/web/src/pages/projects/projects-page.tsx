import type { Project, ProjectQuery, ProjectRates } from '@ecep/contract';
import {
  App,
  Button,
  Card,
  Col,
  Dropdown,
  Empty,
  Input,
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
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { ExcelImportPanel } from '../../components/excel-import-panel';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { RegionCascader } from '../../components/region-cascader';
import { ReloadExportButtons } from '../../components/reload-export-buttons';
import { useApiData } from '../../lib/use-api-data';
import { useRegionNames } from '../../lib/use-region-names';
import { useUrlState } from '../../lib/use-url-state';
import { useUrlTab } from '../../lib/use-url-tab';
import {
  CATEGORY_OPTIONS,
  downloadProjectTemplate,
  exportProjects,
  importProjects,
  listProjects,
  PROGRAMME_OPTIONS,
  projectRates,
  STAGE_CODES,
  STAGE_COLORS,
  type StageCode,
  stageName,
} from './project-api';
import { ProjectMap } from './project-map';
import { StageMoveModal, type StageMoveTarget } from './stage-move-modal';

const TABS = ['list', 'board', 'map', 'excel'] as const;
const isAdminRole = (r: string) => r === 'province_admin' || r === 'city_admin' || r === 'county_admin';
const canMove = (r: string) => isAdminRole(r) || r === 'enterprise_user';
const wan = (v: string | null) => (v === null ? '—' : Number(v).toLocaleString('zh-CN'));

/** Started %, in operation %, investment completion % against the Shanxi 2014 targets, as progress bars. */
function RatesBar({ rates }: { rates: ProjectRates | null }) {
  if (!rates) return null;
  const target = (code: string) => rates.targets.find((t) => t.code === code);
  const bar = (label: string, value: string | null, goal: string | undefined, testId: string) => (
    <Col xs={24} md={8}>
      <Typography.Text>
        {label}
        {goal ? `（目标 ${goal} %）` : ''}
      </Typography.Text>
      <Progress
        data-testid={testId}
        percent={value === null ? 0 : Math.min(100, Number(value))}
        format={() => (value === null ? '—' : `${value} %`)}
        success={goal ? { percent: 0 } : undefined}
        status={goal && value !== null && Number(value) >= Number(goal) ? 'success' : 'normal'}
      />
    </Col>
  );
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="project-rates">
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Statistic
            title={`项目数（2014 年方案 ${target('project_count')?.targetValue ?? 217} 个）`}
            value={rates.total}
            suffix="个"
          />
        </Col>
        <Col xs={24} md={6}>
          <Statistic title="计划投资" value={wan(rates.plannedInvestment10kYuan)} suffix="万元" />
        </Col>
        <Col xs={24} md={6}>
          <Statistic title="已完成投资" value={wan(rates.completedInvestment10kYuan)} suffix="万元" />
        </Col>
        <Col xs={24} md={6}>
          <Statistic
            title="逾期节点"
            value={rates.overdueMilestones}
            suffix="个"
            styles={{ content: { color: rates.overdueMilestones ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      <Row gutter={24} style={{ marginTop: 12 }}>
        {bar(
          `开工率 ${rates.started}/${rates.total}`,
          rates.startedPct,
          target('started_pct')?.targetValue,
          'project-started-pct',
        )}
        {bar(
          `投产率 ${rates.operating}/${rates.total}`,
          rates.operatingPct,
          target('operating_pct')?.targetValue,
          'project-operating-pct',
        )}
        {bar('投资完成率', rates.investmentCompletionPct, undefined, 'project-investment-pct')}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        山西省 2014 年方案：资源综合利用与清洁生产重点项目 217 个，开工率 90 %，投产（含部分投产）40
        %。投产项目预期节能 {wan(rates.expectedSavingTcePerYr)} 吨标准煤/年，实测{' '}
        {wan(rates.measuredSavingTcePerYr)} 吨标准煤/年。
      </Typography.Text>
    </Card>
  );
}

/** The kanban board: a column per stage; drag a card (or use its menu) to move it, which opens the dialog. */
function Board({
  projects,
  movable,
  onMove,
  onOpen,
}: {
  projects: Project[];
  movable: boolean;
  onMove: (t: StageMoveTarget) => void;
  onOpen: (id: string) => void;
}) {
  const [dragId, setDragId] = useState<string | null>(null);
  return (
    <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="project-board">
      {STAGE_CODES.map((stage) => {
        const cards = projects.filter((p) => p.stage === stage);
        return (
          <Col key={stage} flex="1 0 240px">
            <Card
              size="small"
              title={
                <Space>
                  <Tag color={STAGE_COLORS[stage]}>{stageName(stage)}</Tag>
                  {cards.length} 个
                </Space>
              }
              styles={{ body: { minHeight: 360, background: '#fafafa', padding: 8 } }}
              onDragOver={(e) => movable && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const p = projects.find((x) => x.id === dragId);
                setDragId(null);
                if (p && p.stage !== stage) onMove({ project: p, to: stage });
              }}
              data-testid={`project-column-${stage}`}
            >
              {cards.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无项目" />}
              {cards.map((p) => (
                <Card
                  key={p.id}
                  size="small"
                  style={{ marginBottom: 8, cursor: movable ? 'grab' : 'pointer' }}
                  draggable={movable}
                  data-testid={`project-card-${p.id}`}
                  onDragStart={() => setDragId(p.id)}
                  onClick={() => onOpen(p.id)}
                  extra={
                    movable && (
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: STAGE_CODES.filter((s) => s !== p.stage).map((s) => ({
                            key: s,
                            label: `移到“${stageName(s)}”`,
                          })),
                          onClick: ({ key, domEvent }) => {
                            domEvent.stopPropagation();
                            onMove({ project: p, to: key as StageCode });
                          },
                        }}
                      >
                        <Button
                          size="small"
                          type="text"
                          onClick={(e) => e.stopPropagation()}
                          data-testid={`project-move-${p.id}`}
                        >
                          移动
                        </Button>
                      </Dropdown>
                    )
                  }
                  title={<span title={p.name}>{p.name}</span>}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.categoryName} · {p.ownerName}
                    <br />
                    投资 {wan(p.completedInvestment10kYuan)}/{wan(p.plannedInvestment10kYuan)} 万元
                    {p.stageDate ? ` · ${p.stageDate}` : ''}
                  </Typography.Text>
                  {p.overdueMilestones > 0 && (
                    <div>
                      <Tag color="error">逾期节点 {p.overdueMilestones}</Tag>
                    </div>
                  )}
                </Card>
              ))}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** 重点项目: the project pool with filters, rates against the targets, a stage board, a map and Excel. */
export function ProjectsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { get, update } = useUrlState();
  const [tab, setTab] = useUrlTab(TABS);
  const page = Math.max(1, Number(get('page') ?? 1) || 1);
  const category = get('category');
  const stage = get('stage');
  const region = get('region');
  const programme = get('programme');
  const q = get('q');
  const overdue = get('overdue') === '1';
  const query = useMemo<ProjectQuery>(
    () => ({
      ...(category ? { category: category as ProjectQuery['category'] } : {}),
      ...(stage ? { stage: stage as ProjectQuery['stage'] } : {}),
      ...(region ? { region } : {}),
      ...(programme ? { programmeNo: Number(programme) } : {}),
      ...(q ? { q } : {}),
      ...(overdue ? { overdue: true } : {}),
    }),
    [category, stage, region, programme, q, overdue],
  );
  const whole = tab === 'board' || tab === 'map';
  const fetchList = useCallback(
    () => listProjects({ ...query, page: whole ? 1 : page, pageSize: whole ? 2000 : 20 }),
    [query, page, whole],
  );
  const fetchRates = useCallback(() => projectRates(query), [query]);
  const list = useApiData(fetchList);
  const rates = useApiData(fetchRates);
  const regionName = useRegionNames((list.data?.items ?? []).map((p) => p.regionCode));
  const [move, setMove] = useState<StageMoveTarget | null>(null);
  const reloadAll = () => {
    list.reload();
    rates.reload();
  };

  if (me.role === 'public') return <Result status="403" title="无权查看重点项目" />;

  const filters = (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder="项目名称/业主"
        style={{ width: 200 }}
        defaultValue={q}
        onSearch={(v) => update({ q: v.trim() || undefined })}
      />
      <Select
        allowClear
        placeholder="类别"
        style={{ width: 160 }}
        value={category}
        onChange={(v?: string) => update({ category: v })}
        options={CATEGORY_OPTIONS}
      />
      <Select
        allowClear
        placeholder="22 项重点工程"
        style={{ width: 220 }}
        value={programme ? Number(programme) : undefined}
        onChange={(v?: number) => update({ programme: v ? String(v) : undefined })}
        options={PROGRAMME_OPTIONS}
      />
      <Select
        allowClear
        placeholder="阶段"
        style={{ width: 110 }}
        value={stage}
        onChange={(v?: string) => update({ stage: v })}
        options={STAGE_CODES.map((s) => ({ value: s, label: stageName(s) }))}
      />
      {me.role !== 'enterprise_user' && (
        <RegionCascader
          rootCode={me.regionCode}
          rootName={me.regionName}
          value={region}
          onChange={(code) => update({ region: code })}
          placeholder="地区"
          style={{ width: 200 }}
        />
      )}
      <Select
        allowClear
        placeholder="节点"
        style={{ width: 130 }}
        value={overdue ? '1' : undefined}
        onChange={(v?: string) => update({ overdue: v })}
        options={[{ value: '1', label: '有逾期节点' }]}
      />
      <ReloadExportButtons onReload={reloadAll} onExport={() => exportProjects(query)} />
    </Space>
  );

  const table = (
    <Table<Project>
      data-testid="project-table"
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description="管辖范围内没有符合条件的项目" /> }}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.total ?? 0,
        showTotal: (n) => `共 ${n} 个`,
        onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
      }}
      columns={[
        { title: '项目', dataIndex: 'name', width: 260 },
        {
          title: '类别',
          dataIndex: 'categoryName',
          render: (v: string, p) => (p.programmeName ? `${v} · ${p.programmeNo}. ${p.programmeName}` : v),
        },
        { title: '业主', dataIndex: 'ownerName' },
        { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionName(c) },
        {
          title: '阶段',
          dataIndex: 'stage',
          render: (s: string, p) => (
            <Space size={4}>
              <Tag color={STAGE_COLORS[s]}>{p.stageName}</Tag>
              {p.stageDate && <Typography.Text type="secondary">{p.stageDate}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: '投资 已完成/计划（万元）',
          key: 'inv',
          align: 'right',
          render: (_: unknown, p) =>
            `${wan(p.completedInvestment10kYuan)} / ${wan(p.plannedInvestment10kYuan)}${
              p.investmentCompletionPct ? `（${p.investmentCompletionPct} %）` : ''
            }`,
        },
        {
          title: '节能量 预期/实测（吨标准煤/年）',
          key: 'saving',
          align: 'right',
          render: (_: unknown, p) => `${wan(p.expectedSavingTcePerYr)} / ${wan(p.measuredSavingTcePerYr)}`,
        },
        {
          title: '逾期节点',
          dataIndex: 'overdueMilestones',
          render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : '—'),
        },
      ]}
    />
  );

  return (
    <Card title="重点项目库">
      {filters}
      {(list.error !== null || rates.error !== null) && (
        <LoadErrorAlert
          what=""
          error={list.error ?? rates.error}
          onRetry={reloadAll}
          style={{ marginBottom: 16 }}
        />
      )}
      <RatesBar rates={rates.data} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '项目列表', children: table },
          {
            key: 'board',
            label: '阶段看板',
            children: (
              <Board
                projects={list.data?.items ?? []}
                movable={canMove(me.role)}
                onMove={setMove}
                onOpen={(id) => navigate(`/projects/${id}`)}
              />
            ),
          },
          {
            key: 'map',
            label: '地图',
            children: (
              <ProjectMap
                projects={list.data?.items ?? []}
                onCity={(code) => update({ region: code, tab: 'list' })}
              />
            ),
          },
          ...(isAdminRole(me.role)
            ? [
                {
                  key: 'excel',
                  label: 'Excel 导入',
                  children: (
                    <ExcelImportPanel
                      title="导入重点项目"
                      onTemplate={downloadProjectTemplate}
                      onUpload={importProjects}
                      onImported={reloadAll}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <StageMoveModal
        target={move}
        onClose={() => setMove(null)}
        onMoved={() => {
          message.success('阶段已变更');
          setMove(null);
          reloadAll();
        }}
      />
    </Card>
  );
}
