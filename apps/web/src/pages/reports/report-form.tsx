import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReportContent } from '@ecep/contract';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ENERGY_OPTIONS, energyOption, unitLabel } from './energy-options';
import { reportFormErrors } from './report-form-errors';

type Amount = number | null | undefined;

interface EnergyRowValues {
  energyCode?: string;
  unit?: string;
  openingStock?: Amount;
  purchased?: Amount;
  consumed?: Amount;
  outputToOthers?: Amount;
  closingStock?: Amount;
}

export interface ReportFormValues {
  periodType: 'month' | 'year';
  period: string;
  energy: EnergyRowValues[];
  products?: Array<{ name?: string; unit?: string; output?: Amount }>;
  outputValue10kYuan?: Amount;
  note?: string;
  reason?: string;
}

export type ReportFormMode = 'create' | 'edit' | 'correct';

const opt = (v: Amount) => (v === null || v === undefined ? undefined : v);

/** The form's values as the API's report content; optional amounts left empty are left out. */
export function contentOf(v: ReportFormValues): ReportContent {
  const products = (v.products ?? []).filter((p) => p.name || p.unit || p.output);
  return {
    energy: v.energy.map((e) => {
      const row: ReportContent['energy'][number] = {
        energyCode: e.energyCode ?? '',
        unit: e.unit ?? '',
        purchased: e.purchased ?? 0,
        consumed: e.consumed ?? 0,
      };
      if (opt(e.openingStock) !== undefined) row.openingStock = e.openingStock as number;
      if (opt(e.outputToOthers) !== undefined) row.outputToOthers = e.outputToOthers as number;
      if (opt(e.closingStock) !== undefined) row.closingStock = e.closingStock as number;
      return row;
    }),
    ...(products.length
      ? {
          products: products.map((p) => ({ name: p.name ?? '', unit: p.unit ?? '', output: p.output ?? 0 })),
        }
      : {}),
    ...(opt(v.outputValue10kYuan) !== undefined
      ? { outputValue10kYuan: v.outputValue10kYuan as number }
      : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/** A report's stored content as form values. */
export function valuesOf(periodType: 'month' | 'year', period: string, c: ReportContent): ReportFormValues {
  return {
    periodType,
    period,
    energy: c.energy.map((e) => ({ ...e })),
    products: (c.products ?? []).map((p) => ({ ...p })),
    outputValue10kYuan: c.outputValue10kYuan,
    note: c.note ?? '',
  };
}

export const EMPTY_REPORT: ReportFormValues = {
  periodType: 'year',
  period: '',
  energy: [{ energyCode: 'raw-coal', unit: 't' }],
  products: [],
};

const amountInput = (testId: string) => (
  <InputNumber min={0} style={{ width: '100%' }} controls={false} data-testid={testId} />
);

/**
 * The energy report form: period, one row per energy (stock balance: opening + purchased − consumed −
 * supplied = closing), products and output value. Errors the API names by field are shown at the field.
 */
export function ReportForm({
  mode,
  initial,
  onSubmit,
  submitText,
}: {
  mode: ReportFormMode;
  initial: ReportFormValues;
  onSubmit: (values: ReportFormValues) => Promise<void>;
  submitText: string;
}) {
  // Untyped instance: server errors arrive as name paths (`['energy', 0, 'closingStock']`) built at run time.
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const periodType = Form.useWatch('periodType', form) ?? initial.periodType;

  const finish = async (values: ReportFormValues) => {
    setBusy(true);
    setGeneral(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const mapped = reportFormErrors(err);
      // Clear earlier server errors first, then place the new ones.
      const cleared = form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name, errors: [] }));
      form.setFields(cleared);
      form.setFields(mapped.fields);
      setGeneral(mapped.general ?? (mapped.fields.length ? '请按字段旁的提示修改后再保存。' : null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={finish}
      scrollToFirstError
      data-testid="report-form"
    >
      {general && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={general}
          data-testid="report-form-error"
        />
      )}
      <Space wrap size="large" align="start">
        <Form.Item name="periodType" label="报表类型" rules={[{ required: true }]}>
          <Select
            disabled={mode !== 'create'}
            style={{ width: 140 }}
            data-testid="report-period-type"
            options={[
              { value: 'year', label: '年报' },
              { value: 'month', label: '月报' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label="报告期"
          rules={[
            { required: true, message: '请填写报告期' },
            {
              pattern: periodType === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/ : /^\d{4}$/,
              message: periodType === 'month' ? '月报格式为 YYYY-MM，如 2026-03' : '年报格式为 YYYY，如 2025',
            },
          ]}
        >
          <Input
            disabled={mode !== 'create'}
            style={{ width: 160 }}
            placeholder={periodType === 'month' ? 'YYYY-MM' : 'YYYY'}
            data-testid="report-period"
          />
        </Form.Item>
      </Space>

      <Typography.Title level={5}>能源消费（实物量）</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        填写期初库存与期末库存时，系统校验：期初 + 购进 − 消费 − 外供 = 期末（允许 0.5% 误差）。折标系数按
        GB/T 2589 取值，电力按当量值。
      </Typography.Paragraph>
      <Form.List name="energy">
        {(fields, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: 1000 }}
              columns={[
                {
                  title: '能源品种',
                  width: 190,
                  render: (_: unknown, f) => (
                    <Form.Item
                      name={[f.name, 'energyCode']}
                      rules={[{ required: true, message: '请选择能源品种' }]}
                      style={{ margin: 0 }}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        data-testid={`energy-${f.name}-code`}
                        options={ENERGY_OPTIONS.map((o) => ({ value: o.code, label: o.nameZh }))}
                        onChange={(code: string) => {
                          const o = energyOption(code);
                          if (o) form.setFieldValue(['energy', f.name, 'unit'], o.defaultUnit);
                        }}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '计量单位',
                  width: 120,
                  render: (_: unknown, f) => (
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const code = form.getFieldValue(['energy', f.name, 'energyCode']) as
                          | string
                          | undefined;
                        const units = energyOption(code)?.units ?? ['t'];
                        return (
                          <Form.Item
                            name={[f.name, 'unit']}
                            rules={[{ required: true, message: '请选择单位' }]}
                            style={{ margin: 0 }}
                          >
                            <Select
                              data-testid={`energy-${f.name}-unit`}
                              options={units.map((u) => ({ value: u, label: unitLabel(u) }))}
                            />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  ),
                },
                ...(
                  [
                    ['openingStock', '期初库存', false],
                    ['purchased', '购进量', true],
                    ['consumed', '消费量', true],
                    ['outputToOthers', '外供量', false],
                    ['closingStock', '期末库存', false],
                  ] as const
                ).map(([key, title, required]) => ({
                  title: required ? (
                    <span>
                      <span style={{ color: '#ff4d4f' }}>* </span>
                      {title}
                    </span>
                  ) : (
                    title
                  ),
                  render: (_: unknown, f: { name: number }) => (
                    <Form.Item
                      name={[f.name, key]}
                      rules={required ? [{ required: true, message: `请填写${title}` }] : []}
                      style={{ margin: 0 }}
                    >
                      {amountInput(`energy-${f.name}-${key}`)}
                    </Form.Item>
                  ),
                })),
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, f) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label="删除此行"
                      disabled={fields.length <= 1}
                      onClick={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ margin: '8px 0 16px' }}
              onClick={() => add({ energyCode: undefined, unit: undefined })}
              disabled={fields.length >= 50}
              data-testid="energy-add"
            >
              添加能源品种
            </Button>
          </>
        )}
      </Form.List>

      <Card size="small" title="产品产量与产值（用于单位产品能耗、产值能耗）" style={{ marginBottom: 16 }}>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'name']}
                    label="产品名称"
                    rules={[{ required: true, message: '请填写产品名称' }]}
                  >
                    <Input style={{ width: 180 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'unit']}
                    label="产量单位"
                    rules={[{ required: true, message: '请填写单位' }]}
                  >
                    <Input style={{ width: 100 }} maxLength={20} placeholder="t" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'output']}
                    label="产量"
                    rules={[{ required: true, message: '请填写产量' }]}
                  >
                    <InputNumber min={0} style={{ width: 160 }} controls={false} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label="删除产品"
                    style={{ marginTop: 30 }}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              <div>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ unit: 't' })}
                  disabled={fields.length >= 20}
                  style={{ marginBottom: 16 }}
                >
                  添加产品
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Form.Item name="outputValue10kYuan" label="工业总产值（可比价，万元）" style={{ marginBottom: 0 }}>
          <InputNumber min={0} style={{ width: 200 }} controls={false} data-testid="report-output-value" />
        </Form.Item>
      </Card>

      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {mode === 'correct' && (
        <Form.Item
          name="reason"
          label="更正原因"
          rules={[
            { required: true, message: '请说明更正原因' },
            { min: 2, message: '至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="report-correction-reason" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="report-save">
        {submitText}
      </Button>
    </Form>
  );
}
