import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { type Alarm, ApiError, type MonitoringSource } from '@ecep/contract';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { isAdmin } from '../../auth/permissions';
import { type CsvColumn, downloadCsv, toCsv } from '../../components/csv';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { formatTime } from '../../lib/format';
import { useReloadable } from '../../lib/use-reloadable';
import { formatValue } from './format-value';
import { monitoringApi } from './monitoring-api';
import { ALARM_TYPE_LABELS, FLAG_LABELS } from './monitoring-labels';
import { useAlarmFilters } from './use-alarm-filters';
import { type FactorNames, useFactors } from './use-factors';

const minutes = (s: number | null) => (s === null ? '—' : `${Math.round(s / 60)} 分钟`);

/** The alarm's value and limit with their units and what they measure. */
function describe(a: Alarm, f: FactorNames): { value: string; limit: string } {
  const unit = a.factor ? f.unit(a.factor) : '';
  switch (a.type) {
    case 'exceedance':
    case 'constant':
      return {
        value: a.value === null ? '—' : `${formatValue(a.value)} ${unit}（小时均值）`,
        limit: a.limit === null ? '—' : `${a.limit} ${unit}`,
      };
    case 'flag': {
      const flag = (a.details as { flag?: string } | null)?.flag ?? '';
      return {
        value: `${a.value ?? '—'} 分钟标记为 ${flag} ${FLAG_LABELS[flag] ?? ''}（本小时）`,
        limit: a.limit === null ? '—' : `${a.limit} 分钟`,
      };
    }
    case 'offline':
      return { value: `已中断 ${minutes(a.value)}`, limit: `超过 ${minutes(a.limit)}` };
  }
}

/** 在线监测 › 报警中心: filters in the URL, acknowledge with a comment, CSV export of what is filtered. */
export function AlarmCentrePage() {
  const me = useMe();
  const { message } = App.useApp();
  const factors = useFactors();
  const { filters, query, update, reset } = useAlarmFilters();
  const [items, setItems] = useState<Alarm[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [sources, setSources] = useState<MonitoringSource[]>([]);
  const [acking, setAcking] = useState<Alarm | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const admin = isAdmin(me.role);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setLoading(true);
      try {
        const res = await monitoringApi.alarms(query);
        if (!isCurrent()) return;
        setItems(res.items);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [query],
  );
  const reload = useReloadable(load);
  useEffect(() => {
    if (me.role === 'public') return;
    monitoringApi
      .overview()
      .then((o) => setSources(o.items))
      .catch(() => undefined);
  }, [me.role]);

  const acknowledge = async () => {
    if (!acking) return;
    const { comment } = await form.validateFields();
    setSaving(true);
    try {
      await monitoringApi.ack(acking.id, comment.trim());
      message.success('报警已确认');
      setAcking(null);
      reload();
    } catch (err) {
      message.error(`确认失败：${errorText(err)}`);
    } finally {
      setSaving(false);
    }
  };

  if (me.role === 'public' || (error instanceof ApiError && error.status === 403)) {
    return <Result status="403" title="无权查看报警" subTitle="您的角色不能查看在线监测报警。" />;
  }

  const hourLink = (a: Alarm) =>
    `/monitoring/devices/${encodeURIComponent(a.mn)}?hour=${encodeURIComponent(a.start)}${a.factor ? `&factor=${a.factor}` : ''}`;

  const columns: TableColumnsType<Alarm> = [
    {
      title: '开始时间',
      dataIndex: 'start',
      width: 165,
      render: (s: string, a) => (
        <Space orientation="vertical" size={0}>
          {formatTime(s)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.end ? `至 ${formatTime(a.end)}` : '持续中'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '类型',
      dataIndex: 'type',
      width: 110,
      render: (t: Alarm['type']) => (
        <Tag color={t === 'exceedance' ? 'red' : t === 'offline' ? 'default' : 'orange'}>
          {ALARM_TYPE_LABELS[t]}
        </Tag>
      ),
    },
    {
      title: '设备',
      dataIndex: 'deviceName',
      render: (name: string, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/monitoring/devices/${encodeURIComponent(a.mn)}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.enterpriseName ?? ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '因子',
      dataIndex: 'factor',
      width: 120,
      render: (f: string | null) => (f ? factors.name(f) : '—'),
    },
    { title: '报警值', key: 'value', render: (_, a) => describe(a, factors).value },
    { title: '限值 / 阈值', key: 'limit', render: (_, a) => describe(a, factors).limit },
    {
      title: '确认',
      key: 'ack',
      render: (_, a) =>
        a.acknowledged ? (
          <Space orientation="vertical" size={0} data-testid="alarm-acknowledged">
            <Tag color="green">已确认</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.acknowledged.by}，{formatTime(a.acknowledged.at)}：{a.acknowledged.comment}
            </Typography.Text>
          </Space>
        ) : (
          <Tag color="red">未确认</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, a) => (
        <Space wrap size={4}>
          {a.type !== 'offline' && <Link to={hourLink(a)}>查看该小时</Link>}
          {admin && !a.acknowledged && (
            <Button
              size="small"
              type="primary"
              data-testid="alarm-ack-button"
              onClick={() => {
                form.resetFields();
                setAcking(a);
              }}
            >
              确认
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const csvColumns: CsvColumn<Alarm>[] = [
    { title: '报警编号', value: (a) => a.id },
    { title: '开始时间（北京时间）', value: (a) => formatTime(a.start) },
    { title: '结束时间（北京时间）', value: (a) => (a.end ? formatTime(a.end) : '持续中') },
    { title: '类型', value: (a) => ALARM_TYPE_LABELS[a.type] },
    { title: '设备 MN', value: (a) => a.mn },
    { title: '设备', value: (a) => a.deviceName },
    { title: '企业', value: (a) => a.enterpriseName },
    { title: '因子', value: (a) => (a.factor ? `${factors.name(a.factor)}（${a.factor}）` : '') },
    { title: '报警值', value: (a) => describe(a, factors).value },
    { title: '限值 / 阈值', value: (a) => describe(a, factors).limit },
    { title: '是否确认', value: (a) => (a.acknowledged ? '已确认' : '未确认') },
    { title: '确认人', value: (a) => a.acknowledged?.by },
    { title: '确认时间', value: (a) => (a.acknowledged ? formatTime(a.acknowledged.at) : '') },
    { title: '确认意见', value: (a) => a.acknowledged?.comment },
  ];

  return (
    <Card
      title={
        <Space wrap>
          报警中心
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            超标报警按小时均值（有折算时按折算值）判定；最多显示 1000 条
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          <Button
            icon={<DownloadOutlined />}
            data-testid="alarm-export"
            onClick={() => downloadCsv(`报警-${dayjs().format('YYYYMMDD-HHmm')}`, toCsv(csvColumns, items))}
          >
            导出 CSV
          </Button>
        </Space>
      }
    >
      <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="报警类型"
          value={filters.type}
          onChange={(type) => update({ type })}
          options={Object.entries(ALARM_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="设备"
          value={filters.mn}
          onChange={(mn) => update({ mn })}
          options={sources.map((s) => ({ value: s.mn, label: `${s.name}（${s.mn}）` }))}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder="确认状态"
          value={filters.ack}
          onChange={(ack) => update({ ack })}
          options={[
            { value: '0', label: '未确认' },
            { value: '1', label: '已确认' },
          ]}
          style={{ width: 120 }}
          data-testid="filter-ack"
        />
        <DatePicker.RangePicker
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
          allowEmpty={[true, true]}
        />
        <Button onClick={reset}>重置</Button>
      </Space>
      {error !== null && (
        <LoadErrorAlert what="报警" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="alarm-table">
        <Table<Alarm>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          locale={{ emptyText: <span data-testid="alarm-empty">没有符合条件的报警</span> }}
          pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条报警` }}
        />
      </div>
      <Modal
        title="确认报警"
        open={acking !== null}
        onCancel={() => setAcking(null)}
        onOk={acknowledge}
        okText="确认"
        okButtonProps={{ 'data-testid': 'alarm-ack-ok' } as React.ComponentProps<typeof Button>}
        confirmLoading={saving}
        destroyOnHidden
      >
        {acking && (
          <Typography.Paragraph>
            {acking.deviceName} · {ALARM_TYPE_LABELS[acking.type]} · {formatTime(acking.start)}：
            {describe(acking, factors).value}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label="处理意见"
            rules={[
              { required: true, whitespace: true, message: '请填写处理意见' },
              { max: 1000, message: '最多 1000 字' },
            ]}
          >
            <Input.TextArea
              rows={3}
              placeholder="如：已联系企业核实，系检修期间标记异常"
              data-testid="alarm-ack-comment"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
