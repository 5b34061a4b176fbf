import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Region } from '@ecep/contract';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { type AllocationCheck, type AllocationItem, putAllocations, unitZh } from '../../lib/targets-api';
import {
  type AllocationFormValues,
  allocationFormErrors,
  rowsOf,
  toAllocationInput,
} from './allocation-form';

export interface AllocationSaved {
  items: AllocationItem[];
  check: AllocationCheck | null;
}

/**
 * 编辑目标分解: the parts below `parent` with their change (intensity) or cap (totals), an optional weight and a
 * note. Only changed rows are sent, each becoming a new version; the API's field errors appear at their row.
 */
export function AllocationEditModal({
  open,
  planId,
  targetCode,
  parent,
  kind,
  unit,
  items,
  onClose,
  onSaved,
}: {
  open: boolean;
  planId: string;
  targetCode: string;
  parent: string;
  /** From the last check: which figure the parts carry; null shows both. */
  kind: 'intensity' | 'total' | null;
  unit?: string;
  items: AllocationItem[];
  onClose: () => void;
  onSaved: (saved: AllocationSaved) => void;
}) {
  const [form] = Form.useForm<AllocationFormValues>();
  const [regions, setRegions] = useState<Region[]>([]);
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const rows = Form.useWatch('items', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ items: rowsOf(items) });
    setGeneral(null);
  }, [open, items, form]);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    call((api) => api.listRegions({ parentCode: parent }))
      .then((r) => alive && setRegions(r.items))
      .catch(() => alive && setRegions([]));
    return () => {
      alive = false;
    };
  }, [open, parent]);

  const existing = new Set(items.map((i) => i.regionCode));
  const taken = new Set(rows.map((r) => r?.regionCode).filter(Boolean));
  const nameOf = (code?: string) => regions.find((r) => r.code === code)?.name ?? code ?? '';
  const showChange = kind !== 'total';
  const showValue = kind !== 'intensity';

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { body, rowOf } = toAllocationInput(
      { planId, targetCode, parentCode: parent, level: 'region' },
      values.items ?? [],
      items,
    );
    if (body.items.length === 0) {
      setGeneral('没有修改：与当前分解相同，未保存');
      return;
    }
    setSaving(true);
    setGeneral(null);
    try {
      onSaved(await putAllocations(body));
    } catch (err) {
      const mapped = allocationFormErrors(err, rowOf);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors })));
      setGeneral(mapped.general ?? '未保存：请按标出的字段修改');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={1000}
      title={`编辑目标分解：${nameOf(parent) || parent} 以下`}
      okText="保存（新版本）"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'allocation-save' } as Record<string, string>}
      destroyOnHidden
    >
      {general && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={general}
          data-testid="allocation-error"
        />
      )}
      <Typography.Paragraph type="secondary">
        {kind === 'intensity'
          ? '强度目标：填写较基期的变化率（%），降低填负数，如 −14.5；权重留空则按基期能耗加权。'
          : kind === 'total'
            ? `总量目标：填写下级的上限${unit ? `（${unitZh(unit)}）` : ''}，合计不得超过上级。`
            : '填写较基期变化率（%，降低填负数）或目标值，二者至少其一。'}
        只保存有改动的行，每行保存为新版本，保存后重新做一致性检查。
      </Typography.Paragraph>
      <Form form={form} component={false}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                data-testid="allocation-form"
                columns={[
                  {
                    title: '地区',
                    width: 200,
                    render: (_: unknown, f) => {
                      const code = rows[f.name]?.regionCode;
                      return code && existing.has(code) ? (
                        <>
                          {nameOf(code)}
                          <Form.Item name={[f.name, 'regionCode']} hidden>
                            <Input />
                          </Form.Item>
                        </>
                      ) : (
                        <Form.Item
                          name={[f.name, 'regionCode']}
                          rules={[{ required: true, message: '请选择地区' }]}
                          style={{ margin: 0 }}
                        >
                          <Select
                            placeholder="选择下级地区"
                            options={regions.map((r) => ({
                              value: r.code,
                              label: r.name,
                              disabled: taken.has(r.code) && r.code !== code,
                            }))}
                          />
                        </Form.Item>
                      );
                    },
                  },
                  ...(showChange
                    ? [
                        {
                          title: '较基期变化（%）',
                          width: 150,
                          render: (_: unknown, f: { name: number }) => (
                            <Form.Item name={[f.name, 'changePct']} style={{ margin: 0 }}>
                              <InputNumber<number>
                                style={{ width: '100%' }}
                                placeholder="如 -14.5"
                                data-testid={`allocation-change-${f.name}`}
                              />
                            </Form.Item>
                          ),
                        },
                      ]
                    : []),
                  ...(showValue
                    ? [
                        {
                          title: `目标值${unit ? `（${unitZh(unit)}）` : ''}`,
                          width: 150,
                          render: (_: unknown, f: { name: number }) => (
                            <Form.Item name={[f.name, 'targetValue']} style={{ margin: 0 }}>
                              <InputNumber<number>
                                style={{ width: '100%' }}
                                data-testid={`allocation-value-${f.name}`}
                              />
                            </Form.Item>
                          ),
                        },
                      ]
                    : []),
                  {
                    title: '权重（可留空）',
                    width: 220,
                    render: (_: unknown, f) => (
                      <Space align="start" size={4}>
                        <Form.Item name={[f.name, 'weightValue']} style={{ margin: 0 }}>
                          <InputNumber<number> style={{ width: 110 }} placeholder="基期能耗" />
                        </Form.Item>
                        <Form.Item name={[f.name, 'weightBasis']} style={{ margin: 0 }}>
                          <Select
                            style={{ width: 80 }}
                            placeholder="口径"
                            options={[
                              { value: 'energy', label: '能耗' },
                              { value: 'gdp', label: 'GDP' },
                            ]}
                          />
                        </Form.Item>
                      </Space>
                    ),
                  },
                  {
                    title: '备注',
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'note']} style={{ margin: 0 }}>
                        <Input maxLength={500} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '',
                    width: 40,
                    render: (_: unknown, f) =>
                      rows[f.name]?.regionCode && existing.has(rows[f.name]?.regionCode ?? '') ? null : (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label="删除此行"
                          onClick={() => remove(f.name)}
                        />
                      ),
                  },
                ]}
              />
              <Button
                style={{ marginTop: 8 }}
                icon={<PlusOutlined />}
                disabled={regions.length > 0 && taken.size >= regions.length}
                onClick={() => add({ weightBasis: null })}
              >
                添加下级地区
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
