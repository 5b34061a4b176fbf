import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError, type TaskReport } from '@ecep/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api';
import { formatTime } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { getTask, myUnits, REPORT_STATUS_ZH, reportProgress, reviewReport, STATUS_COLORS } from './task-api';
import { type ReportFormValues, toReportInput } from './task-report-form';

const REPORT_COLORS: Record<string, string> = {
  submitted: 'processing',
  accepted: 'success',
  returned: 'error',
};

/** One task: its progress reports, the report form for the responsible unit, accept/return for the supervisor. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const task = useApiData(useCallback(() => getTask(id), [id]));
  const me = useApiData(useCallback(() => myUnits(), []));
  const [form] = Form.useForm<ReportFormValues>();
  const [saving, setSaving] = useState(false);
  const [reportError, setReportError] = useState<string | null>(null);
  const [review, setReview] = useState<{ report: TaskReport; action: 'accept' | 'return' } | null>(null);
  const [comment, setComment] = useState('');
  const [reviewError, setReviewError] = useState<string | null>(null);

  if (task.error instanceof ApiError && task.error.status === 404) {
    return (
      <Result
        status="404"
        title="没有这项任务"
        subTitle="任务不存在，或不属于您所在单位 / 辖区。"
        extra={<Button onClick={() => navigate('/tasks')}>返回任务督办</Button>}
      />
    );
  }
  const t = task.data;
  if (!t) return task.error ? <Alert type="error" showIcon title={errorText(task.error)} /> : <Spin />;
  const myTaskUnits = (me.data?.units ?? []).filter(
    (u) => t.leadUnits.includes(u) || t.cooperatingUnits.includes(u),
  );
  const canReport = myTaskUnits.length > 0;
  const supervisor = me.data?.supervisor ?? false;

  const submitReport = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    setReportError(null);
    try {
      await reportProgress(t.id, toReportInput({ ...v, unit: v.unit ?? myTaskUnits[0] }));
      form.resetFields();
      message.success('进展已报送');
      task.reload();
    } catch (err) {
      setReportError(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  const submitReview = async () => {
    if (!review) return;
    if (review.action === 'return' && !comment.trim()) {
      setReviewError('退回须填写意见');
      return;
    }
    try {
      await reviewReport(t.id, review.report.id, {
        action: review.action,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setReview(null);
      message.success(review.action === 'accept' ? '已通过' : '已退回');
      task.reload();
    } catch (err) {
      setReviewError(errorText(err));
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
            <span data-testid="task-title">{t.title}</span>
            <Tag color={STATUS_COLORS[t.status]}>{t.statusName}</Tag>
          </Space>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            { key: 'lead', label: '牵头单位', children: t.leadUnits.join('、') },
            { key: 'coop', label: '配合单位', children: t.cooperatingUnits.join('、') || '—' },
            {
              key: 'deadline',
              label: '时限',
              children: t.deadline
                ? `${t.deadline}${t.daysLeft !== null && t.status !== 'completed' ? (t.daysLeft < 0 ? `（已逾期 ${-t.daysLeft} 天）` : `（剩 ${t.daysLeft} 天）`) : ''}`
                : '无时限',
            },
            { key: 'source', label: '来源', children: t.source === 'plan' ? '方案分解任务' : '手工下达' },
            { key: 'output', label: '预期成果', children: t.expectedOutput || '—', span: 2 },
            {
              key: 'pct',
              label: '进度',
              span: 2,
              children: (
                <Progress
                  percent={t.progressPct}
                  success={{ percent: t.acceptedPct }}
                  format={() => `报送 ${t.progressPct} %，通过 ${t.acceptedPct} %`}
                />
              ),
            },
          ]}
        />
      </Card>
      {canReport && (
        <Card size="small" title="报送进展">
          {reportError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={reportError} />}
          <Form form={form} layout="vertical">
            {myTaskUnits.length > 1 && (
              <Form.Item name="unit" label="报送单位" initialValue={myTaskUnits[0]}>
                <Select options={myTaskUnits.map((u) => ({ value: u, label: u }))} />
              </Form.Item>
            )}
            <Space wrap>
              <Form.Item name="period" label="报送周期">
                <Input placeholder="如 2025-Q2 或 2025-06" style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name="percent"
                label="完成百分比（%）"
                rules={[{ required: true, message: '请填写完成百分比' }]}
                initialValue={t.progressPct}
              >
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  style={{ width: 140 }}
                  data-testid="task-report-percent"
                />
              </Form.Item>
            </Space>
            <Form.Item
              name="text"
              label="进展情况"
              rules={[{ required: true, whitespace: true, message: '请填写进展' }]}
            >
              <Input.TextArea rows={3} maxLength={5000} data-testid="task-report-text" />
            </Form.Item>
            <Form.Item name="attachments" label="附件（每行一个：名称，或 名称 | 链接）">
              <Input.TextArea rows={2} placeholder={'验收报告.pdf\n批复文件 | https://…'} />
            </Form.Item>
            <Button type="primary" loading={saving} onClick={submitReport} data-testid="task-report-submit">
              报送
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={`进展报送（${t.reports.length}）`} data-testid="task-reports">
        <List<TaskReport>
          dataSource={t.reports}
          locale={{ emptyText: '尚无进展报送' }}
          renderItem={(r) => (
            <List.Item
              actions={
                supervisor && r.status === 'submitted'
                  ? [
                      <Button
                        key="a"
                        size="small"
                        type="primary"
                        onClick={() => {
                          setComment('');
                          setReviewError(null);
                          setReview({ report: r, action: 'accept' });
                        }}
                      >
                        通过
                      </Button>,
                      <Button
                        key="r"
                        size="small"
                        danger
                        onClick={() => {
                          setComment('');
                          setReviewError(null);
                          setReview({ report: r, action: 'return' });
                        }}
                      >
                        退回
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {r.unit}
                    {r.period && <Typography.Text type="secondary">{r.period}</Typography.Text>}
                    <Tag>{r.percent} %</Tag>
                    <Tag color={REPORT_COLORS[r.status]}>{REPORT_STATUS_ZH[r.status] ?? r.status}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{r.text}</div>
                    {r.attachments.length > 0 && (
                      <div>
                        附件：
                        {r.attachments.map((a) =>
                          a.url ? (
                            <a
                              key={a.name}
                              href={a.url}
                              target="_blank"
                              rel="noreferrer"
                              style={{ marginRight: 8 }}
                            >
                              {a.name}
                            </a>
                          ) : (
                            <span key={a.name} style={{ marginRight: 8 }}>
                              {a.name}
                            </span>
                          ),
                        )}
                      </div>
                    )}
                    <div>
                      {r.reportedBy} · {formatTime(r.reportedAt)}
                      {r.reviewedBy &&
                        ` ｜ 审核：${r.reviewedBy} ${r.reviewedAt ? formatTime(r.reviewedAt) : ''}${r.reviewComment ? `：${r.reviewComment}` : ''}`}
                    </div>
                    {r.comments.map((c) => (
                      <div key={`${c.at}-${c.by}`}>
                        批示 {c.by}（{formatTime(c.at)}）：{c.text}
                      </div>
                    ))}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={review !== null}
        title={review?.action === 'accept' ? '通过该进展' : '退回该进展'}
        onOk={submitReview}
        onCancel={() => setReview(null)}
        okText={review?.action === 'accept' ? '通过' : '退回'}
      >
        {reviewError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={reviewError} />}
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={review?.action === 'return' ? '退回意见（必填）' : '意见（可选）'}
        />
      </Modal>
    </Space>
  );
}
