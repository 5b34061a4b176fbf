import {
  CheckOutlined,
  EditOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { ApiError, type Report, ROLE_LABELS_ZH, type Role } from '@ecep/contract';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { DetailPlaceholder } from '../../components/detail-placeholder';
import { formatTime } from '../../lib/format';
import { useReloadable } from '../../lib/use-reloadable';
import {
  AWAITING_ZH,
  approveReport,
  correctReport,
  EVENT_ACTION_ZH,
  getReport,
  getReportVersion,
  isMyTurn,
  PERIOD_TYPE_ZH,
  returnReport,
  submitReport,
  updateReport,
} from './report-api';
import { ReportContentView, ReportTotalsView } from './report-content-view';
import { contentOf, ReportForm, valuesOf } from './report-form';
import { ReportStatusTag } from './report-table';

type Decision = 'approve' | 'return';

/** One report: totals and their explanation, what was entered, versions, the event timeline and the actions due. */
export function ReportDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<'edit' | 'correct' | null>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  const [decisionForm] = Form.useForm<{ text?: string }>();

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setReport((prev) => (prev?.id === id ? prev : null));
      try {
        const r = await getReport(id);
        if (!isCurrent()) return;
        setReport(r);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [id],
  );
  const reload = useReloadable(load);

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: '能源与双控' },
        { title: <Link to="/reports">填报与审核</Link> },
        { title: report ? `${report.enterpriseName} ${report.period}` : '报表' },
      ]}
    />
  );

  if (error || !report) {
    return (
      <DetailPlaceholder
        crumbs={crumbs}
        error={error}
        notFoundStatuses={[404, 400]}
        notFoundTitle="报表不存在或不在您的管辖范围内"
        failedTitle="报表加载失败"
        backTo="/reports"
        backText="返回报表列表"
      />
    );
  }

  const enterpriseTurn = me.role === 'enterprise_user' && report.awaiting === 'enterprise';
  const canCorrect = me.role === 'enterprise_user' && report.status === 'approved';
  const reviewTurn = me.role !== 'enterprise_user' && isMyTurn(me.role, report.awaiting);

  const act = async (label: string, fn: () => Promise<Report>) => {
    setBusy(true);
    try {
      const r = await fn();
      setReport(r);
      message.success(`${label}成功，当前状态：${r.statusZh}`);
      return true;
    } catch (err) {
      message.error(`${label}失败：${errorText(err)}`);
      if (err instanceof ApiError && err.status === 409) reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const decide = async () => {
    const { text } = await decisionForm.validateFields();
    const ok =
      deciding === 'approve'
        ? await act('审核通过', () => approveReport(report.id, text?.trim() || undefined))
        : await act('退回', () => returnReport(report.id, (text ?? '').trim()));
    if (ok) {
      setDeciding(null);
      decisionForm.resetFields();
    }
  };

  const actions = (
    <Space wrap>
      <Button icon={<ReloadOutlined />} onClick={reload}>
        刷新
      </Button>
      {enterpriseTurn && (
        <Button icon={<EditOutlined />} onClick={() => setEditing('edit')} data-testid="report-edit">
          修改
        </Button>
      )}
      {enterpriseTurn && (
        <Popconfirm
          title="报送报表"
          description="报送后进入审核，审核期间不能修改。确定报送吗？"
          okText="报送"
          cancelText="取消"
          onConfirm={() => act('报送', () => submitReport(report.id))}
          okButtonProps={{ 'data-testid': 'report-submit-confirm' }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="report-submit">
            报送
          </Button>
        </Popconfirm>
      )}
      {canCorrect && (
        <Button icon={<EditOutlined />} onClick={() => setEditing('correct')} data-testid="report-correct">
          提交更正
        </Button>
      )}
      {reviewTurn && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setDeciding('approve')}
          data-testid="report-approve"
        >
          审核通过
        </Button>
      )}
      {reviewTurn && (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setDeciding('return')}
          data-testid="report-return"
        >
          退回
        </Button>
      )}
    </Space>
  );

  return (
    <>
      {crumbs}
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="report-title">
              {report.enterpriseName} · {report.period}{' '}
              {PERIOD_TYPE_ZH[report.periodType] ?? report.periodType}
            </Typography.Title>
            <Space size={4} style={{ marginTop: 8 }} wrap>
              <ReportStatusTag status={report.status} statusZh={report.statusZh} />
              {report.isDemo && <Tag color="gold">演示数据</Tag>}
              <Typography.Text type="secondary">
                {report.regionName} · 第 {report.currentVersion} 版
                {report.approvedVersion !== null && `（已批准版本：第 ${report.approvedVersion} 版）`}
                {report.awaiting && ` · 待${AWAITING_ZH[report.awaiting] ?? report.awaiting}处理`}
              </Typography.Text>
            </Space>
            {report.status === 'returned' && report.returnedReason && (
              <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
                退回原因：{report.returnedReason}
              </Typography.Paragraph>
            )}
          </div>
          {actions}
        </div>
        <Tabs
          style={{ marginTop: 16 }}
          items={[
            { key: 'totals', label: '汇总与计算说明', children: <ReportTotalsView totals={report.totals} /> },
            { key: 'content', label: '填报内容', children: <ReportContentView content={report.content} /> },
            {
              key: 'versions',
              label: `版本（${report.versions.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={report.versions}
                  columns={[
                    { title: '版本', dataIndex: 'version', width: 70 },
                    { title: '填报人', dataIndex: 'createdBy' },
                    { title: '时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
                    {
                      title: '综合能耗（tce）',
                      dataIndex: 'comprehensiveTce',
                      align: 'right',
                      render: (v: string) => <span className="ecep-mono">{v}</span>,
                    },
                    { title: '更正原因', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
                    {
                      title: '',
                      width: 80,
                      render: (_: unknown, v) => (
                        <Button type="link" size="small" onClick={() => setViewVersion(v.version)}>
                          查看
                        </Button>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'events',
              label: '流转记录',
              children: (
                <Timeline
                  data-testid="report-events"
                  items={report.events.map((e) => ({
                    color:
                      e.action === 'return'
                        ? 'red'
                        : e.toStatus === 'approved'
                          ? 'green'
                          : e.action === 'approve'
                            ? 'blue'
                            : 'gray',
                    content: (
                      <div>
                        <Typography.Text strong>{EVENT_ACTION_ZH[e.action] ?? e.action}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {formatTime(e.at)} · {e.actor}（{ROLE_LABELS_ZH[e.actorRole as Role] ?? e.actorRole}
                          ）· 第 {e.version} 版
                        </Typography.Text>
                        {e.comment && <div>意见：{e.comment}</div>}
                      </div>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
      </Card>

      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        size="large"
        width={1100}
        title={editing === 'correct' ? '提交更正（生成新版本并重新审核）' : '修改报表（生成新版本）'}
        destroyOnHidden
      >
        {editing && (
          <ReportForm
            mode={editing}
            initial={valuesOf(report.periodType as 'month' | 'year', report.period, report.content)}
            submitText={editing === 'correct' ? '提交更正' : '保存'}
            onSubmit={async (v) => {
              const r =
                editing === 'correct'
                  ? await correctReport(report.id, contentOf(v), (v.reason ?? '').trim())
                  : await updateReport(report.id, contentOf(v), report.currentVersion);
              setReport(r);
              setEditing(null);
              message.success(
                editing === 'correct' ? '更正已提交，等待审核' : `已保存为第 ${r.currentVersion} 版`,
              );
            }}
          />
        )}
      </Drawer>

      <Modal
        open={deciding !== null}
        title={deciding === 'approve' ? '审核通过' : '退回报表'}
        okText={deciding === 'approve' ? '通过' : '退回'}
        okButtonProps={{ danger: deciding === 'return', loading: busy, 'data-testid': 'report-decision-ok' }}
        cancelText="取消"
        onOk={decide}
        onCancel={() => {
          setDeciding(null);
          decisionForm.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={decisionForm} layout="vertical">
          <Form.Item
            name="text"
            label={deciding === 'approve' ? '审核意见（可选）' : '退回原因'}
            rules={
              deciding === 'return'
                ? [
                    { required: true, message: '退回须说明原因' },
                    { min: 2, message: '至少 2 个字' },
                  ]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="report-decision-text" />
          </Form.Item>
        </Form>
      </Modal>

      <VersionModal reportId={report.id} version={viewVersion} onClose={() => setViewVersion(null)} />
    </>
  );
}

function VersionModal({
  reportId,
  version,
  onClose,
}: {
  reportId: string;
  version: number | null;
  onClose: () => void;
}) {
  const [data, setData] = useState<Awaited<ReturnType<typeof getReportVersion>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setData(null);
      setError(null);
      if (version === null) return;
      try {
        const v = await getReportVersion(reportId, version);
        if (isCurrent()) setData(v);
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [reportId, version],
  );
  useReloadable(load);
  return (
    <Modal open={version !== null} onCancel={onClose} footer={null} width={1000} title={`第 ${version} 版`}>
      {error !== null && <Typography.Text type="danger">{errorText(error)}</Typography.Text>}
      {!data && error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {data.createdBy} · {formatTime(data.createdAt)}
            {data.reason && ` · 更正原因：${data.reason}`}
          </Typography.Paragraph>
          <ReportTotalsView totals={data.totals} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            填报内容
          </Typography.Title>
          <ReportContentView content={data.content} />
        </>
      )}
    </Modal>
  );
}
