import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { StatisticIndicatorInfo, StatisticValue } from '@ecep/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api';
import { useAuth } from '../../auth/auth-context';
import { useReloadable } from '../../lib/use-reloadable';
import { downloadXlsx, type ImportMode, importIssuesOf, uploadXlsx } from '../../lib/xlsx-transfer';
import { fieldErrorsOf, type StatisticImportResult, statisticsApi } from './statistics-api';

const STATUS: Record<string, { label: string; color: string }> = {
  preliminary: { label: '初步数', color: 'blue' },
  final: { label: '最终核实数', color: 'green' },
  revised: { label: '修订数', color: 'orange' },
};
const PERIODS = [
  { value: 'Y', label: '全年' },
  { value: 'H1', label: '上半年' },
  { value: 'Q1', label: '一季度' },
  { value: 'Q2', label: '1–2 季度' },
  { value: 'Q3', label: '1–3 季度' },
  { value: 'Q4', label: '1–4 季度' },
];

interface EntryForm {
  regionCode: string;
  year: number;
  period: string;
  indicator: string;
  value: number;
  priceBase?: string;
  status?: 'preliminary' | 'final' | 'revised';
  source: string;
  note?: string;
}

/**
 * 地区统计数据: the figures behind every target (energy, GDP at comparable prices, pollutants, solid waste…),
 * entered by form or Excel, each change a new version with who and when.
 */
export function StatisticsPage() {
  const { me } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const province = me?.regionCode ? `${me.regionCode.slice(0, 2)}0000` : '140000';
  const region = params.get('region') ?? province;
  const indicator = params.get('indicator') ?? undefined;
  const fromYear = Number(params.get('from') ?? new Date().getFullYear() - 6);
  const [indicators, setIndicators] = useState<StatisticIndicatorInfo[]>([]);
  const [regions, setRegions] = useState<Array<{ code: string; name: string }>>([]);
  const [rows, setRows] = useState<StatisticValue[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<StatisticValue[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [importMode, setImportMode] = useState<ImportMode>('all-or-nothing');
  const [importResult, setImportResult] = useState<StatisticImportResult | null>(null);
  const [importIssues, setImportIssues] = useState<ReturnType<typeof importIssuesOf>>([]);
  const [form] = Form.useForm<EntryForm>();
  const canWrite = me?.role === 'province_admin' || me?.role === 'city_admin';

  useEffect(() => {
    statisticsApi
      .indicators()
      .then((r) => setIndicators(r.items))
      .catch(() => setIndicators([]));
    statisticsApi
      .regions(province)
      .then(async (r) => {
        const name = me?.regionCode === province ? '本省' : '全省';
        setRegions([{ code: province, name }, ...r.items.map((c) => ({ code: c.code, name: c.name }))]);
      })
      .catch(() => setRegions([]));
  }, [province, me?.regionCode]);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setLoading(true);
      try {
        const res = await statisticsApi.list({ region, indicator, fromYear, period: 'Y' });
        if (!isCurrent()) return;
        setRows(res.items);
        setError(null);
      } catch (err) {
        if (isCurrent()) setError(err);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [region, indicator, fromYear],
  );
  const reload = useReloadable(load);
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const needsPriceBase = useMemo(
    () => new Set(indicators.filter((i) => i.needsPriceBase).map((i) => i.code)),
    [indicators],
  );
  const chosenIndicator = Form.useWatch('indicator', form);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setFieldErrors({});
    try {
      const res = await statisticsApi.write([{ ...values, period: values.period as 'Y' }]);
      message.success(
        res.created > 0 ? `已保存为第 ${res.items[0]?.version ?? 1} 版` : '与现有数值相同，未生成新版本',
      );
      setEditing(false);
      reload();
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err));
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const upload = async (file: File) => {
    setImportResult(null);
    setImportIssues([]);
    try {
      const res = (await uploadXlsx(
        '/api/statistics/import',
        file,
        importMode,
      )) as unknown as StatisticImportResult;
      setImportResult(res);
      setImportIssues(res.issues);
      message.success(
        `导入完成：新增版本 ${res.created} 条，未变化 ${res.unchanged} 条，问题 ${res.rejected} 处`,
      );
      reload();
    } catch (err) {
      setImportIssues(importIssuesOf(err));
      message.error(errorText(err));
    }
    return false;
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="地区统计数据"
        extra={
          <Space wrap>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(true)}
                data-testid="statistic-add"
              >
                录入/修订
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadXlsx('/api/statistics/export.xlsx', 'statistics.xlsx', {
                  region,
                  indicator,
                  fromYear,
                  period: 'Y',
                }).catch((err: unknown) => message.error(errorText(err)))
              }
            >
              按筛选导出
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 160 }}
            value={region}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            onChange={(v) => setParam('region', v)}
          />
          <Select
            allowClear
            showSearch
            placeholder="全部指标"
            style={{ width: 280 }}
            value={indicator}
            optionFilterProp="label"
            options={indicators.map((i) => ({ value: i.code, label: `${i.nameZh}（${i.unit}）` }))}
            onChange={(v) => setParam('indicator', v)}
          />
          <InputNumber
            addonBefore="自"
            addonAfter="年起"
            min={1990}
            max={2100}
            value={fromYear}
            onChange={(v) => setParam('from', v ? String(v) : undefined)}
          />
        </Space>
        {error !== null && <Alert type="error" showIcon title={`加载失败：${errorText(error)}`} />}
        <Table<StatisticValue>
          rowKey={(r) => `${r.regionCode}/${r.year}/${r.period}/${r.indicator}`}
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '地区', dataIndex: 'regionName' },
            { title: '年份', dataIndex: 'year', sorter: (a, b) => a.year - b.year },
            { title: '指标', dataIndex: 'indicatorName' },
            { title: '数值', dataIndex: 'value', align: 'right' },
            { title: '单位', dataIndex: 'unit' },
            { title: '价格基年', dataIndex: 'priceBase', render: (v: string | null) => v ?? '—' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string) => <Tag color={STATUS[v]?.color}>{STATUS[v]?.label ?? v}</Tag>,
            },
            { title: '来源', dataIndex: 'source' },
            {
              title: '版本',
              dataIndex: 'version',
              render: (v: number, r) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    statisticsApi
                      .history({
                        region: r.regionCode,
                        year: r.year,
                        period: r.period,
                        indicator: r.indicator,
                      })
                      .then((h) => setHistory(h.items))
                      .catch((err: unknown) => message.error(errorText(err)))
                  }
                >
                  第 {v} 版
                </Button>
              ),
            },
            { title: '录入人', dataIndex: 'recordedBy' },
            {
              title: '录入时间',
              dataIndex: 'recordedAt',
              render: (v: string) => v.replace('T', ' ').slice(0, 16),
            },
          ]}
        />
        {rows.some((r) => r.isDemo) && <Tag color="gold">演示数据</Tag>}
      </Card>

      {canWrite && (
        <Card title="Excel 导入">
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadXlsx('/api/statistics/template.xlsx', '统计数据导入模板.xlsx').catch((err: unknown) =>
                  message.error(errorText(err)),
                )
              }
            >
              下载模板
            </Button>
            <Radio.Group value={importMode} onChange={(e) => setImportMode(e.target.value)}>
              <Radio value="all-or-nothing">有错误则整份不导入</Radio>
              <Radio value="valid-rows">只导入正确的行</Radio>
            </Radio.Group>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
              <Button icon={<UploadOutlined />}>上传已填写的模板</Button>
            </Upload>
          </Space>
          {importResult && (
            <Alert
              style={{ marginTop: 12 }}
              type={importResult.rejected > 0 ? 'warning' : 'success'}
              showIcon
              title={`共 ${importResult.rows} 行：新增版本 ${importResult.created}，未变化 ${importResult.unchanged}，问题 ${importResult.rejected}`}
            />
          )}
          {importIssues.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
              dataSource={importIssues}
              pagination={false}
              columns={[
                { title: '行', dataIndex: 'row' },
                { title: '列', dataIndex: 'column' },
                { title: '列名', dataIndex: 'header' },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          )}
        </Card>
      )}

      <Modal
        title="录入或修订统计数据"
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={save}
        confirmLoading={saving}
        okText="保存"
      >
        <Form<EntryForm>
          form={form}
          layout="vertical"
          initialValues={{ regionCode: region, year: new Date().getFullYear() - 1, period: 'Y' }}
        >
          <Form.Item
            name="regionCode"
            label="地区"
            rules={[{ required: true }]}
            validateStatus={fieldErrors.regionCode ? 'error' : undefined}
            help={fieldErrors.regionCode}
          >
            <Select options={regions.map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
          <Space>
            <Form.Item name="year" label="年份" rules={[{ required: true }]}>
              <InputNumber min={1990} max={2100} />
            </Form.Item>
            <Form.Item name="period" label="期别">
              <Select style={{ width: 120 }} options={PERIODS} />
            </Form.Item>
          </Space>
          <Form.Item
            name="indicator"
            label="指标"
            rules={[{ required: true }]}
            validateStatus={fieldErrors.indicator ? 'error' : undefined}
            help={fieldErrors.indicator}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={indicators.map((i) => ({ value: i.code, label: `${i.nameZh}（${i.unit}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="value"
            label="数值（按指标单位）"
            rules={[{ required: true }]}
            validateStatus={fieldErrors.value ? 'error' : undefined}
            help={fieldErrors.value}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          {chosenIndicator && needsPriceBase.has(chosenIndicator) && (
            <Form.Item
              name="priceBase"
              label="价格基年（可比价）"
              rules={[{ required: true, pattern: /^\d{4}$/, message: '四位年份，如 2015' }]}
              validateStatus={fieldErrors.priceBase ? 'error' : undefined}
              help={fieldErrors.priceBase}
            >
              <Input placeholder="2015" />
            </Form.Item>
          )}
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="默认：初步数；修改已核实的数值时为修订数"
              options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
            />
          </Form.Item>
          <Form.Item
            name="source"
            label="来源"
            rules={[{ required: true, message: '请注明来源，如 统计年鉴、统计公报' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title="版本历史"
        open={history !== null}
        footer={null}
        onCancel={() => setHistory(null)}
        width={760}
      >
        <Typography.Paragraph type="secondary">每次修改都保存为新版本，旧版本保留。</Typography.Paragraph>
        <Table<StatisticValue>
          size="small"
          rowKey="version"
          dataSource={history ?? []}
          pagination={false}
          columns={[
            { title: '版本', dataIndex: 'version' },
            { title: '数值', dataIndex: 'value', align: 'right' },
            { title: '状态', dataIndex: 'status', render: (v: string) => STATUS[v]?.label ?? v },
            { title: '来源', dataIndex: 'source' },
            { title: '录入人', dataIndex: 'recordedBy' },
            {
              title: '录入时间',
              dataIndex: 'recordedAt',
              render: (v: string) => v.replace('T', ' ').slice(0, 16),
            },
          ]}
        />
      </Modal>
    </Space>
  );
}
