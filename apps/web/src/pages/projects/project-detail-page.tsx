import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError, type Milestone, type ProjectStageEvent } from '@ecep/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { formatTime } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useRegionNames } from '../../lib/use-region-names';
import {
  addMilestone,
  getProject,
  STAGE_CODES,
  STAGE_COLORS,
  type StageCode,
  stageName,
  updateMilestone,
  updateProject,
} from './project-api';
import { StageMoveModal, type StageMoveTarget } from './stage-move-modal';

const num = (v: string | null) => (v === null ? '—' : Number(v).toLocaleString('zh-CN'));
const canWrite = (r: string) =>
  r === 'province_admin' || r === 'city_admin' || r === 'county_admin' || r === 'enterprise_user';

/** One key project: stages, milestones (overdue flagged), investment and savings, with the forms to update them. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fetcher = useCallback(() => getProject(id), [id]);
  const { data: p, error, reload } = useApiData(fetcher);
  const regionName = useRegionNames([p?.regionCode ?? null]);
  const [move, setMove] = useState<StageMoveTarget | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingMs, setAddingMs] = useState(false);
  const [figForm] = Form.useForm();
  const [msForm] = Form.useForm<{ title: string; dueDate: Dayjs; note?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const writer = canWrite(me.role);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title="没有这个项目"
        subTitle="项目不存在，或不在您的管辖范围内。"
        extra={<Button onClick={() => navigate('/projects')}>返回项目库</Button>}
      />
    );
  }
  if (!p) return error ? <Alert type="error" showIcon title={errorText(error)} /> : <Spin />;

  const saveFigures = async () => {
    const v = await figForm.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFormError(null);
    try {
      await updateProject(p.id, {
        version: p.version,
        completedInvestment10kYuan: String(v.completedInvestment10kYuan ?? '0'),
        measuredSavingTcePerYr:
          v.measuredSavingTcePerYr === null || v.measuredSavingTcePerYr === undefined
            ? null
            : String(v.measuredSavingTcePerYr),
        measuredWasteUseTPerYr:
          v.measuredWasteUseTPerYr === null || v.measuredWasteUseTPerYr === undefined
            ? null
            : String(v.measuredWasteUseTPerYr),
      });
      setEditing(false);
      message.success('已保存');
      reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  };
  const saveMilestone = async () => {
    const v = await msForm.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFormError(null);
    try {
      await addMilestone(p.id, {
        title: v.title.trim(),
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      setAddingMs(false);
      reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  };
  const markDone = async (m: Milestone) => {
    try {
      await updateMilestone(p.id, m.id, { doneDate: dayjs().format('YYYY-MM-DD') });
      reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
        返回
      </Button>
      <Card
        title={
          <Space>
            <span data-testid="project-title">{p.name}</span>
            <Tag color={STAGE_COLORS[p.stage]}>{p.stageName}</Tag>
            {p.isDemo && <Tag>演示数据</Tag>}
          </Space>
        }
        extra={
          writer && (
            <Space>
              <Dropdown
                menu={{
                  items: STAGE_CODES.filter((s) => s !== p.stage).map((s) => ({
                    key: s,
                    label: `变更为“${stageName(s)}”`,
                  })),
                  onClick: ({ key }) => setMove({ project: p, to: key as StageCode }),
                }}
              >
                <Button data-testid="project-stage-change">变更阶段</Button>
              </Dropdown>
              <Button
                onClick={() => {
                  figForm.setFieldsValue({
                    completedInvestment10kYuan: p.completedInvestment10kYuan,
                    measuredSavingTcePerYr: p.measuredSavingTcePerYr,
                    measuredWasteUseTPerYr: p.measuredWasteUseTPerYr,
                  });
                  setFormError(null);
                  setEditing(true);
                }}
              >
                更新投资与实测
              </Button>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          bordered
          column={3}
          items={[
            { key: 'cat', label: '类别', children: p.categoryName },
            {
              key: 'prog',
              label: '重点工程',
              children: p.programmeName ? `${p.programmeNo}. ${p.programmeName}` : '—',
            },
            {
              key: 'owner',
              label: '业主',
              children: `${p.ownerName}${p.enterpriseCreditCode ? `（${p.enterpriseCreditCode}）` : ''}`,
            },
            { key: 'region', label: '地区', children: regionName(p.regionCode) },
            { key: 'year', label: '计划年度', children: p.planYear ?? '—' },
            { key: 'cap', label: '建设规模', children: p.capacity || '—' },
            {
              key: 'stage',
              label: '当前阶段',
              children: `${p.stageName}${p.stageDate ? `（${p.stageDate}）` : ''}`,
            },
            { key: 'term', label: '终止原因', children: p.terminationReason ?? '—' },
            { key: 'note', label: '备注', children: p.note || '—' },
          ]}
        />
        <Row gutter={24} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Statistic title="计划投资" value={num(p.plannedInvestment10kYuan)} suffix="万元" />
            <Statistic title="已完成投资" value={num(p.completedInvestment10kYuan)} suffix="万元" />
            <Progress
              percent={
                p.investmentCompletionPct === null ? 0 : Math.min(100, Number(p.investmentCompletionPct))
              }
              format={() => (p.investmentCompletionPct === null ? '—' : `${p.investmentCompletionPct} %`)}
            />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title="预期节能量" value={num(p.expectedSavingTcePerYr)} suffix="吨标准煤/年" />
            <Statistic title="实测节能量" value={num(p.measuredSavingTcePerYr)} suffix="吨标准煤/年" />
            <Progress
              percent={p.savingRealizationPct === null ? 0 : Math.min(100, Number(p.savingRealizationPct))}
              format={() =>
                p.savingRealizationPct === null ? '尚无实测' : `实现 ${p.savingRealizationPct} %`
              }
            />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title="预期固废利用量" value={num(p.expectedWasteUseTPerYr)} suffix="吨/年" />
            <Statistic title="实测固废利用量" value={num(p.measuredWasteUseTPerYr)} suffix="吨/年" />
            <Statistic title="预期减排量" value={num(p.expectedEmissionCutTPerYr)} suffix="吨/年" />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title="建设节点"
            extra={
              writer && (
                <Button
                  size="small"
                  onClick={() => {
                    msForm.resetFields();
                    setFormError(null);
                    setAddingMs(true);
                  }}
                >
                  新增节点
                </Button>
              )
            }
          >
            <Table<Milestone>
              data-testid="project-milestones"
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.milestones}
              columns={[
                { title: '节点', dataIndex: 'title' },
                { title: '计划日期', dataIndex: 'dueDate', width: 110 },
                {
                  title: '完成日期',
                  dataIndex: 'doneDate',
                  width: 110,
                  render: (d: string | null) => d ?? '—',
                },
                {
                  title: '状态',
                  key: 's',
                  width: 170,
                  render: (_: unknown, m) =>
                    m.doneDate ? (
                      <Tag color="success">已完成</Tag>
                    ) : m.overdue ? (
                      <Space>
                        <Tag color="error">已逾期</Tag>
                        {writer && (
                          <Button size="small" onClick={() => markDone(m)}>
                            今天完成
                          </Button>
                        )}
                      </Space>
                    ) : (
                      <Space>
                        <Tag>未到期</Tag>
                        {writer && (
                          <Button size="small" onClick={() => markDone(m)}>
                            今天完成
                          </Button>
                        )}
                      </Space>
                    ),
                },
                { title: '说明', dataIndex: 'note' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="阶段记录">
            <Timeline
              items={[...p.stages].reverse().map((s: ProjectStageEvent) => ({
                key: `${s.at}-${s.toStage}`,
                color: s.toStage === 'terminated' ? 'red' : 'blue',
                children: (
                  <>
                    <strong>
                      {s.fromStage ? `${stageName(s.fromStage)} → ` : ''}
                      {stageName(s.toStage)}
                    </strong>{' '}
                    {s.date}
                    <div style={{ fontSize: 12, color: '#888' }}>
                      {s.actorName} · {formatTime(s.at)}
                      {s.evidence && <div>佐证：{s.evidence}</div>}
                      {s.reason && <div>原因：{s.reason}</div>}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <StageMoveModal
        target={move}
        onClose={() => setMove(null)}
        onMoved={() => {
          setMove(null);
          message.success('阶段已变更');
          reload();
        }}
      />
      <Modal
        open={editing}
        title="更新投资完成与实测效果"
        onOk={saveFigures}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
        <Form form={figForm} layout="vertical">
          <Form.Item
            name="completedInvestment10kYuan"
            label="已完成投资（万元）"
            rules={[{ required: true }]}
          >
            <InputNumber<string> stringMode min="0" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="measuredSavingTcePerYr" label="实测节能量（吨标准煤/年）">
            <InputNumber<string> stringMode min="0" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="measuredWasteUseTPerYr" label="实测固废利用量（吨/年）">
            <InputNumber<string> stringMode min="0" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={addingMs}
        title="新增建设节点"
        onOk={saveMilestone}
        onCancel={() => setAddingMs(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
        <Form form={msForm} layout="vertical">
          <Form.Item name="title" label="节点" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dueDate" label="计划完成日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
